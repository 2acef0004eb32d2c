#include "fixtures.h"

namespace crossdock::storage::testing {

core::Decimal dec(const char* text) { return core::Decimal::parse(text).value(); }
core::Date day(const char* iso) { return core::Date::parse(iso).value(); }
core::TimePoint at(std::int64_t seconds) { return core::TimePoint{} + std::chrono::seconds(seconds); }

sales::Quote sampleQuote(std::int64_t id, const std::string& customer) {
    sales::Quote q;
    q.id = id;
    q.number = sales::formatQuoteNumber(id);
    q.customer_id = customer;
    q.rep_id = 7;
    q.requested_by = 0;
    q.currency = "USD";
    q.valid_until = day("2026-12-31");
    q.notes = "rush, 'quoted' \"text\"";
    q.terms = "Net 30";
    sales::QuoteLine a;
    a.line_no = 1;
    a.sku = "BOLT-M8";
    a.quantity = dec("1200");
    a.uom = "EA";
    a.list_price = dec("0.1234");
    a.unit_price = dec("0.1100");
    a.reason = "volume";
    a.cost = dec("0.0800");
    a.target_price = dec("0.1000");
    a.explanation = "list BASE tier 1000";
    a.extended = dec("132.00");
    sales::QuoteLine b;
    b.line_no = 2;
    b.sku = "NUT-M8";
    b.quantity = dec("2.5");
    b.uom = "CS";
    b.list_price = dec("12.5000");
    b.unit_price = dec("12.5000");
    b.explanation = "list BASE";
    b.extended = dec("31.25");
    q.lines = {a, b};
    q.total = dec("163.25");
    q.created_at = at(1'000'000);
    q.transitions.push_back(sales::QuoteTransition{sales::QuoteAction::Create, sales::QuoteStatus::Draft,
                                                   sales::QuoteStatus::Draft, 1, 7, at(1'000'000), ""});
    return q;
}

sales::Order sampleOrder(std::int64_t id, const std::string& customer, const std::string& po) {
    sales::Order o;
    o.id = id;
    o.number = sales::formatOrderNumber(id);
    o.customer_id = customer;
    o.po_number = po;
    o.source = sales::OrderSource::X12;
    o.currency = "USD";
    o.ship_to = sales::ShipTo{"Dock 4", "0614141000012", "1 Main St", "", "Springfield", "IL", "62701", "US"};
    o.requested_date = day("2026-12-01");
    o.notes = "leave at dock";
    for (int i = 1; i <= 3; ++i) {
        sales::OrderLine line;
        line.line_no = i;
        line.line_ref = std::to_string(i);
        line.sku = "SKU-" + std::to_string(i);
        line.customer_part_number = "CP-" + std::to_string(i);
        line.quantity = dec("10");
        line.uom = "EA";
        line.unit_price = dec("1.5000");
        line.extended = dec("15.00");
        line.explanation = "list BASE";
        o.lines.push_back(line);
    }
    o.lines[1].incoming_price = dec("1.4000");
    o.lines[1].status = sales::LineStatus::Changed;
    o.lines[1].message = "price differs";
    o.lines[1].backordered_quantity = dec("2");
    o.lines[2].status = sales::LineStatus::Rejected;
    o.lines[2].unit_price = core::Decimal{};
    o.lines[2].extended = core::Decimal{};
    o.total = dec("30.00");
    o.quote = sales::QuoteRef{42, "Q-000042", 2};
    o.source_message_id = 9000 + id;
    o.requested_by = 0;
    o.created_at = at(2'000'000);
    return o;
}

sales::OutboxEvent sampleEvent(sales::EventType type, const std::string& aggregate_type, std::int64_t id,
                               core::TimePoint when) {
    sales::OutboxEvent e;
    e.type = type;
    e.aggregate_type = aggregate_type;
    e.aggregate_id = id;
    e.customer_id = "ACME";
    e.occurred_at = when;
    e.attributes = {{"number", "SO-000001"}, {"total", "30.00"}, {"a", ""}};
    return e;
}

}  // namespace crossdock::storage::testing
