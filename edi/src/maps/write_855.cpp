// sales::Order → X12 855 Purchase Order Acknowledgment.

#include "address_segments.h"
#include "crossdock/edi/maps/outbound.h"
#include "outbound_support.h"

namespace crossdock::edi::maps {
namespace {

using detail::decimalText;

std::string ackType(const sales::Order& order) {
    bool all_rejected = !order.lines.empty();
    bool all_accepted = true;
    for (const auto& line : order.lines) {
        all_rejected = all_rejected && line.status == sales::LineStatus::Rejected;
        all_accepted = all_accepted && line.status == sales::LineStatus::Accepted;
    }
    if (all_rejected) return "RJ";
    return all_accepted ? "AD" : "AC";
}

std::string lineRef(const sales::OrderLine& line) {
    return line.line_ref.empty() ? std::to_string(line.line_no) : line.line_ref;
}

void writeAck(x12::SegmentWriter& writer, detail::StatusChain& chain, std::string_view code,
              core::Decimal quantity, const std::string& uom) {
    chain.add(writer.write("ACK", {code, decimalText(quantity), uom}));
}

void writeLine(x12::SegmentWriter& writer, detail::StatusChain& chain, const sales::OrderLine& line) {
    const bool rejected = line.status == sales::LineStatus::Rejected;
    std::string price;
    if (!rejected) {
        price = decimalText(line.unit_price);
    } else if (line.incoming_price) {
        price = decimalText(*line.incoming_price);
    }
    writer.begin("PO1").element(lineRef(line)).element(decimalText(line.quantity)).element(line.uom);
    writer.element(price).element("");
    if (!line.sku.empty()) writer.element("VP").element(line.sku);
    if (!line.customer_part_number.empty()) writer.element("BP").element(line.customer_part_number);
    chain.add(writer.end());
    switch (line.status) {
        case sales::LineStatus::Accepted:
            writeAck(writer, chain, "IA", line.quantity, line.uom);
            break;
        case sales::LineStatus::Changed:
            writeAck(writer, chain, "IP", line.quantity, line.uom);
            break;
        case sales::LineStatus::Rejected:
            writeAck(writer, chain, "IR", line.quantity, line.uom);
            break;
        case sales::LineStatus::Backordered: {
            const core::Decimal now = line.quantity - line.backordered_quantity;
            if (now > core::Decimal()) writeAck(writer, chain, "IA", now, line.uom);
            writeAck(writer, chain, "IB", line.backordered_quantity, line.uom);
            break;
        }
    }
}

}  // namespace

core::Result<std::string> write855(const sales::Order& order, const OutboundEnvelope& envelope,
                                   std::optional<core::Date> po_date) {
    const core::Date ordered = po_date ? *po_date : core::Date::fromTimePoint(order.created_at);
    return detail::writeSingleSet(
        envelope, "PR", "855", [&](x12::SegmentWriter& writer, detail::StatusChain& chain) {
            writer.begin("BAK").element("00").element(ackType(order)).element(order.po_number);
            writer.element(ordered.toCompactString())
                .element("")
                .element("")
                .element("")
                .element(order.number);
            chain.add(writer.element(envelope.date).end());
            if (!order.currency.empty()) chain.add(writer.write("CUR", {"SE", order.currency}));
            detail::writeParty(writer, chain, "ST", order.ship_to);
            core::Decimal hash;
            for (const auto& line : order.lines) {
                writeLine(writer, chain, line);
                hash += line.quantity;
            }
            chain.add(writer.write("CTT", {std::to_string(order.lines.size()), decimalText(hash)}));
        });
}

}  // namespace crossdock::edi::maps
