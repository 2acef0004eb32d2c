#include "sales_views.h"

#include <charconv>

#include "crossdock/server/error_mapping.h"
#include "handlers/price_views.h"
#include "views.h"

namespace crossdock::server {
namespace {

using core::JsonWriter;

void optionalMoney(JsonWriter& out, std::string_view key, const std::optional<core::Decimal>& value) {
    out.key(key);
    if (value) {
        out.string(moneyText(*value));
    } else {
        out.null();
    }
}

void writeQuoteLine(JsonWriter& out, const sales::QuoteLine& line, bool staff) {
    out.beginObject()
        .field("line_no", line.line_no)
        .field("sku", line.sku)
        .field("quantity", line.quantity.toShortString())
        .field("uom", line.uom)
        .field("list_price", moneyText(line.list_price))
        .field("unit_price", moneyText(line.unit_price))
        .field("reason", line.reason);
    optionalMoney(out, "target_price", line.target_price);
    if (staff) optionalMoney(out, "cost", line.cost);
    out.field("explanation", line.explanation).field("extended", moneyText(line.extended)).endObject();
}

void writeLines(JsonWriter& out, const std::vector<sales::QuoteLine>& lines, bool staff) {
    out.key("lines").beginArray();
    for (const auto& line : lines) writeQuoteLine(out, line, staff);
    out.endArray();
}

void writeFieldChanges(JsonWriter& out, const std::vector<sales::FieldChange>& changes) {
    out.beginArray();
    for (const auto& c : changes) {
        out.beginObject()
            .field("field", c.field)
            .field("before", c.before)
            .field("after", c.after)
            .endObject();
    }
    out.endArray();
}

}  // namespace

void writeQuote(JsonWriter& out, const sales::Quote& q, bool staff) {
    out.beginObject()
        .field("id", q.id)
        .field("number", q.number)
        .field("customer_id", q.customer_id)
        .field("rep_id", q.rep_id)
        .field("requested_by", q.requested_by)
        .field("version", q.version)
        .field("status", sales::toString(q.status))
        .field("currency", q.currency)
        .field("valid_until", q.valid_until.toString())
        .field("notes", q.notes)
        .field("terms", q.terms);
    writeLines(out, q.lines, staff);
    out.field("total", moneyText(q.total)).key("order_id");
    if (q.order_id) {
        out.number(*q.order_id);
    } else {
        out.null();
    }
    out.field("created_at", formatUtc(q.created_at)).field("row_version", q.row_version);
    out.key("transitions").beginArray();
    for (const auto& t : q.transitions) {
        out.beginObject()
            .field("action", sales::toString(t.action))
            .field("from", sales::toString(t.from))
            .field("to", sales::toString(t.to))
            .field("version", t.version)
            .field("by_user", t.by_user)
            .field("at", formatUtc(t.at))
            .field("note", t.note)
            .endObject();
    }
    out.endArray().endObject();
}

void writeQuoteVersion(JsonWriter& out, const sales::QuoteVersion& v, bool staff) {
    out.beginObject()
        .field("quote_id", v.quote_id)
        .field("version", v.version)
        .field("status", sales::toString(v.status))
        .field("currency", v.currency)
        .field("valid_until", v.valid_until.toString())
        .field("notes", v.notes)
        .field("terms", v.terms);
    writeLines(out, v.lines, staff);
    out.field("total", moneyText(v.total)).endObject();
}

void writeQuoteDiff(JsonWriter& out, const sales::QuoteDiff& d) {
    out.beginObject().field("from", d.from_version).field("to", d.to_version);
    out.key("added").beginArray();
    for (const auto& line : d.added) writeQuoteLine(out, line, false);
    out.endArray().key("removed").beginArray();
    for (const auto& line : d.removed) writeQuoteLine(out, line, false);
    out.endArray().key("changed").beginArray();
    for (const auto& c : d.changed) {
        out.beginObject()
            .field("sku", c.sku)
            .field("from_line_no", c.from_line_no)
            .field("to_line_no", c.to_line_no);
        out.key("changes");
        writeFieldChanges(out, c.changes);
        out.endObject();
    }
    out.endArray().key("terms");
    writeFieldChanges(out, d.terms);
    out.endObject();
}

namespace {

void writeShipTo(JsonWriter& out, const sales::ShipTo& s) {
    out.key("ship_to").beginObject();
    out.field("name", s.name).field("location_id", s.location_id).field("address1", s.address1);
    out.field("address2", s.address2).field("city", s.city).field("region", s.region);
    out.field("postal_code", s.postal_code).field("country", s.country).endObject();
}

void writeOrderLine(JsonWriter& out, const sales::OrderLine& l) {
    out.beginObject()
        .field("line_no", l.line_no)
        .field("line_ref", l.line_ref)
        .field("sku", l.sku)
        .field("customer_part_number", l.customer_part_number)
        .field("quantity", l.quantity.toShortString())
        .field("uom", l.uom)
        .field("unit_price", moneyText(l.unit_price))
        .field("extended", moneyText(l.extended));
    optionalMoney(out, "incoming_price", l.incoming_price);
    out.field("explanation", l.explanation)
        .field("status", sales::toString(l.status))
        .field("message", l.message)
        .field("backordered_quantity", l.backordered_quantity.toShortString())
        .field("shipped_quantity", l.shipped_quantity.toShortString())
        .field("invoiced_quantity", l.invoiced_quantity.toShortString())
        .endObject();
}

void writeOrderTail(JsonWriter& out, const sales::Order& o) {
    out.key("quote");
    if (o.quote) {
        out.beginObject()
            .field("id", o.quote->quote_id)
            .field("number", o.quote->number)
            .field("version", o.quote->version)
            .endObject();
    } else {
        out.null();
    }
    out.key("source_message_id");
    if (o.source_message_id) {
        out.number(*o.source_message_id);
    } else {
        out.null();
    }
    out.field("requested_by", o.requested_by).field("created_at", formatUtc(o.created_at));
    out.field("row_version", o.row_version).key("transitions").beginArray();
    for (const auto& t : o.transitions) {
        out.beginObject()
            .field("from", sales::toString(t.from))
            .field("to", sales::toString(t.to))
            .field("by_user", t.by_user)
            .field("at", formatUtc(t.at))
            .field("note", t.note)
            .endObject();
    }
    out.endArray();
}

}  // namespace

void writeOrder(JsonWriter& out, const sales::Order& o) {
    out.beginObject()
        .field("id", o.id)
        .field("number", o.number)
        .field("customer_id", o.customer_id)
        .field("po_number", o.po_number)
        .field("source", sales::toString(o.source))
        .field("status", sales::toString(o.status))
        .key("held_from");
    if (o.held_from) {
        out.string(sales::toString(*o.held_from));
    } else {
        out.null();
    }
    out.key("hold_reasons").beginArray();
    for (const auto& reason : o.hold_reasons) out.string(reason);
    out.endArray().field("currency", o.currency);
    writeShipTo(out, o.ship_to);
    out.key("requested_date");
    if (o.requested_date) {
        out.string(o.requested_date->toString());
    } else {
        out.null();
    }
    out.field("notes", o.notes).key("lines").beginArray();
    for (const auto& line : o.lines) writeOrderLine(out, line);
    out.endArray().field("total", moneyText(o.total));
    writeOrderTail(out, o);
    out.endObject();
}

void writeShipment(JsonWriter& out, const sales::Shipment& s) {
    out.beginObject()
        .field("id", s.id)
        .field("number", s.number)
        .field("order_id", s.order_id)
        .field("customer_id", s.customer_id)
        .field("carrier", s.carrier)
        .field("tracking_number", s.tracking_number)
        .field("ship_date", s.ship_date.toString())
        .key("packages")
        .beginArray();
    for (const auto& p : s.packages) {
        out.beginObject().field("sscc", p.sscc).key("weight_kg");
        if (p.weight_kg) {
            out.string(p.weight_kg->toShortString());
        } else {
            out.null();
        }
        out.endObject();
    }
    out.endArray().key("lines").beginArray();
    for (const auto& l : s.lines) {
        out.beginObject()
            .field("line_no", l.order_line_no)
            .field("sku", l.sku)
            .field("quantity", l.quantity.toShortString())
            .field("uom", l.uom)
            .endObject();
    }
    out.endArray().field("created_at", formatUtc(s.created_at)).endObject();
}

void writeInvoice(JsonWriter& out, const sales::Invoice& v) {
    out.beginObject()
        .field("id", v.id)
        .field("number", v.number)
        .field("order_id", v.order_id)
        .field("order_number", v.order_number)
        .field("customer_id", v.customer_id)
        .field("po_number", v.po_number)
        .field("currency", v.currency)
        .field("issue_date", v.issue_date.toString())
        .key("lines")
        .beginArray();
    for (const auto& l : v.lines) {
        out.beginObject()
            .field("line_no", l.order_line_no)
            .field("sku", l.sku)
            .field("quantity", l.quantity.toShortString())
            .field("uom", l.uom)
            .field("unit_price", moneyText(l.unit_price))
            .field("tax_rate_percent", l.tax_rate_percent.toShortString())
            .field("extended", moneyText(l.extended))
            .endObject();
    }
    out.endArray().key("taxes").beginArray();
    for (const auto& t : v.taxes) {
        out.beginObject()
            .field("rate_percent", t.rate_percent.toShortString())
            .field("taxable_amount", moneyText(t.taxable_amount))
            .field("tax_amount", moneyText(t.tax_amount))
            .endObject();
    }
    out.endArray()
        .field("line_total", moneyText(v.line_total))
        .field("tax_total", moneyText(v.tax_total))
        .field("total", moneyText(v.total))
        .field("created_at", formatUtc(v.created_at))
        .endObject();
}

void writeOutboxRecord(JsonWriter& out, const sales::OutboxRecord& r) {
    static constexpr const char* kStates[] = {"pending", "delivered", "dead_letter"};
    out.beginObject()
        .field("id", r.id)
        .field("type", sales::toString(r.event.type))
        .field("aggregate_type", r.event.aggregate_type)
        .field("aggregate_id", r.event.aggregate_id)
        .field("occurred_at", formatUtc(r.event.occurred_at))
        .field("state", kStates[static_cast<int>(r.state)])
        .field("attempts", r.attempts)
        .field("last_error", r.last_error)
        .key("attributes")
        .beginObject();
    for (const auto& [key, value] : r.event.attributes) out.field(key, value);
    out.endObject().endObject();
}

}  // namespace crossdock::server
