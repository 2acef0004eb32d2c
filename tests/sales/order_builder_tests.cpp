// OrderBuilder: per-line validation, pricing, stock, price tolerance, credit.

#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

BuildResult build(World& w, OrderRequest request) { return w.builder.build(request, date(2026, 3, 10)); }

BuildResult buildOne(World& w, OrderRequestLine line, std::string customer = "ACME") {
    return build(w, orderRequest(std::move(customer), "PO-1", {std::move(line)}));
}

ErrorCode lineErrorOf(const BuildResult& result) {
    BOOST_REQUIRE(!result.ok());
    BOOST_REQUIRE(result.line_errors.size() == 1U);
    return result.line_errors[0].error.code;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_builder)

BOOST_AUTO_TEST_CASE(prices_and_totals) {
    World w;
    OrderRequest request =
        orderRequest("ACME", "PO-1", {orderLine("BOLT", "2", "CS"), orderLine("WIDGET", "3", "EA")});
    request.lines[0].line_ref = "001";
    auto result = build(w, request);
    BOOST_REQUIRE(result.ok());
    const Order& order = *result.order;
    BOOST_TEST(order.status == OrderStatus::Received);
    BOOST_TEST(order.currency == "USD");
    BOOST_TEST(order.lines[0].line_no == 1);
    BOOST_TEST(order.lines[0].line_ref == "001");
    BOOST_TEST(order.lines[0].unit_price == dec("12"));
    BOOST_TEST(order.lines[0].extended == dec("24"));
    BOOST_TEST(order.lines[0].status == LineStatus::Accepted);
    BOOST_TEST(order.lines[0].explanation == "list BASE, BOLT CS");
    BOOST_TEST(order.total == dec("324"));
    BOOST_TEST(result.line_errors.empty());
}

BOOST_AUTO_TEST_CASE(item_must_be_known_visible_and_active) {
    World w;
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NOPE", "1", "EA"))) == ErrorCode::NotFound);
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("HIDDEN", "1", "EA"))) == ErrorCode::NotFound);
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("OLD", "1", "EA"))) == ErrorCode::FailedPrecondition);
    OrderRequestLine no_code = orderLine("", "1", "EA");
    BOOST_TEST(lineErrorOf(buildOne(w, no_code)) == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(customer_part_numbers) {
    World w;
    OrderRequestLine by_part = orderLine("", "5", "EA");
    by_part.customer_part_number = "ACME-B-7";
    auto result = buildOne(w, by_part);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.order->lines[0].sku == "BOLT");
    BOOST_TEST(result.order->lines[0].customer_part_number == "ACME-B-7");
    // Another customer's part number means nothing to GLOBEX.
    BOOST_TEST(lineErrorOf(buildOne(w, by_part, "GLOBEX")) == ErrorCode::NotFound);
}

BOOST_AUTO_TEST_CASE(unit_must_be_the_items) {
    World w;
    auto result = buildOne(w, orderLine("BOLT", "1", "BX"));
    BOOST_TEST(lineErrorOf(result) == ErrorCode::InvalidArgument);
    BOOST_TEST(result.line_errors[0].error.where == "$.lines[0].uom");
}

BOOST_AUTO_TEST_CASE(moq_and_multiple_in_base_units) {
    World w;  // NUT: MOQ 100 EA, multiple 50 EA, BX = 100 EA
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NUT", "50", "EA"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NUT", "99", "EA"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(buildOne(w, orderLine("NUT", "100", "EA")).ok());
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NUT", "120", "EA"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(buildOne(w, orderLine("NUT", "150", "EA")).ok());
    BOOST_TEST(buildOne(w, orderLine("NUT", "1", "BX")).ok());  // 100 EA
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NUT", "0.5", "BX"))) ==
               ErrorCode::InvalidArgument);                       // 50 < MOQ
    BOOST_TEST(buildOne(w, orderLine("NUT", "1.5", "BX")).ok());  // 150 EA
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NUT", "1.25", "BX"))) == ErrorCode::InvalidArgument);
    BOOST_TEST(lineErrorOf(buildOne(w, orderLine("NUT", "-100", "EA"))) == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(short_stock_becomes_backorder) {
    World w;  // NUT: 150 EA available; BOLT: 1000 EA
    auto result = build(w, orderRequest("ACME", "PO-1",
                                        {orderLine("NUT", "100", "EA"), orderLine("NUT", "100", "EA"),
                                         orderLine("BOLT", "100", "CS"), orderLine("NUT", "1", "BX")}));
    BOOST_REQUIRE(result.ok());
    const auto& lines = result.order->lines;
    BOOST_TEST(lines[0].status == LineStatus::Accepted);
    BOOST_TEST(lines[1].status == LineStatus::Backordered);
    BOOST_TEST(lines[1].backordered_quantity == dec("50"));
    // 1200 EA asked, 1000 there: 200 EA short = 16.67 CS, backordered as 17 whole cases.
    BOOST_TEST(lines[2].status == LineStatus::Backordered);
    BOOST_TEST(lines[2].backordered_quantity == dec("17"));
    BOOST_TEST(lines[3].backordered_quantity == dec("1"));      // nothing left
    BOOST_TEST(result.order->status == OrderStatus::Received);  // backorders do not hold
    BOOST_TEST(result.order->total == dec("1230"));             // backordered quantities are still ordered
}

BOOST_AUTO_TEST_CASE(untracked_and_fractional_stock) {
    World w;
    BOOST_TEST(buildOne(w, orderLine("WIDGET", "100000", "EA")).order->lines[0].status ==
               LineStatus::Accepted);
    ItemFacts& rope = w.items.put(item("ROPE", "MTR"));
    rope.available = dec("10.5");
    rope.order_multiple = dec("0.25");
    rope.min_order_qty = dec("0.25");
    w.pricer.set("ROPE", "MTR", dec("2.5"));
    auto result = buildOne(w, orderLine("ROPE", "12.25", "MTR"));
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.order->lines[0].backordered_quantity == dec("1.75"));
    BOOST_TEST(result.order->lines[0].extended == dec("30.63"));  // 30.625 half up
}

BOOST_AUTO_TEST_CASE(price_tolerance) {
    // Tolerance: more than 0.005 per unit and more than 0.5 % of our price.
    struct Case {
        const char* sku;
        const char* incoming;
        LineStatus status;
        bool held;
    };
    const Case cases[] = {
        {"BOLT", "1.00", LineStatus::Accepted, false},     {"BOLT", "1.004", LineStatus::Changed, false},
        {"BOLT", "1.005", LineStatus::Changed, false},  // at both limits
        {"BOLT", "1.0051", LineStatus::Changed, true},     {"BOLT", "0.9949", LineStatus::Changed, true},
        {"WIDGET", "100.50", LineStatus::Changed, false},  // exactly 0.5 %
        {"WIDGET", "100.5001", LineStatus::Changed, true}, {"WIDGET", "99.50", LineStatus::Changed, false},
        {"WIDGET", "99.4999", LineStatus::Changed, true},  {"WIDGET", "50", LineStatus::Changed, true},
    };
    for (const Case& c : cases) {
        World w;
        auto result = buildOne(w, orderLine(c.sku, "1", "EA", c.incoming));
        BOOST_REQUIRE(result.ok());
        const Order& order = *result.order;
        BOOST_TEST(order.lines[0].status == c.status, c.sku << " at " << c.incoming);
        BOOST_TEST((order.status == OrderStatus::OnHold) == c.held, c.sku << " at " << c.incoming);
        BOOST_TEST(order.lines[0].unit_price ==
                   dec(std::string_view(c.sku) == "BOLT" ? "1" : "100"));  // ours
        if (c.held) {
            BOOST_TEST(*order.held_from == OrderStatus::Received);
            BOOST_TEST(order.hold_reasons.size() == 1U);
            BOOST_TEST(order.hold_reasons[0].find("line 1: incoming price") == 0U);
        }
    }
}

BOOST_AUTO_TEST_CASE(credit_limit) {
    World w;  // GLOBEX: limit 1000, 900 open
    auto at_limit = buildOne(w, orderLine("WIDGET", "1", "EA"), "GLOBEX");
    BOOST_REQUIRE(at_limit.ok());
    BOOST_TEST(at_limit.order->currency == "EUR");
    BOOST_TEST(at_limit.order->status == OrderStatus::Received);  // 900 + 100 = 1000: not exceeded
    // Stored only while the exposure is still at most 1000 - 100.
    BOOST_REQUIRE(at_limit.credit_ceiling.has_value());
    BOOST_TEST(at_limit.credit_ceiling->max_exposure.toString(2) == "900.00");
    auto over = build(
        w, orderRequest("GLOBEX", "PO-2", {orderLine("WIDGET", "1", "EA"), orderLine("BOLT", "1", "EA")}));
    BOOST_REQUIRE(over.ok());
    BOOST_TEST(over.order->status == OrderStatus::OnHold);
    BOOST_TEST(over.order->hold_reasons[0].find("credit limit 1000.0000 exceeded") == 0U);
    BOOST_TEST(!over.credit_ceiling.has_value());  // held: nothing to guard
    BOOST_TEST(!buildOne(w, orderLine("BOLT", "1", "EA"), "ACME").credit_ceiling.has_value());  // no limit
}

BOOST_AUTO_TEST_CASE(request_level_errors) {
    World w;
    BOOST_TEST(build(w, orderRequest("NOBODY", "PO", {orderLine("BOLT", "1", "EA")})).error->code ==
               ErrorCode::NotFound);
    BOOST_TEST(build(w, orderRequest("ACME", "PO", {})).error->code == ErrorCode::InvalidArgument);
    OrderRequest euros = orderRequest("ACME", "PO", {orderLine("BOLT", "1", "EA")});
    euros.currency = "EUR";
    BOOST_TEST(build(w, euros).error->code == ErrorCode::InvalidArgument);
    w.customers.at("ACME").active = false;
    BOOST_TEST(build(w, orderRequest("ACME", "PO", {orderLine("BOLT", "1", "EA")})).error->code ==
               ErrorCode::FailedPrecondition);
}

BOOST_AUTO_TEST_CASE(portal_orders_fail_whole_with_every_line_error) {
    World w;
    auto result = build(w, orderRequest("ACME", "PO",
                                        {orderLine("BOLT", "1", "EA"), orderLine("NOPE", "1", "EA"),
                                         orderLine("NUT", "7", "EA")}));
    BOOST_TEST(!result.ok());
    BOOST_REQUIRE(result.line_errors.size() == 2U);
    BOOST_TEST(result.line_errors[0].index == 1U);
    BOOST_TEST(result.line_errors[0].error.where == "$.lines[1].sku");
    BOOST_TEST(result.line_errors[1].index == 2U);
    BOOST_TEST(result.error->message == "2 of 3 lines cannot be ordered");
}

BOOST_AUTO_TEST_CASE(edi_orders_reject_lines_one_by_one) {
    World w;
    OrderRequest request = orderRequest(
        "ACME", "PO", {orderLine("BOLT", "1", "EA"), orderLine("NOPE", "2", "EA")}, OrderSource::X12);
    request.lines[1].line_ref = "2";
    auto result = build(w, request);
    BOOST_REQUIRE(result.ok());
    BOOST_REQUIRE(result.order->lines.size() == 2U);
    const OrderLine& rejected = result.order->lines[1];
    BOOST_TEST(rejected.status == LineStatus::Rejected);
    BOOST_TEST(rejected.line_ref == "2");
    BOOST_TEST(rejected.extended == dec("0"));
    BOOST_TEST(rejected.message == "unknown item 'NOPE'");
    BOOST_TEST(result.order->total == dec("1"));
    BOOST_TEST(result.line_errors.size() == 1U);

    auto all_bad = build(w, orderRequest("ACME", "PO", {orderLine("NOPE", "1", "EA")}, OrderSource::Edifact));
    BOOST_TEST(!all_bad.ok());
}

BOOST_AUTO_TEST_CASE(missing_price_is_a_line_error) {
    World w;
    ItemFacts& unpriced = w.items.put(item("NEW", "EA"));
    (void)unpriced;
    auto result = buildOne(w, orderLine("NEW", "1", "EA"));
    BOOST_TEST(lineErrorOf(result) == ErrorCode::NotFound);
    BOOST_TEST(result.line_errors[0].error.where == "$.lines[0]");
}

BOOST_AUTO_TEST_CASE(locked_prices_skip_the_pricer) {
    World w;
    OrderRequestLine locked = orderLine("WIDGET", "2", "EA");
    locked.locked_price = LockedPrice{dec("77.7777"), "quote Q-000009 v3"};
    auto result = buildOne(w, locked);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.order->lines[0].unit_price == dec("77.7777"));
    BOOST_TEST(result.order->lines[0].extended == dec("155.56"));
    BOOST_TEST(result.order->lines[0].explanation == "quote Q-000009 v3");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
