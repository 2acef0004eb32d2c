// OrderService: who may order for whom, PO uniqueness, events, shipments and invoices end to end.

#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

std::vector<std::string> eventNames(const World& w) {
    std::vector<std::string> names;
    for (const OutboxEvent& e : w.orders.events()) names.emplace_back(toString(e.type));
    return names;
}

ShipmentInput shipment(std::vector<ShipmentLine> lines, std::vector<std::string> ssccs) {
    ShipmentInput input;
    input.carrier = "FDEG";
    input.tracking_number = "7946";
    input.ship_date = date(2026, 3, 11);
    for (auto& sscc : ssccs) input.packages.push_back(Package{sscc, dec("12.5")});
    input.lines = std::move(lines);
    return input;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_service)

BOOST_AUTO_TEST_CASE(place_stores_numbers_and_emits_order_created) {
    World w;
    auto placed = w.order_service.place(w.buyer, orderRequest("", "PO-100", {orderLine("BOLT", "5", "EA")}));
    BOOST_REQUIRE(placed.created());
    const Order& order = *placed.order;
    BOOST_TEST(order.customer_id == "ACME");
    BOOST_TEST(order.number == "SO-000001");
    BOOST_TEST(order.requested_by == 30);
    BOOST_TEST(order.transitions.size() == 1U);
    BOOST_TEST(order.transitions[0].to == OrderStatus::Received);
    BOOST_TEST((order.created_at == w.clock.now()));
    BOOST_TEST(w.orders.find(order.id, std::nullopt).has_value());
    BOOST_REQUIRE(w.orders.events().size() == 1U);
    const OutboxEvent& event = w.orders.events()[0];
    BOOST_TEST(toString(event.type) == "order.created");
    BOOST_TEST(event.aggregate_id == order.id);
    BOOST_TEST(*event.attribute("po_number") == "PO-100");
    BOOST_TEST(*event.attribute("total") == "5.0000");
}

BOOST_AUTO_TEST_CASE(a_repeated_po_number_answers_the_existing_order) {
    World w;
    auto first = w.order_service.place(w.buyer, orderRequest("", "PO-7", {orderLine("BOLT", "5", "EA")}));
    BOOST_REQUIRE(first.created());
    auto again =
        w.order_service.place(w.buyer_admin, orderRequest("ACME", "PO-7", {orderLine("NOPE", "1", "EA")}));
    BOOST_TEST(again.duplicate);
    BOOST_TEST(!again.created());
    BOOST_TEST(again.order->id == first.order->id);
    // Another customer may use the same PO number.
    auto globex =
        w.order_service.place(w.rep, orderRequest("GLOBEX", "PO-7", {orderLine("BOLT", "5", "EA")}));
    BOOST_TEST(globex.created());
    // Empty PO numbers are not unique.
    BOOST_TEST(
        w.order_service.place(w.buyer, orderRequest("", "", {orderLine("BOLT", "1", "EA")})).created());
    BOOST_TEST(
        w.order_service.place(w.buyer, orderRequest("", "", {orderLine("BOLT", "1", "EA")})).created());
}

BOOST_AUTO_TEST_CASE(an_edi_message_is_ingested_once) {
    World w;
    OrderRequest request = orderRequest("", "850-1", {orderLine("BOLT", "5", "EA")}, OrderSource::X12);
    request.source_message_id = 4711;
    auto first = w.order_service.place(w.partner, request);
    BOOST_REQUIRE(first.created());
    BOOST_TEST(first.order->requested_by == 0);
    request.po_number = "850-1-resent-with-new-po";
    auto again = w.order_service.place(w.partner, request);
    BOOST_TEST(again.duplicate);
    BOOST_TEST(again.order->id == first.order->id);
}

BOOST_AUTO_TEST_CASE(who_orders_for_whom) {
    World w;
    auto acme = [] { return orderRequest("ACME", "", {orderLine("BOLT", "1", "EA")}); };
    BOOST_TEST(w.order_service.place(w.rep, acme()).created());
    BOOST_TEST(w.order_service.place(w.buyer, acme()).created());
    BOOST_TEST(w.order_service.place(w.other_buyer, acme()).error->code == ErrorCode::NotFound);
    BOOST_TEST(w.order_service.place(w.partner, acme()).error->code == ErrorCode::PermissionDenied);
    OrderRequest edi = acme();
    edi.source = OrderSource::Cxml;
    BOOST_TEST(w.order_service.place(w.buyer, edi).error->code == ErrorCode::PermissionDenied);
    BOOST_TEST(w.order_service.place(w.partner, edi).created());
    BOOST_TEST(
        w.order_service.place(w.rep, orderRequest("", "", {orderLine("BOLT", "1", "EA")})).error->code ==
        ErrorCode::InvalidArgument);
    OrderRequest quote = acme();
    quote.source = OrderSource::Quote;
    BOOST_TEST(w.order_service.place(w.rep, quote).error->code == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(other_companies_get_not_found) {
    World w;
    auto placed = w.order_service.place(w.buyer, orderRequest("", "PO-1", {orderLine("BOLT", "1", "EA")}));
    BOOST_REQUIRE(placed.created());
    BOOST_TEST(codeOf(w.order_service.get(w.other_buyer, placed.order->id)) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.order_service.get(w.other_buyer, 999)) == ErrorCode::NotFound);
    BOOST_TEST(w.order_service.get(w.buyer, placed.order->id).ok());
    BOOST_TEST(w.order_service.get(w.rep, placed.order->id).ok());
    BOOST_TEST(codeOf(w.order_service.get(w.partner, placed.order->id)) == ErrorCode::PermissionDenied);
}

BOOST_AUTO_TEST_CASE(line_errors_come_back_without_an_order) {
    World w;
    auto placed = w.order_service.place(w.buyer, orderRequest("", "PO-1", {orderLine("NUT", "10", "EA")}));
    BOOST_TEST(!placed.order);
    BOOST_TEST(placed.line_errors.size() == 1U);
    BOOST_TEST(w.orders.events().empty());
}

BOOST_AUTO_TEST_CASE(held_orders_say_why) {
    World w;
    auto placed =
        w.order_service.place(w.rep, orderRequest("GLOBEX", "PO-1", {orderLine("WIDGET", "2", "EA")}));
    BOOST_REQUIRE(placed.created());
    BOOST_TEST(placed.order->status == OrderStatus::OnHold);
    BOOST_TEST(placed.order->transitions[0].to == OrderStatus::OnHold);
    BOOST_TEST(placed.order->transitions[0].note.find("credit limit") == 0U);
    BOOST_TEST(*w.orders.events()[0].attribute("status") == "on_hold");
    auto released = w.order_service.transition(w.manager, placed.order->id, OrderStatus::Received,
                                               {"limit raised", std::nullopt});
    BOOST_REQUIRE(released.ok());
    BOOST_TEST(released->hold_reasons.empty());
}

BOOST_AUTO_TEST_CASE(an_order_that_passed_credit_is_held_when_another_got_in_first) {
    World w;  // GLOBEX: limit 1000, 900 open
    // Between the check (900 open) and the insert, another instance stored an order of 50.
    int creates = 0;
    w.orders.exposure_at_create = [&] {
        ++creates;
        w.customers.at("GLOBEX").open_exposure = dec("950");  // what the next check reads
        return dec("950");
    };
    auto placed =
        w.order_service.place(w.rep, orderRequest("GLOBEX", "PO-1", {orderLine("WIDGET", "1", "EA")}));
    BOOST_REQUIRE(placed.created());
    BOOST_TEST(creates == 1);  // the second attempt was held, so it had no ceiling to check
    BOOST_TEST(placed.order->status == OrderStatus::OnHold);
    BOOST_TEST(placed.order->hold_reasons[0].find("credit limit 1000.0000 exceeded: open 950") == 0U);
    BOOST_TEST(w.orders.events().size() == 1U);  // one order, one event: the refused attempt wrote nothing
}

BOOST_AUTO_TEST_CASE(an_exposure_that_keeps_moving_ends_in_a_conflict_not_a_loop) {
    World w;
    int creates = 0;
    w.orders.exposure_at_create = [&] {
        ++creates;
        return dec("999");  // never what the (unchanged) directory says
    };
    auto placed =
        w.order_service.place(w.rep, orderRequest("GLOBEX", "PO-1", {orderLine("WIDGET", "1", "EA")}));
    BOOST_TEST(!placed.order);
    BOOST_REQUIRE(placed.error.has_value());
    BOOST_TEST(placed.error->code == ErrorCode::FailedPrecondition);
    BOOST_TEST(creates == 3);
    BOOST_TEST(w.orders.events().empty());
}

BOOST_AUTO_TEST_CASE(ship_in_parts_then_invoice_then_close) {
    World w;
    w.taxes.set("BOLT", dec("19"));
    w.taxes.set("WIDGET", dec("7"));
    auto placed = w.order_service.place(
        w.buyer, orderRequest("", "PO-9", {orderLine("BOLT", "10", "EA"), orderLine("WIDGET", "3", "EA")}));
    BOOST_REQUIRE(placed.created());
    const std::int64_t id = placed.order->id;
    BOOST_REQUIRE(w.order_service.transition(w.rep, id, OrderStatus::Acknowledged).ok());

    auto first = w.order_service.ship(
        w.rep, id, shipment({{1, "", dec("4"), ""}, {2, "", dec("3"), ""}}, {"376123450000123456"}));
    BOOST_REQUIRE_MESSAGE(first.ok(), describe(first));
    BOOST_TEST(first->number == "SH-000001");
    BOOST_TEST(first->lines[0].sku == "BOLT");
    BOOST_TEST(first->lines[0].uom == "EA");
    auto order = *w.orders.find(id, std::nullopt);
    BOOST_TEST(order.status == OrderStatus::PartiallyShipped);
    BOOST_TEST(order.transitions.back().note == "shipment SH-000001");
    BOOST_TEST(order.lines[0].openQuantity() == dec("6"));

    auto too_much =
        w.order_service.ship(w.rep, id, shipment({{1, "", dec("5"), ""}, {1, "", dec("2"), ""}}, {}));
    BOOST_TEST(codeOf(too_much) == ErrorCode::InvalidArgument);
    BOOST_TEST(codeOf(w.order_service.ship(w.rep, id, shipment({{2, "", dec("1"), ""}}, {}))) ==
               ErrorCode::InvalidArgument);  // line 2 is fully shipped

    auto partial_invoice = w.order_service.invoice(w.rep, id, date(2026, 3, 12));
    BOOST_REQUIRE(partial_invoice.ok());
    BOOST_TEST(partial_invoice->number == "INV-000001");
    BOOST_TEST(partial_invoice->line_total == dec("304"));   // 4 × 1 + 3 × 100
    BOOST_TEST(partial_invoice->tax_total == dec("21.76"));  // 0.76 + 21
    BOOST_TEST(w.orders.find(id, std::nullopt)->status == OrderStatus::PartiallyShipped);
    BOOST_TEST(codeOf(w.order_service.invoice(w.rep, id, date(2026, 3, 12))) ==
               ErrorCode::FailedPrecondition);

    // An SSCC is shipped once.
    BOOST_TEST(
        codeOf(w.order_service.ship(w.rep, id, shipment({{1, "", dec("6"), ""}}, {"376123450000123456"}))) ==
        ErrorCode::Conflict);
    BOOST_REQUIRE(w.order_service.ship(w.rep, id, shipment({{1, "", dec("6"), ""}}, {})).ok());
    BOOST_TEST(w.orders.find(id, std::nullopt)->status == OrderStatus::Shipped);
    auto last_invoice = w.order_service.invoice(w.rep, id, date(2026, 3, 13));
    BOOST_REQUIRE(last_invoice.ok());
    BOOST_TEST(last_invoice->lines.size() == 1U);
    BOOST_TEST(last_invoice->lines[0].quantity == dec("6"));
    BOOST_TEST(w.orders.find(id, std::nullopt)->status == OrderStatus::Invoiced);
    BOOST_REQUIRE(w.order_service.transition(w.rep, id, OrderStatus::Closed).ok());

    BOOST_TEST(w.orders.shipmentsOf(id).size() == 2U);
    BOOST_TEST(w.orders.invoicesOf(id).size() == 2U);
    BOOST_TEST(!w.orders.findInvoice(last_invoice->id, std::string("GLOBEX")).has_value());
    const std::vector<std::string> expected{"order.created",   "order.acknowledged", "shipment.created",
                                            "invoice.created", "shipment.created",   "invoice.created"};
    BOOST_TEST(eventNames(w) == expected, boost::test_tools::per_element());
    const OutboxEvent& shipped = w.orders.events()[2];
    BOOST_TEST(shipped.aggregate_type == "shipment");
    BOOST_TEST(*shipped.attribute("order_number") == "SO-000001");
    BOOST_TEST(*shipped.attribute("tracking_number") == "7946");
}

BOOST_AUTO_TEST_CASE(rejected_lines_are_neither_shipped_nor_invoiced) {
    World w;
    auto placed = w.order_service.place(
        w.partner, orderRequest("", "850-2", {orderLine("BOLT", "2", "EA"), orderLine("NOPE", "1", "EA")},
                                OrderSource::X12));
    BOOST_REQUIRE(placed.created());
    BOOST_TEST(placed.line_errors.size() == 1U);
    const std::int64_t id = placed.order->id;
    BOOST_REQUIRE(w.order_service.transition(w.rep, id, OrderStatus::Acknowledged).ok());
    BOOST_TEST(codeOf(w.order_service.ship(w.rep, id, shipment({{2, "", dec("1"), ""}}, {}))) ==
               ErrorCode::InvalidArgument);
    BOOST_REQUIRE(w.order_service.ship(w.rep, id, shipment({{1, "", dec("2"), ""}}, {})).ok());
    BOOST_TEST(w.orders.find(id, std::nullopt)->status == OrderStatus::Shipped);
    auto invoice = w.order_service.invoice(w.rep, id, date(2026, 3, 12));
    BOOST_REQUIRE(invoice.ok());
    BOOST_TEST(invoice->lines.size() == 1U);
}

BOOST_AUTO_TEST_CASE(reorder_prices_afresh) {
    World w;
    auto placed = w.order_service.place(w.buyer, orderRequest("", "PO-1", {orderLine("BOLT", "2", "CS")}));
    BOOST_REQUIRE(placed.created());
    w.pricer.set("BOLT", "CS", dec("11"));
    auto again = w.order_service.place(w.buyer, reorderRequest(*placed.order, "PO-2"));
    BOOST_REQUIRE(again.created());
    BOOST_TEST(again.order->source == OrderSource::Reorder);
    BOOST_TEST(again.order->lines[0].unit_price == dec("11"));
    BOOST_TEST(again.order->lines[0].quantity == dec("2"));
}

BOOST_AUTO_TEST_CASE(missing_tax_rate_fails_the_invoice) {
    World w;
    w.taxes.fallback(std::nullopt);
    auto placed = w.order_service.place(w.buyer, orderRequest("", "PO-1", {orderLine("BOLT", "2", "EA")}));
    BOOST_REQUIRE(placed.created());
    const std::int64_t id = placed.order->id;
    BOOST_REQUIRE(w.order_service.transition(w.rep, id, OrderStatus::Acknowledged).ok());
    BOOST_REQUIRE(w.order_service.ship(w.rep, id, shipment({{1, "", dec("2"), ""}}, {})).ok());
    BOOST_TEST(codeOf(w.order_service.invoice(w.rep, id, date(2026, 3, 12))) == ErrorCode::NotFound);
    BOOST_TEST(w.orders.find(id, std::nullopt)->lines[0].invoiced_quantity == dec("0"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
