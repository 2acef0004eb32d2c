#include "edi_fixture.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/test/unit_test.hpp>

namespace crossdock::integration::edi_test {
namespace {

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

void loadDemoWorld() {
    auto& env = TestEnvironment::get();
    const std::string log = (env.dir() / "init-demo.log").string();
    const std::string command = shellQuote(CROSSDOCK_BINARY) + " init --demo --db " +
                                shellQuote(env.dbUrl()) + " 2>" + shellQuote(log);
    BOOST_TEST_REQUIRE(runCommand(command) == 0, "crossdock init --demo failed:\n" << readFile(log));
}

}  // namespace

std::string createPartner(const std::string& id, const std::string& isa_id, const std::string& gs_id,
                          const std::string& delivery_url) {
    auto& env = TestEnvironment::get();
    core::JsonWriter body;
    body.beginObject().field("id", id).field("name", "Integration " + id).field("customer_id", "ACME");
    body.key("formats").beginArray().string("x12-004010").endArray();
    body.key("x12").beginObject().field("isa_qualifier", "ZZ").field("isa_id", isa_id).field("gs_id", gs_id);
    body.endObject().key("item_xref").beginArray();
    body.beginObject().field("partner_item", "AC-100234").field("sku", "SCR-MS-M6X20-SS").endObject();
    body.beginObject().field("partner_item", "AC-200871").field("sku", "BLT-HEX-M10X50-ZP").endObject();
    body.endArray().key("uom_map").beginObject().field("CA", "CS").endObject();
    if (!delivery_url.empty()) body.key("delivery").beginObject().field("url", delivery_url).endObject();
    body.endObject();
    auto answer = request(
        env.port(),
        {.method = "POST", .path = "/api/v1/partners", .body = body.take(), .token = env.adminToken()});
    BOOST_TEST_REQUIRE(answer.status == 201, "create partner: " << answer.body);
    const core::Json created = answer.json();
    const core::Json* key = created.find("api_key");
    BOOST_TEST_REQUIRE((key != nullptr && key->isString()), "no api_key in " << answer.body);
    return key->asString();
}

const std::string& partnerKey() {
    static const std::string key = [] {
        loadDemoWorld();  // before the shared server starts: the snapshots load at start
        return createPartner(kPartnerId, "ITACME", "ITACMEGS");
    }();
    return key;
}

std::string testData(const std::string& relative) {
    std::ifstream in(std::string(CROSSDOCK_TEST_DATA_DIR) + "/" + relative, std::ios::binary);
    BOOST_TEST_REQUIRE(static_cast<bool>(in), "cannot read tests/data/" << relative);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string document850(const std::string& name, std::uint32_t control, const std::string& po,
                        const std::string& isa_id, const std::string& gs_id) {
    std::string text = testData("x12/pipeline/" + name);
    std::string padded = isa_id;
    padded.resize(15, ' ');
    text = replaceAll(text, "*ZZ*ACMEPURCHASING *", "*ZZ*" + padded + "*");
    text = replaceAll(text, "GS*PO*ACMEPURCH*", "GS*PO*" + gs_id + "*");
    std::string isa13 = std::to_string(control);
    isa13.insert(0, 9 - isa13.size(), '0');
    text = replaceAll(text, "000000501", isa13);
    text = replaceAll(text, "000000502", isa13);
    return replaceAll(replaceAll(text, "ACME-PO-501", po), "ACME-PO-502", po);
}

std::uint32_t nextControl() {
    static std::uint32_t next = 700;
    return ++next;
}

HttpAnswer postInbound(const std::string& bytes, const std::string& key) {
    return request(TestEnvironment::get().port(), {.method = "POST",
                                                   .path = "/edi/inbound",
                                                   .body = bytes,
                                                   .content_type = "application/edi-x12",
                                                   .token = key});
}

core::Json getMessage(std::int64_t id, std::uint16_t port) {
    auto& env = TestEnvironment::get();
    if (port == 0) port = env.port();
    // POST /edi/inbound answers once the message is stored; the server's job processes it
    // right after: wait (bounded) until its status is final.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        auto answer =
            request(port, {.path = "/api/v1/edi/messages/" + std::to_string(id), .token = env.adminToken()});
        BOOST_TEST_REQUIRE(answer.status == 200, "message " << id << ": " << answer.body);
        core::Json message = answer.json();
        const std::string status = message.find("status")->asString();
        const bool pending = status == "received" || status == "processing";
        if (!pending || std::chrono::steady_clock::now() > deadline) return message;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace crossdock::integration::edi_test
