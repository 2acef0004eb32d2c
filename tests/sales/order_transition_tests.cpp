// Every order status pair: the pure table, holds and releases, and the same
// transitions through OrderService (status changes, shipments, invoices).

#include <set>
#include <utility>

#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

using enum OrderStatus;

constexpr OrderStatus kStatuses[] = {Received, Acknowledged, PartiallyShipped, Shipped,
                                     Invoiced, Closed,       OnHold,           Cancelled};

/// The legal pairs, written out independently of the implementation.
const std::set<std::pair<OrderStatus, OrderStatus>> kLegal = {
    {Received, Acknowledged},  {Received, OnHold},
    {Received, Cancelled},     {Acknowledged, PartiallyShipped},
    {Acknowledged, Shipped},   {Acknowledged, OnHold},
    {Acknowledged, Cancelled}, {PartiallyShipped, Shipped},
    {Shipped, Invoiced},       {Invoiced, Closed},
    {OnHold, Received},        {OnHold, Acknowledged},
    {OnHold, Cancelled},
};

/// An ACME order of 10 BOLT EA (line 1) forced into `status`; a shipped order has
/// shipped everything, a partially shipped one 4, an invoiced one invoiced it all.
Order orderIn(World& w, OrderStatus status, std::optional<OrderStatus> held_from = std::nullopt) {
    auto placed = w.order_service.place(w.buyer, orderRequest("", "PO-1", {orderLine("BOLT", "10", "EA")}));
    BOOST_REQUIRE(placed.created());
    Order order = *placed.order;
    order.status = status;
    OrderLine& line = order.lines[0];
    if (status == PartiallyShipped) line.shipped_quantity = dec("4");
    if (status == Shipped || status == Invoiced || status == Closed) line.shipped_quantity = dec("10");
    if (status == Invoiced || status == Closed) line.invoiced_quantity = dec("10");
    if (status == OnHold) order.held_from = held_from.value_or(Received);
    w.orders.put(order);
    return order;
}

ShipmentInput shipAll() {
    ShipmentInput input;
    input.carrier = "UPSN";
    input.tracking_number = "1Z999";
    input.ship_date = date(2026, 3, 10);
    input.packages = {Package{"376123450000123456", std::nullopt}};
    input.lines = {ShipmentLine{1, "", dec("6"), ""}};
    return input;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_transitions)

BOOST_AUTO_TEST_CASE(table_allows_exactly_the_legal_pairs) {
    for (OrderStatus from : kStatuses) {
        for (OrderStatus to : kStatuses) {
            auto status = checkOrderTransition(from, to);
            BOOST_TEST(status.ok() == (kLegal.count({from, to}) > 0), toString(from)
                                                                          << " -> " << toString(to));
            if (!status.ok()) BOOST_TEST(status.error().code == ErrorCode::FailedPrecondition);
        }
    }
}

BOOST_AUTO_TEST_CASE(apply_every_pair) {
    for (OrderStatus from : kStatuses) {
        for (OrderStatus to : kStatuses) {
            Order order;
            order.status = from;
            if (from == OnHold) order.held_from = (to == Acknowledged) ? Acknowledged : Received;
            auto status = applyOrderTransition(order, to, 5, noon(2026, 3, 10), "why");
            const bool legal = kLegal.count({from, to}) > 0;
            BOOST_TEST(status.ok() == legal, toString(from) << " -> " << toString(to));
            BOOST_TEST(order.status == (legal ? to : from));
            BOOST_TEST(order.transitions.size() == (legal ? 1U : 0U));
        }
    }
}

BOOST_AUTO_TEST_CASE(release_returns_only_to_where_it_was_held) {
    Order order;
    order.status = Acknowledged;
    BOOST_REQUIRE(applyOrderTransition(order, OnHold, 5, {}, "credit review").ok());
    BOOST_TEST(*order.held_from == Acknowledged);
    BOOST_TEST(order.hold_reasons == std::vector<std::string>{"credit review"});
    BOOST_TEST(codeOf(applyOrderTransition(order, Received, 5, {}, "")) == ErrorCode::FailedPrecondition);
    BOOST_TEST(order.status == OnHold);
    BOOST_REQUIRE(applyOrderTransition(order, Acknowledged, 5, {}, "cleared").ok());
    BOOST_TEST(!order.held_from);
    BOOST_TEST(order.hold_reasons.empty());
    const OrderTransition& last = order.transitions.back();
    BOOST_TEST(last.from == OnHold);
    BOOST_TEST(last.to == Acknowledged);
    BOOST_TEST(last.note == "cleared");
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (OrderStatus s : kStatuses) BOOST_TEST(*parseOrderStatus(toString(s)) == s);
    for (LineStatus s :
         {LineStatus::Accepted, LineStatus::Backordered, LineStatus::Rejected, LineStatus::Changed}) {
        BOOST_TEST(*parseLineStatus(toString(s)) == s);
    }
    BOOST_TEST(toString(PartiallyShipped) == "partially_shipped");
    BOOST_TEST(toString(OnHold) == "on_hold");
    for (const char* name :
         {"portal", "api", "quick_order", "reorder", "quote", "x12", "edifact", "cxml", "ubl"}) {
        BOOST_TEST(toString(*parseOrderSource(name)) == name);
    }
}

BOOST_AUTO_TEST_CASE(every_status_change_through_the_service) {
    for (OrderStatus from : kStatuses) {
        for (OrderStatus to : {Received, Acknowledged, OnHold, Cancelled, Closed}) {
            World w;
            const Order order = orderIn(w, from, to == Acknowledged ? Acknowledged : Received);
            auto result = w.order_service.transition(w.manager, order.id, to, {"reason", std::nullopt});
            const bool legal = kLegal.count({from, to}) > 0;
            BOOST_TEST(result.ok() == legal, toString(from) << " -> " << toString(to));
            auto stored = w.orders.find(order.id, std::nullopt);
            if (!legal) {
                BOOST_TEST(result.error().code == ErrorCode::FailedPrecondition);
                BOOST_TEST(stored->status == from);
                continue;
            }
            BOOST_TEST(stored->status == to);
            BOOST_TEST(stored->row_version == order.row_version + 1);
            BOOST_TEST(stored->transitions.back().by_user == 20);
        }
    }
}

BOOST_AUTO_TEST_CASE(shipping_and_invoicing_in_every_status) {
    for (OrderStatus from : kStatuses) {
        World w;
        const Order order = orderIn(w, from);
        auto shipped = w.order_service.ship(w.manager, order.id, shipAll());
        const bool can_ship = from == Acknowledged || from == PartiallyShipped;
        BOOST_TEST(shipped.ok() == can_ship, "ship from " << toString(from));
        if (!can_ship) BOOST_TEST(shipped.error().code == ErrorCode::FailedPrecondition);
        if (shipped.ok()) {
            // Acknowledged shipped 6 of 10; partially shipped had 4: now everything.
            const OrderStatus expected = from == Acknowledged ? PartiallyShipped : Shipped;
            BOOST_TEST(w.orders.find(order.id, std::nullopt)->status == expected);
        }

        World v;
        const Order other = orderIn(v, from);
        auto invoiced = v.order_service.invoice(v.manager, other.id, date(2026, 3, 10));
        const bool can_invoice = from == PartiallyShipped || from == Shipped;
        BOOST_TEST(invoiced.ok() == can_invoice, "invoice from " << toString(from));
        if (!can_invoice) BOOST_TEST(invoiced.error().code == ErrorCode::FailedPrecondition);
        if (invoiced.ok()) {
            const OrderStatus expected = from == Shipped ? Invoiced : PartiallyShipped;
            BOOST_TEST(v.orders.find(other.id, std::nullopt)->status == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(shipping_statuses_are_not_set_by_hand) {
    World w;
    const Order order = orderIn(w, Acknowledged);
    for (OrderStatus to : {PartiallyShipped, Shipped, Invoiced}) {
        BOOST_TEST(codeOf(w.order_service.transition(w.manager, order.id, to)) == ErrorCode::InvalidArgument);
    }
}

BOOST_AUTO_TEST_CASE(acknowledge_emits_once) {
    World w;
    const Order order = orderIn(w, Received);
    BOOST_REQUIRE(w.order_service.transition(w.rep, order.id, OnHold, {"check address", std::nullopt}).ok());
    BOOST_REQUIRE(w.order_service.transition(w.rep, order.id, Received).ok());
    BOOST_REQUIRE(w.order_service.transition(w.rep, order.id, Acknowledged).ok());
    BOOST_REQUIRE(w.order_service.transition(w.rep, order.id, OnHold, {"credit", std::nullopt}).ok());
    BOOST_REQUIRE(w.order_service.transition(w.rep, order.id, Acknowledged).ok());  // release
    std::size_t acks = 0;
    for (const OutboxEvent& e : w.orders.events()) acks += e.type == EventType::OrderAcknowledged;
    BOOST_TEST(acks == 1U);
}

BOOST_AUTO_TEST_CASE(a_hold_needs_a_reason) {
    World w;
    const Order order = orderIn(w, Received);
    BOOST_TEST(codeOf(w.order_service.transition(w.rep, order.id, OnHold)) == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(who_may_change_status) {
    World w;
    const Order order = orderIn(w, Received);
    BOOST_TEST(codeOf(w.order_service.transition(w.buyer, order.id, Acknowledged)) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(codeOf(w.order_service.transition(w.partner, order.id, Cancelled)) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(codeOf(w.order_service.transition(w.other_buyer, order.id, Cancelled)) == ErrorCode::NotFound);
    BOOST_TEST(codeOf(w.order_service.ship(w.buyer, order.id, shipAll())) == ErrorCode::PermissionDenied);
    BOOST_TEST(codeOf(w.order_service.invoice(w.buyer, order.id, date(2026, 3, 10))) ==
               ErrorCode::PermissionDenied);
    BOOST_TEST(
        w.order_service.transition(w.buyer, order.id, Cancelled, {"ordered twice", std::nullopt}).ok());

    World v;
    const Order acked = orderIn(v, Acknowledged);
    BOOST_TEST(codeOf(v.order_service.transition(v.buyer, acked.id, Cancelled)) ==
               ErrorCode::FailedPrecondition);
    BOOST_TEST(v.order_service.transition(v.manager, acked.id, Cancelled).ok());
}

BOOST_AUTO_TEST_CASE(stale_order_writes_conflict) {
    World w;
    const Order order = orderIn(w, Received);
    BOOST_REQUIRE(w.order_service.transition(w.rep, order.id, Acknowledged, {"", order.row_version}).ok());
    BOOST_TEST(codeOf(w.order_service.transition(w.rep2, order.id, Cancelled, {"", order.row_version})) ==
               ErrorCode::Conflict);
    BOOST_TEST(codeOf(w.order_service.ship(w.rep, order.id, shipAll(), order.row_version)) ==
               ErrorCode::Conflict);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
