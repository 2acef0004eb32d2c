#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "fixtures.h"

using namespace crossdock;
using namespace crossdock::storage::testing;
using sales::Order;
using sales::OrderStatus;

namespace {

bool isCode(const core::Status& status, core::ErrorCode code) {
    return !status.ok() && status.error().code == code;
}

sales::Shipment sampleShipment(std::int64_t id, const Order& order, std::vector<std::string> ssccs) {
    sales::Shipment s;
    s.id = id;
    s.number = "SH-" + std::to_string(id);
    s.order_id = order.id;
    s.customer_id = order.customer_id;
    s.carrier = "UPSN";
    s.tracking_number = "1Z999";
    s.ship_date = day("2026-12-02");
    for (auto& sscc : ssccs) s.packages.push_back(sales::Package{sscc, dec("12.5")});
    s.packages.back().weight_kg.reset();
    s.lines.push_back(sales::ShipmentLine{1, "SKU-1", dec("10"), "EA"});
    s.lines.push_back(sales::ShipmentLine{2, "SKU-2", dec("4"), "EA"});
    s.created_at = at(3'000'000);
    return s;
}

sales::Invoice sampleInvoice(std::int64_t id, const Order& order) {
    sales::Invoice v;
    v.id = id;
    v.number = "INV-" + std::to_string(id);
    v.order_id = order.id;
    v.order_number = order.number;
    v.customer_id = order.customer_id;
    v.po_number = order.po_number;
    v.currency = "USD";
    v.issue_date = day("2026-12-03");
    v.lines.push_back(
        sales::InvoiceLine{1, "SKU-1", dec("10"), "EA", dec("1.5"), dec("8.875"), dec("15.00")});
    v.taxes.push_back(sales::TaxSubtotal{dec("8.875"), dec("15.00"), dec("1.33")});
    v.line_total = dec("15.00");
    v.tax_total = dec("1.33");
    v.total = dec("16.33");
    v.created_at = at(4'000'000);
    return v;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(order_repository, SalesStore)

BOOST_AUTO_TEST_CASE(create_then_find_round_trips_every_field) {
    Order o = sampleOrder(1);
    o.status = OrderStatus::OnHold;
    o.held_from = OrderStatus::Received;
    o.hold_reasons = {"price mismatch on line 2", "credit"};
    o.transitions.push_back({OrderStatus::Received, OrderStatus::OnHold, 0, at(2'000'001), "price mismatch"});
    BOOST_TEST(
        orders->create(o, std::vector{sampleEvent(sales::EventType::OrderCreated, "order", 1, at(1))}).ok());
    auto found = orders->find(1, std::nullopt);
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->number == "SO-000001");
    BOOST_TEST(found->po_number == "PO-1");
    BOOST_TEST((found->source == sales::OrderSource::X12));
    BOOST_TEST((found->status == OrderStatus::OnHold));
    BOOST_TEST((found->held_from == OrderStatus::Received));
    BOOST_TEST((found->hold_reasons == o.hold_reasons));
    BOOST_TEST((found->ship_to == o.ship_to));
    BOOST_TEST((found->requested_date == o.requested_date));
    BOOST_TEST(found->notes == o.notes);
    BOOST_TEST((found->total == o.total));
    BOOST_REQUIRE(found->quote.has_value());
    BOOST_TEST(found->quote->number == "Q-000042");
    BOOST_TEST(found->quote->version == 2);
    BOOST_TEST((found->source_message_id == o.source_message_id));
    BOOST_TEST((found->created_at == o.created_at));
    BOOST_REQUIRE(found->lines.size() == 3u);
    BOOST_TEST((found->lines[1].incoming_price == dec("1.4")));
    BOOST_TEST((found->lines[1].status == sales::LineStatus::Changed));
    BOOST_TEST((found->lines[1].backordered_quantity == dec("2")));
    BOOST_TEST((found->lines[2].status == sales::LineStatus::Rejected));
    BOOST_TEST(found->lines[0].customer_part_number == "CP-1");
    BOOST_TEST(found->transitions.size() == 1u);
    BOOST_TEST(found->transitions[0].note == "price mismatch");
    BOOST_TEST(!orders->find(1, std::string("GLOBEX")).has_value());
    BOOST_TEST(orders->find(1, std::string("ACME")).has_value());

    auto events = outbox->listFor("order", 1);
    BOOST_REQUIRE(events.size() == 1u);
    BOOST_TEST((events[0].event.attributes ==
                sampleEvent(sales::EventType::OrderCreated, "order", 1, at(1)).attributes));
}

BOOST_AUTO_TEST_CASE(a_minimal_order_round_trips) {
    Order o = sampleOrder(1);
    o.requested_date.reset();
    o.quote.reset();
    o.source_message_id.reset();
    o.source = sales::OrderSource::Api;
    BOOST_TEST(orders->create(o, {}).ok());
    auto found = orders->find(1, std::nullopt);
    BOOST_TEST(!found->requested_date.has_value());
    BOOST_TEST(!found->quote.has_value());
    BOOST_TEST(!found->source_message_id.has_value());
    BOOST_TEST(!found->held_from.has_value());
}

BOOST_AUTO_TEST_CASE(po_number_is_unique_per_customer_when_not_empty) {
    BOOST_TEST(orders
                   ->create(sampleOrder(1, "ACME", "PO-1"),
                            std::vector{sampleEvent(sales::EventType::OrderCreated, "order", 1, at(1))})
                   .ok());
    Order again = sampleOrder(2, "ACME", "PO-1");
    BOOST_TEST(isCode(
        orders->create(again, std::vector{sampleEvent(sales::EventType::OrderCreated, "order", 2, at(1))}),
        core::ErrorCode::Conflict));
    BOOST_TEST(!orders->find(2, std::nullopt).has_value());
    BOOST_TEST(outbox->listFor("order", 2).empty());  // the event went with the refused insert
    BOOST_TEST(orders->create(sampleOrder(3, "GLOBEX", "PO-1"), {}).ok());
    BOOST_TEST(orders->create(sampleOrder(4, "ACME", "po-1"), {}).ok());  // case-sensitive
    BOOST_TEST(orders->create(sampleOrder(5, "ACME", ""), {}).ok());
    BOOST_TEST(orders->create(sampleOrder(6, "ACME", ""), {}).ok());

    BOOST_TEST(orders->findByPoNumber("ACME", "PO-1")->id == 1);
    BOOST_TEST(orders->findByPoNumber("GLOBEX", "PO-1")->id == 3);
    BOOST_TEST(!orders->findByPoNumber("ACME", "").has_value());
    BOOST_TEST(!orders->findByPoNumber("ACME", "PO-9").has_value());
}

BOOST_AUTO_TEST_CASE(source_message_is_ingested_once) {
    Order a = sampleOrder(1, "ACME", "PO-1");
    a.source_message_id = 555;
    BOOST_TEST(orders->create(a, {}).ok());
    Order b = sampleOrder(2, "ACME", "PO-2");
    b.source_message_id = 555;
    BOOST_TEST(isCode(orders->create(b, {}), core::ErrorCode::Conflict));
    BOOST_TEST(orders->findBySourceMessage(555)->id == 1);
    BOOST_TEST(!orders->findBySourceMessage(556).has_value());
}

BOOST_AUTO_TEST_CASE(two_instances_racing_one_po_number_one_wins) {
    auto other_store = database.open();
    auto other = storage::makeOrderRepository(*other_store);
    for (int round = 0; round < 5; ++round) {
        std::string po = "RACE-" + std::to_string(round);
        Order a = sampleOrder(100 + round * 2, "ACME", po);
        Order b = sampleOrder(101 + round * 2, "ACME", po);
        core::Status sa, sb;
        std::thread ta([&] { sa = orders->create(a, {}); });
        std::thread tb([&] { sb = other->create(b, {}); });
        ta.join();
        tb.join();
        BOOST_TEST(sa.ok() != sb.ok());
        const core::Status& loser = sa.ok() ? sb : sa;
        BOOST_TEST(isCode(loser, core::ErrorCode::Conflict));
        BOOST_TEST(orders->findByPoNumber("ACME", po)->id == (sa.ok() ? a.id : b.id));
    }
}

BOOST_AUTO_TEST_CASE(list_filters_and_pages) {
    for (int i = 1; i <= 6; ++i) {
        Order o = sampleOrder(i, i <= 4 ? "ACME" : "GLOBEX", "PO-" + std::to_string(i));
        if (i % 2 == 0) o.status = OrderStatus::Acknowledged;
        BOOST_TEST(orders->create(o, {}).ok());
    }
    sales::OrderQuery q;
    q.limit = 4;
    auto page = orders->list(q);
    BOOST_REQUIRE(page.size() == 4u);
    BOOST_TEST(page[3].id == 4);
    q.after_id = 4;
    BOOST_TEST(orders->list(q).size() == 2u);
    sales::OrderQuery scoped;
    scoped.scope = "GLOBEX";
    BOOST_TEST(orders->list(scoped).size() == 2u);
    scoped.status = OrderStatus::Acknowledged;
    BOOST_TEST(orders->list(scoped).front().id == 6);
    sales::OrderQuery by_po;
    by_po.po_number = "PO-3";
    BOOST_TEST(orders->list(by_po).front().id == 3);
    sales::OrderQuery by_customer;
    by_customer.customer_id = "ACME";
    by_customer.status = OrderStatus::Received;
    BOOST_TEST(orders->list(by_customer).size() == 2u);
}

BOOST_AUTO_TEST_CASE(update_is_optimistic) {
    Order o = sampleOrder(1);
    BOOST_TEST(orders->create(o, {}).ok());
    o.status = OrderStatus::Acknowledged;
    o.transitions.push_back({OrderStatus::Received, OrderStatus::Acknowledged, 3, at(7), ""});
    o.lines[0].shipped_quantity = dec("1");
    o.row_version = 2;
    BOOST_TEST(
        orders->update(o, 1, std::vector{sampleEvent(sales::EventType::OrderAcknowledged, "order", 1, at(7))})
            .ok());
    auto found = orders->find(1, std::nullopt);
    BOOST_TEST((found->status == OrderStatus::Acknowledged));
    BOOST_TEST(found->transitions.size() == 1u);
    BOOST_TEST((found->lines[0].shipped_quantity == dec("1")));
    BOOST_TEST(found->row_version == 2);
    BOOST_TEST(outbox->listFor("order", 1).size() == 1u);

    o.status = OrderStatus::Cancelled;
    BOOST_TEST(isCode(orders->update(o, 1, {}), core::ErrorCode::Conflict));
    BOOST_TEST((orders->find(1, std::nullopt)->status == OrderStatus::Acknowledged));
    Order missing = sampleOrder(9);
    missing.row_version = 2;
    BOOST_TEST(isCode(orders->update(missing, 1, {}), core::ErrorCode::NotFound));
}

BOOST_AUTO_TEST_CASE(shipments_are_stored_with_the_order_and_ssccs_are_unique) {
    Order o = sampleOrder(1);
    BOOST_TEST(orders->create(o, {}).ok());
    o.status = OrderStatus::PartiallyShipped;
    o.row_version = 2;
    auto s1 = sampleShipment(1, o, {"106141411234567897", "106141411234567880"});
    BOOST_TEST(
        orders
            ->addShipment(o, 1, s1,
                          std::vector{sampleEvent(sales::EventType::ShipmentCreated, "shipment", 1, at(8))})
            .ok());
    auto found = orders->findShipment(1, std::string("ACME"));
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST((found->packages == s1.packages));
    BOOST_TEST((found->lines == s1.lines));
    BOOST_TEST(found->carrier == "UPSN");
    BOOST_TEST((found->ship_date == s1.ship_date));
    BOOST_TEST(!orders->findShipment(1, std::string("GLOBEX")).has_value());

    o.status = OrderStatus::Shipped;
    o.row_version = 3;
    auto s2 = sampleShipment(2, o, {"106141411234567873", "106141411234567897"});
    BOOST_TEST(isCode(orders->addShipment(o, 2, s2, {}), core::ErrorCode::Conflict));
    BOOST_TEST(!orders->findShipment(2, std::nullopt).has_value());
    BOOST_TEST((orders->find(1, std::nullopt)->status == OrderStatus::PartiallyShipped));  // rolled back
    BOOST_TEST(isCode(orders->addShipment(o, 1, sampleShipment(3, o, {"106141411234567873"}), {}),
                      core::ErrorCode::Conflict));  // stale

    auto s3 = sampleShipment(4, o, {"106141411234567873"});
    BOOST_TEST(orders->addShipment(o, 2, s3, {}).ok());
    auto all = orders->shipmentsOf(1);
    BOOST_REQUIRE(all.size() == 2u);
    BOOST_TEST(all[0].id == 1);
    BOOST_TEST(all[1].id == 4);
    BOOST_TEST(outbox->listFor("shipment", 1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(invoices_are_stored_with_the_order) {
    Order o = sampleOrder(1);
    o.status = OrderStatus::Shipped;
    BOOST_TEST(orders->create(o, {}).ok());
    o.status = OrderStatus::Invoiced;
    o.lines[0].invoiced_quantity = dec("10");
    o.row_version = 2;
    auto inv = sampleInvoice(1, o);
    BOOST_TEST(orders->addInvoice(o, 1, inv, {}).ok());
    auto found = orders->findInvoice(1, std::nullopt);
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->number == "INV-1");
    BOOST_TEST(found->po_number == "PO-1");
    BOOST_TEST((found->total == dec("16.33")));
    BOOST_REQUIRE(found->lines.size() == 1u);
    BOOST_TEST((found->lines[0].tax_rate_percent == dec("8.875")));
    BOOST_REQUIRE(found->taxes.size() == 1u);
    BOOST_TEST((found->taxes[0].tax_amount == dec("1.33")));
    BOOST_TEST(!orders->findInvoice(1, std::string("GLOBEX")).has_value());
    BOOST_TEST(orders->invoicesOf(1).size() == 1u);
    BOOST_TEST(orders->invoicesOf(2).empty());
    BOOST_TEST(isCode(orders->addInvoice(o, 1, sampleInvoice(2, o), {}), core::ErrorCode::Conflict));
    BOOST_TEST(!orders->findInvoice(2, std::nullopt).has_value());
    BOOST_TEST((orders->find(1, std::nullopt)->lines[0].invoiced_quantity == dec("10")));
}

BOOST_AUTO_TEST_SUITE_END()
