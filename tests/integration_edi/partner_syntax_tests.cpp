// Per-partner outbound delimiters (CONTRACT.md: `*` `>` `~` unless the partner profile
// says otherwise): validated by POST /api/v1/partners, kept with the partner, and used by
// every acknowledgement and response the pipeline writes for it.
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "edi_fixture.h"

using namespace crossdock;
using namespace crossdock::integration;
using namespace crossdock::integration::edi_test;

namespace {

HttpAnswer postPartner(const std::string& id, const std::string& isa_id, const std::string& formats,
                       const std::string& syntax) {
    auto& env = TestEnvironment::get();
    const std::string body =
        R"({"id":")" + id + R"(","name":"Syntax )" + id + R"(","customer_id":"ACME","formats":[)" + formats +
        R"(],"x12":{"isa_qualifier":"ZZ","isa_id":")" + isa_id + R"(","gs_id":")" + isa_id + R"(GS")" +
        syntax +
        R"(},"item_xref":[{"partner_item":"AC-100234","sku":"SCR-MS-M6X20-SS"},)"
        R"({"partner_item":"AC-200871","sku":"BLT-HEX-M10X50-ZP"}],"uom_map":{"CA":"CS"}})";
    return request(env.port(),
                   {.method = "POST", .path = "/api/v1/partners", .body = body, .token = env.adminToken()});
}

std::string rawOf(std::int64_t id) {
    auto& env = TestEnvironment::get();
    auto raw = request(env.port(), {.path = "/api/v1/edi/messages/" + std::to_string(id) + "/raw",
                                    .token = env.adminToken()});
    BOOST_TEST_REQUIRE(raw.status == 200, raw.body);
    return raw.body;
}

// `crossdock edi parse` on the bytes: exit code and canonical JSON.
std::pair<int, std::string> parseWithOurReader(const std::string& name, const std::string& bytes) {
    auto& env = TestEnvironment::get();
    const auto in = env.dir() / (name + ".edi");
    const auto out = env.dir() / (name + ".json");
    std::ofstream(in, std::ios::binary) << bytes;
    const int code = runCommand(shellQuote(CROSSDOCK_BINARY) + " edi parse " + shellQuote(in.string()) +
                                " >" + shellQuote(out.string()) + " 2>/dev/null");
    return {code, readFile(out)};
}

// The ISA of an outbound document is fixed-width: its delimiters sit at fixed offsets.
void checkDelimiters(const std::string& what, const std::string& bytes) {
    BOOST_TEST_REQUIRE(bytes.size() > 110u, what << ": " << bytes);
    BOOST_TEST(bytes.substr(0, 4) == "ISA|", what);
    BOOST_TEST(bytes[82] == 'U', what << ": ISA11 of a 004010 interchange");
    BOOST_TEST(bytes[104] == '^', what << ": ISA16");
    BOOST_TEST(bytes[105] == '\n', what << ": the terminator");
    BOOST_TEST(bytes.find('~') == std::string::npos, what << " still holds the default terminator");
    BOOST_TEST(bytes.find('*') == std::string::npos, what << " still holds the default element separator");
    const auto [code, json] = parseWithOurReader(what, bytes);
    BOOST_TEST(code == 0, what << " does not parse: " << json);
    BOOST_TEST(json.find(R"("element": "|", "component": "^")") != std::string::npos, json.substr(0, 300));
    BOOST_TEST(json.find(R"("segment": "\n")") != std::string::npos, json.substr(0, 300));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(partner_syntax)

BOOST_AUTO_TEST_CASE(a_partner_with_its_own_delimiters_gets_its_997_and_855_in_them) {
    (void)partnerKey();
    auto created =
        postPartner("IT-PIPES", "ITPIPES", R"("x12-004010")",
                    R"(,"element_separator":"|","component_separator":"^","segment_terminator":"\n")");
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string key = created.json().find("api_key")->asString();
    const core::Json stored = created.json();
    BOOST_TEST(stored.find("x12")->find("element_separator")->asString() == "|");
    BOOST_TEST(stored.find("x12")->find("segment_terminator")->asString() == "\n");

    const std::string bytes =
        document850("acme_850.edi", nextControl(), "IT-PIPES-1", "ITPIPES", "ITPIPESGS");
    auto answer = postInbound(bytes, key);
    BOOST_TEST_REQUIRE(answer.status == 202, answer.body);
    const core::Json message = getMessage(*answer.json().find("message_id")->asInt64());
    BOOST_TEST(message.find("status")->asString() == "processed", toJsonString(*message.find("errors")));
    const auto& related = message.find("related")->items();
    BOOST_TEST_REQUIRE(related.size() == 2u);
    for (const auto& id : related) {
        const core::Json out = getMessage(*id.asInt64());
        const std::string type = out.find("document_type")->asString();
        BOOST_TEST((type == "997" || type == "855"));
        checkDelimiters(type + "-" + std::to_string(*id.asInt64()), rawOf(*id.asInt64()));
    }
}

BOOST_AUTO_TEST_CASE(bad_delimiters_answer_400_with_the_field) {
    (void)partnerKey();
    struct Case {
        std::string formats;
        std::string syntax;
        std::string where;
    };
    const std::vector<Case> cases = {
        {R"("x12-004010")", R"(,"element_separator":"A")", "$.x12.element_separator"},
        {R"("x12-004010")", R"(,"element_separator":"||")", "$.x12.element_separator"},
        {R"("x12-004010")", R"(,"component_separator":" ")", "$.x12.component_separator"},
        {R"("x12-004010")", R"(,"component_separator":"7")", "$.x12.component_separator"},
        {R"("x12-004010")", R"(,"element_separator":"\n")", "$.x12.element_separator"},
        {R"("x12-004010")", R"(,"segment_terminator":"*")", "$.x12.segment_terminator"},
        {R"("x12-004010")", R"(,"element_separator":"|","component_separator":"|")",
         "$.x12.component_separator"},
        {R"("x12-004010")", R"(,"repetition_separator":"!")", "$.x12.repetition_separator"},
        {R"("x12-005010")", R"(,"component_separator":"^")", "$.x12.component_separator"},
        {R"("x12-004010")", R"(,"segment_suffix":"\t")", "$.x12.segment_suffix"},
        {R"("x12-004010")", R"(,"segment_terminator":"\n","segment_suffix":"\n")", "$.x12.segment_suffix"},
    };
    int n = 0;
    for (const Case& c : cases) {
        ++n;
        auto answer = postPartner("IT-BADSYN-" + std::to_string(n), "ITBADSYN" + std::to_string(n), c.formats,
                                  c.syntax);
        BOOST_TEST(answer.status == 400, c.syntax << ": " << answer.body);
        BOOST_TEST(answer.body.find(c.where) != std::string::npos, c.syntax << ": " << answer.body);
    }
    auto fine =
        postPartner("IT-GOODSYN", "ITGOODSYN", R"("x12-004010","x12-005010")",
                    R"(,"component_separator":":","repetition_separator":"!","segment_suffix":"\r\n")");
    BOOST_TEST(fine.status == 201, fine.body);
}

BOOST_AUTO_TEST_SUITE_END()
