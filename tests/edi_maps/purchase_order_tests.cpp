// 850 → OrderRequest, data-driven: tests/data/x12/850/<case>.edi maps to <case>.json
// (transactions, issues, the mapped order) and is acknowledged with
// tests/data/x12/997/<case>.edi or 999/<case>.edi (and <case>.ta1.edi when a TA1 is
// due); every 850 of ../shared/corpus/x12 listed in 850/corpus.txt maps to
// 850/corpus/<name>.json. CROSSDOCK_UPDATE_GOLDEN=1 rewrites the expected files.

#include <fstream>
#include <map>

#include <boost/test/unit_test.hpp>

#include "maps_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock::edi::maps;
using namespace crossdock::edi::maps::testing;
using crossdock::core::Json;

namespace {

PartnerMapping partner() { return loadPartner(testData() / "850" / "partner.json"); }

// The acknowledgements of every interchange of `document`, concatenated.
std::string acknowledgements(const InboundDocument& document, bool& any999) {
    std::string out;
    std::uint32_t control = 501;
    for (const auto& interchange : document.interchanges) {
        const auto acks = buildFunctionalAcks(interchange);
        if (acks.empty()) continue;
        for (const auto& ack : acks) any999 = any999 || ack.implementation;
        OutboundEnvelope envelope = testEnvelope();
        envelope.interchange_control = control++;
        auto bytes = writeFunctionalAcks(acks, envelope);
        BOOST_TEST_REQUIRE(bytes.ok(), (bytes.ok() ? std::string() : bytes.error().describe()));
        out += *bytes;
    }
    return out;
}

std::string ta1s(const InboundDocument& document) {
    std::string out;
    for (const auto& interchange : document.interchanges) {
        const Ta1Decision decision = decideTa1(interchange);
        if (!decision.needed) continue;
        auto bytes = writeTa1(interchange.info, decision.acknowledgment, decision.note, testEnvelope());
        BOOST_TEST_REQUIRE(bytes.ok(), (bytes.ok() ? std::string() : bytes.error().describe()));
        out += *bytes;
    }
    return out;
}

void checkCase(const fs::path& edi) {
    const std::string bytes = readFile(edi);
    const InboundDocument document = readInbound(bytes, partner());
    fs::path json = edi;
    json.replace_extension(".json");
    checkGolden(json, crossdock::core::toPrettyJsonString(inboundJson(document)) + "\n");

    bool any999 = false;
    const std::string acks = acknowledgements(document, any999);
    const std::string name = edi.stem().string();
    checkGolden(testData() / (any999 ? "999" : "997") / (name + ".edi"), acks);
    BOOST_TEST(firstProblem(acks) == "", "our acknowledgement reparses cleanly");
    const std::string ta1 = ta1s(document);
    if (!ta1.empty()) {
        checkGolden(testData() / "997" / (name + ".ta1.edi"), ta1);
        BOOST_TEST(firstProblem(ta1) == "");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(purchase_order_850)

BOOST_AUTO_TEST_CASE(every_case_maps_and_is_acknowledged_as_expected) {
    const auto cases = filesIn(testData() / "850", ".edi");
    BOOST_TEST_REQUIRE(cases.size() >= 7u);
    for (const auto& edi : cases) {
        BOOST_TEST_CONTEXT(edi.filename().string()) { checkCase(edi); }
    }
}

BOOST_AUTO_TEST_CASE(corpus_850s_map_as_expected) {
    const fs::path corpus = corpusDir() / "x12";
    if (!fs::exists(corpus)) {
        BOOST_TEST_MESSAGE("corpus not found at " << corpus << ": skipped");
        return;
    }
    std::ifstream list(testData() / "850" / "corpus.txt");
    std::string name;
    std::string relative;
    int seen = 0;
    while (list >> name >> relative) {
        BOOST_TEST_CONTEXT(relative) {
            const std::string bytes = readFile(corpus / relative);
            const InboundDocument document = readInbound(bytes, partner());
            checkGolden(testData() / "850" / "corpus" / (name + ".json"),
                        crossdock::core::toPrettyJsonString(inboundJson(document)) + "\n");
            ++seen;
        }
    }
    BOOST_TEST(seen >= 8);
}

BOOST_AUTO_TEST_CASE(gtin_check_digits_are_validated) {
    const auto ok = mapFirstPurchaseOrder(readFile(testData() / "850" / "full_005010.edi"), partner());
    BOOST_TEST_REQUIRE(ok.ok());
    BOOST_TEST_REQUIRE(ok->ok());
    BOOST_TEST(ok->order->line_details[1].gtin == "04006381333931");
}

BOOST_AUTO_TEST_CASE(input_without_850_is_an_error) {
    const std::string not850 =
        "ISA*00*          *00*          *ZZ*A              *ZZ*B              "
        "*240115*1200*U*00401*000000001*0*P*>~"
        "GS*IN*A*B*20240115*1200*1*X*004010~ST*810*0001~BIG*20240115*1~SE*3*0001~GE*1*1~IEA*1*000000001~";
    BOOST_TEST(!mapFirstPurchaseOrder(not850, partner()).ok());
}

BOOST_AUTO_TEST_SUITE_END()
