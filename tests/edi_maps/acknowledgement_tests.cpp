// 997/999/TA1 from parse and map issues, and the 850 map with an item lookup.

#include <map>

#include <boost/test/unit_test.hpp>

#include "maps_test_support.h"

using namespace crossdock;
using namespace crossdock::edi::maps;
using namespace crossdock::edi::maps::testing;

namespace {

// A catalog of three items for customer ACME; SKU-H is outside its assortment.
class FakeItems : public sales::ItemLookup {
public:
    FakeItems() {
        add("SKU-1", "ACME-77", true);
        add("SKU-100", "", true).units.addLevel("CS", core::Decimal::fromInt(12)).ok();
        add("SKU-GTIN", "", true);
        add("SKU-2", "", true).units.addLevel("CS", core::Decimal::fromInt(6)).ok();
        add("SKU-H", "", false);
    }
    std::optional<sales::ItemFacts> find(const std::string& customer_id,
                                         std::string_view code) const override {
        if (customer_id != "ACME") return std::nullopt;
        for (const auto& [sku, facts] : items_) {
            if (sku == code || (!facts.customer_part_number.empty() && facts.customer_part_number == code))
                return facts;
        }
        return std::nullopt;
    }

private:
    sales::ItemFacts& add(const std::string& sku, const std::string& part, bool visible) {
        sales::ItemFacts facts;
        facts.sku = sku;
        facts.customer_part_number = part;
        facts.visible = visible;
        return items_[sku] = facts;
    }
    std::map<std::string, sales::ItemFacts> items_;
};

PartnerMapping partner() { return loadPartner(testData() / "850" / "partner.json"); }

std::string interchangeWith(const std::string& version, const std::string& po1) {
    const bool v5 = version == "005010";
    return std::string("ISA*00*          *00*          *ZZ*ACMEBUYER      *ZZ*CROSSDOCK      *240115*1200*") +
           (v5 ? "^*00501" : "U*00401") + "*000000042*0*P*>~GS*PO*ACMEBUYER*CROSSDOCK*20240115*1200*42*X*" +
           version + "~ST*850*0042~BEG*00*SA*PO-42**20240115~" + po1 +
           "~CTT*1~SE*5*0042~GE*1*42~IEA*1*000000042~";
}

std::vector<std::vector<std::string>> ackSegments(const InboundDocument& document) {
    auto acks = buildFunctionalAcks(document.interchanges.at(0));
    auto bytes = writeFunctionalAcks(acks, testEnvelope());
    BOOST_TEST_REQUIRE(bytes.ok());
    BOOST_TEST(firstProblem(*bytes) == "");
    return segmentsOf(*bytes);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(acknowledgements)

BOOST_AUTO_TEST_CASE(lookup_resolves_xref_vendor_part_and_gtin) {
    FakeItems items;
    PurchaseOrderOptions options;
    options.items = &items;
    auto result = mapFirstPurchaseOrder(readFile(testData() / "850" / "full_004010.edi"), partner(), options);
    BOOST_TEST_REQUIRE(result.ok());
    BOOST_TEST_REQUIRE(result->ok(), (result->issues.empty() ? "" : result->issues[0].describe()));
    const auto& lines = result->order->request.lines;
    BOOST_TEST(lines[0].sku == "SKU-1");
    BOOST_TEST(lines[1].sku == "SKU-100");
    BOOST_TEST(lines[1].uom == "CS");
    BOOST_TEST(lines[2].sku == "SKU-GTIN");
    BOOST_TEST(result->order->line_details[2].matched_by == "item_xref");
}

BOOST_AUTO_TEST_CASE(unknown_item_is_rejected_with_ak4_code_7) {
    FakeItems items;
    PurchaseOrderOptions options;
    options.items = &items;
    const auto document =
        readInbound(interchangeWith("004010", "PO1*1*1*EA*2**VP*NOPE*BP*SKU-H"), partner(), options);
    const auto& set = document.interchanges.at(0).groups.at(0).transactions.at(0);
    BOOST_TEST(!set.accepted());
    BOOST_TEST(!set.purchase_order.has_value());
    const auto segments = ackSegments(document);
    const std::vector<std::vector<std::string>> expected = {{"ST", "997", "0001"},
                                                            {"AK1", "PO", "42"},
                                                            {"AK2", "850", "0042"},
                                                            {"AK3", "PO1", "3", "", "8"},
                                                            {"AK4", "7", "234", "7", "NOPE"},
                                                            {"AK5", "R", "5"},
                                                            {"AK9", "R", "1", "1", "0"},
                                                            {"SE", "8", "0001"}};
    std::string text;
    for (const auto& segment : segments) {
        for (const auto& element : segment) text += element + "*";
        text += "~";
    }
    BOOST_TEST((segments == expected), "997 segments: " << text);
}

BOOST_AUTO_TEST_CASE(unit_not_of_the_item_is_rejected_on_po103) {
    FakeItems items;
    PurchaseOrderOptions options;
    options.items = &items;
    const auto document =
        readInbound(interchangeWith("005010", "PO1*1*1*PL*2**VP*SKU-1"), partner(), options);
    const auto segments = ackSegments(document);
    BOOST_TEST_REQUIRE(segments.size() == 8u);
    BOOST_TEST((segments[0] == std::vector<std::string>{"ST", "999", "0001", "005010X231A1"}));
    BOOST_TEST((segments[1] == std::vector<std::string>{"AK1", "PO", "42", "005010"}));
    BOOST_TEST((segments[3] == std::vector<std::string>{"IK3", "PO1", "3", "", "8"}));
    BOOST_TEST((segments[4] == std::vector<std::string>{"IK4", "3", "355", "7", "PL"}));
    BOOST_TEST((segments[5] == std::vector<std::string>{"IK5", "R", "5"}));
}

BOOST_AUTO_TEST_CASE(hidden_item_counts_as_unknown) {
    FakeItems items;
    PurchaseOrderOptions options;
    options.items = &items;
    const auto document =
        readInbound(interchangeWith("004010", "PO1*1*1*EA*2**VP*SKU-H"), partner(), options);
    BOOST_TEST(document.purchaseOrders().empty());
}

BOOST_AUTO_TEST_CASE(syntax_errors_become_ak5_and_ak9_codes) {
    const auto bytes = readFile(testData() / "syntax" / "count_mismatch.edi");
    const auto document = readInbound(bytes, partner());
    const auto acks = buildFunctionalAcks(document.interchanges.at(0));
    BOOST_TEST_REQUIRE(!acks.empty());
    bool found = false;
    for (const auto& ack : acks)
        for (const auto& set : ack.sets)
            for (auto code : set.codes)
                found = found || code == edi::x12::TransactionCode::SegmentCountMismatch;
    BOOST_TEST(found, "AK5 code 4 for a wrong SE01");
}

BOOST_AUTO_TEST_CASE(ta1_for_a_duplicate_from_history) {
    const auto document = readInbound(readFile(testData() / "850" / "full_005010.edi"), partner());
    const auto& info = document.interchanges.at(0).info;
    auto bytes =
        writeTa1(info, 'R', edi::x12::InterchangeCode::DuplicateControlNumber, testEnvelope("005010"));
    BOOST_TEST_REQUIRE(bytes.ok());
    BOOST_TEST(firstProblem(*bytes) == "");
    BOOST_TEST(bytes->find("TA1*000000102*240115*1200*R*025~") != std::string::npos, *bytes);
    BOOST_TEST(bytes->find("IEA*0*000000501~") != std::string::npos, *bytes);
}

BOOST_AUTO_TEST_CASE(ta1_decision_follows_isa14_and_envelope_errors) {
    const auto requested = readInbound(readFile(testData() / "850" / "full_004010.edi"), partner());
    const auto decision = decideTa1(requested.interchanges.at(0));
    BOOST_TEST(decision.needed);
    BOOST_TEST(decision.acknowledgment == 'A');
    const auto broken = readInbound(readFile(testData() / "syntax" / "control_mismatch.edi"), partner());
    const auto bad = decideTa1(broken.interchanges.at(0));
    BOOST_TEST(bad.needed);
    BOOST_TEST(bad.acknowledgment == 'R');
    BOOST_TEST(edi::x12::toString(bad.note) == "001");
}

BOOST_AUTO_TEST_CASE(a_partner_ta1_before_the_first_group_is_not_an_error) {
    // Partners answer our interchanges with a TA1 between ISA and GS (or alone).
    const std::string bytes =
        "ISA*00*          *00*          *ZZ*ACMEBUYER      *ZZ*CROSSDOCK      "
        "*240115*1200*U*00401*000000043*0*P*>~"
        "TA1*000000501*240201*0930*A*000~IEA*0*000000043~";
    BOOST_TEST(firstProblem(bytes) == "");
    const auto document = readInbound(bytes, partner());
    BOOST_TEST(document.clean());
    BOOST_TEST(!decideTa1(document.interchanges.at(0)).needed);
}

BOOST_AUTO_TEST_SUITE_END()
