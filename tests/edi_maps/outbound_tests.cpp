// Order → 855, Shipment → 856, Invoice → 810, data-driven: tests/data/x12/<doc>/<case>.json
// holds the sales objects (and "version"), <case>.edi the expected interchange. Each
// output is also reparsed with our own parser (no issue allowed) and read back.

#include <boost/test/unit_test.hpp>

#include "maps_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock;
using namespace crossdock::edi::maps;
using namespace crossdock::edi::maps::testing;
using crossdock::core::Json;

namespace {

using Segments = std::vector<std::vector<std::string>>;

std::string versionOf(const Json& json) {
    const Json* version = json.find("version");
    return version != nullptr ? version->asString() : "004010";
}

std::vector<const std::vector<std::string>*> withId(const Segments& segments, const std::string& id) {
    std::vector<const std::vector<std::string>*> out;
    for (const auto& segment : segments)
        if (segment.at(0) == id) out.push_back(&segment);
    return out;
}

core::Result<std::string> generate(const std::string& doc, const Json& json) {
    const OutboundEnvelope envelope = testEnvelope(versionOf(json));
    if (doc == "855") {
        std::optional<core::Date> po_date;
        if (const Json* d = json.find("po_date")) po_date = core::Date::parse(d->asString()).value();
        return write855(orderFromJson(*json.find("order")), envelope, po_date);
    }
    const sales::Order order = orderFromJson(*json.find("order"));
    if (doc == "856") return write856(shipmentFromJson(*json.find("shipment")), order, envelope);
    return write810(invoiceFromJson(*json.find("invoice")), envelope, &order);
}

// What the document says must be what the sales objects said.
void readBack(const std::string& doc, const Json& json, const Segments& segments) {
    const sales::Order order = orderFromJson(*json.find("order"));
    if (doc == "855") {
        const auto po1 = withId(segments, "PO1");
        BOOST_TEST_REQUIRE(po1.size() == order.lines.size());
        for (std::size_t i = 0; i < po1.size(); ++i) {
            BOOST_TEST(core::Decimal::parse(po1[i]->at(2)).value().toShortString() ==
                       order.lines[i].quantity.toShortString());
            BOOST_TEST(po1[i]->at(3) == order.lines[i].uom);
        }
    } else if (doc == "856") {
        const auto hl = withId(segments, "HL");
        BOOST_TEST(withId(segments, "CTT").at(0)->at(1) == std::to_string(hl.size()));
        const sales::Shipment shipment = shipmentFromJson(*json.find("shipment"));
        BOOST_TEST(withId(segments, "MAN").size() == shipment.packages.size());
        BOOST_TEST(withId(segments, "SN1").size() == shipment.lines.size());
    } else {
        const sales::Invoice invoice = invoiceFromJson(*json.find("invoice"));
        const auto tds = withId(segments, "TDS").at(0);
        BOOST_TEST(core::Decimal::fromScaled(std::stoll(tds->at(1)), 2).value().toShortString() ==
                   invoice.total.roundHalfUp(2).toShortString());
        BOOST_TEST(withId(segments, "IT1").size() == invoice.lines.size());
    }
}

void checkFolder(const std::string& doc) {
    const auto cases = filesIn(testData() / doc, ".json");
    BOOST_TEST_REQUIRE(cases.size() >= 2u, "cases in " << doc);
    for (const auto& path : cases) {
        BOOST_TEST_CONTEXT(doc << "/" << path.filename().string()) {
            const Json json = core::parseJson(readFile(path)).value();
            auto bytes = generate(doc, json);
            BOOST_TEST_REQUIRE(bytes.ok(), (bytes.ok() ? std::string() : bytes.error().describe()));
            fs::path expected = path;
            expected.replace_extension(".edi");
            checkGolden(expected, *bytes);
            const auto problems = syntaxProblems(*bytes);
            BOOST_TEST(problems.empty(), (problems.empty() ? "" : problems[0]));
            const Segments segments = segmentsOf(*bytes);
            BOOST_TEST_REQUIRE(!segments.empty());
            BOOST_TEST(segments.front().at(1) == doc);
            readBack(doc, json, segments);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbound)

BOOST_AUTO_TEST_CASE(acknowledgements_855) { checkFolder("855"); }
BOOST_AUTO_TEST_CASE(ship_notices_856) { checkFolder("856"); }
BOOST_AUTO_TEST_CASE(invoices_810) { checkFolder("810"); }

BOOST_AUTO_TEST_CASE(a_delimiter_inside_a_value_is_refused) {
    const Json json = core::parseJson(readFile(testData() / "855" / "accepted_all.json")).value();
    sales::Order order = orderFromJson(*json.find("order"));
    order.po_number = "PO*1";
    BOOST_TEST(!write855(order, testEnvelope()).ok());
}

BOOST_AUTO_TEST_CASE(partner_delimiters_are_used) {
    const Json json = core::parseJson(readFile(testData() / "855" / "accepted_all.json")).value();
    OutboundEnvelope envelope = testEnvelope("005010");
    envelope.delimiters = edi::x12::Delimiters{'|', ':', '^', '\n'};
    envelope.line_suffix.clear();
    auto bytes = write855(orderFromJson(*json.find("order")), envelope);
    BOOST_TEST_REQUIRE(bytes.ok());
    BOOST_TEST(bytes->find("\nBAK|00|AD|") != std::string::npos, *bytes);
    BOOST_TEST(syntaxProblems(*bytes).empty());
}

BOOST_AUTO_TEST_CASE(shipment_line_not_on_the_order_is_refused) {
    const Json json = core::parseJson(readFile(testData() / "856" / "one_package.json")).value();
    sales::Shipment shipment = shipmentFromJson(*json.find("shipment"));
    shipment.lines[0].order_line_no = 99;
    BOOST_TEST(!write856(shipment, orderFromJson(*json.find("order")), testEnvelope()).ok());
}

BOOST_AUTO_TEST_SUITE_END()
