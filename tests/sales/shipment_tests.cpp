// SSCC-18 check digits and applyShipment's checks.

#include "crossdock/sales/shipment.h"
#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

Order acknowledgedOrder() {
    Order order;
    order.id = 1;
    order.number = "SO-000001";
    order.status = OrderStatus::Acknowledged;
    OrderLine a;
    a.line_no = 1;
    a.sku = "BOLT";
    a.quantity = dec("10");
    a.uom = "EA";
    OrderLine b = a;
    b.line_no = 2;
    b.sku = "NUT";
    b.quantity = dec("2");
    b.uom = "BX";
    OrderLine rejected = a;
    rejected.line_no = 3;
    rejected.status = LineStatus::Rejected;
    order.lines = {a, b, rejected};
    return order;
}

ShipmentInput input(std::vector<ShipmentLine> lines, std::vector<std::string> ssccs = {}) {
    ShipmentInput in;
    in.carrier = "UPSN";
    in.ship_date = date(2026, 3, 10);
    for (auto& s : ssccs) in.packages.push_back(Package{s, std::nullopt});
    in.lines = std::move(lines);
    return in;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shipments)

BOOST_AUTO_TEST_CASE(gs1_check_digits) {
    BOOST_TEST(*gs1CheckDigit("400638133393") == 1);  // EAN-13 4006381333931
    BOOST_TEST(*gs1CheckDigit("37612345000012345") == 6);
    BOOST_TEST(*gs1CheckDigit("00000000000000000") == 0);
    BOOST_TEST(*gs1CheckDigit("9") == 3);  // 27 → 3
    BOOST_TEST(!gs1CheckDigit(""));
    BOOST_TEST(!gs1CheckDigit("12a4"));
}

BOOST_AUTO_TEST_CASE(sscc_validation) {
    BOOST_TEST(isValidSscc("376123450000123456"));
    BOOST_TEST(isValidSscc("000000000000000000"));
    BOOST_TEST(!isValidSscc("376123450000123457"));    // wrong check digit
    BOOST_TEST(!isValidSscc("37612345000012345"));     // 17 digits
    BOOST_TEST(!isValidSscc("00376123450000123456"));  // with the (00) application identifier
    BOOST_TEST(!isValidSscc("3761234500001234X6"));
    BOOST_TEST(!isValidSscc(""));
    // Every wrong check digit of a valid body is caught.
    for (char c = '0'; c <= '9'; ++c) {
        std::string sscc = "37612345000012345";
        sscc += c;
        BOOST_TEST(isValidSscc(sscc) == (c == '6'), sscc);
    }
}

BOOST_AUTO_TEST_CASE(partial_then_full) {
    Order order = acknowledgedOrder();
    auto first =
        applyShipment(order, input({{1, "", dec("4"), ""}}, {"376123450000123456"}), 7, noon(2026, 3, 10));
    BOOST_REQUIRE(first.ok());
    BOOST_TEST(order.status == OrderStatus::PartiallyShipped);
    BOOST_TEST(order.lines[0].shipped_quantity == dec("4"));
    BOOST_TEST(first->lines[0].sku == "BOLT");
    BOOST_TEST(first->packages.size() == 1U);
    auto second =
        applyShipment(order, input({{1, "", dec("6"), ""}, {2, "", dec("2"), ""}}), 7, noon(2026, 3, 11));
    BOOST_REQUIRE(second.ok());
    BOOST_TEST(order.status == OrderStatus::Shipped);
    BOOST_TEST(order.transitions.size() == 2U);
    BOOST_TEST(order.fullyShipped());
}

BOOST_AUTO_TEST_CASE(cannot_ship_more_than_ordered_minus_shipped) {
    Order order = acknowledgedOrder();
    order.lines[0].shipped_quantity = dec("7");
    order.status = OrderStatus::PartiallyShipped;
    const Order before = order;
    BOOST_TEST(codeOf(applyShipment(order, input({{1, "", dec("3.0001"), ""}}), 7, {})) ==
               ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(applyShipment(order, input({{1, "", dec("2"), ""}, {1, "", dec("2"), ""}}), 7, {})) ==
               ErrorCode::InvalidArgument);
    BOOST_TEST(order.lines[0].shipped_quantity == before.lines[0].shipped_quantity);
    BOOST_TEST(applyShipment(order, input({{1, "", dec("3"), ""}}), 7, {}).ok());
}

BOOST_AUTO_TEST_CASE(bad_input) {
    Order order = acknowledgedOrder();
    BOOST_TEST(codeOf(applyShipment(order, input({}), 7, {})) == ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(applyShipment(order, input({{9, "", dec("1"), ""}}), 7, {})) ==
               ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(applyShipment(order, input({{3, "", dec("1"), ""}}), 7, {})) ==
               ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(applyShipment(order, input({{1, "", dec("0"), ""}}), 7, {})) ==
               ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(applyShipment(order, input({{1, "", dec("1"), ""}}, {"376123450000123457"}), 7, {})) ==
               ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(applyShipment(
                   order, input({{1, "", dec("1"), ""}}, {"376123450000123456", "376123450000123456"}), 7,
                   {})) == ErrorCode::InvalidArgument);
    ShipmentInput no_carrier = input({{1, "", dec("1"), ""}});
    no_carrier.carrier.clear();
    BOOST_TEST(codeOf(applyShipment(order, no_carrier, 7, {})) == ErrorCode::InvalidArgument);
    BOOST_TEST(order.status == OrderStatus::Acknowledged);
    BOOST_TEST(order.transitions.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
