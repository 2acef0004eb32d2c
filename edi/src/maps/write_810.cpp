// sales::Invoice → X12 810 Invoice.

#include "address_segments.h"
#include "crossdock/edi/maps/outbound.h"
#include "outbound_support.h"

namespace crossdock::edi::maps {
namespace {

using detail::decimalText;

void writeItems(x12::SegmentWriter& writer, detail::StatusChain& chain, const sales::Invoice& invoice,
                const sales::Order* order, const std::string& tax_type) {
    for (const auto& line : invoice.lines) {
        const sales::OrderLine* ordered = order != nullptr ? order->findLine(line.order_line_no) : nullptr;
        std::string ref = std::to_string(line.order_line_no);
        if (ordered != nullptr && !ordered->line_ref.empty()) ref = ordered->line_ref;
        writer.begin("IT1").element(ref).element(decimalText(line.quantity)).element(line.uom);
        writer.element(decimalText(line.unit_price)).element("").element("VP").element(line.sku);
        if (ordered != nullptr && !ordered->customer_part_number.empty())
            writer.element("BP").element(ordered->customer_part_number);
        chain.add(writer.end());
        if (!line.tax_rate_percent.isZero())
            chain.add(writer.write("TXI", {tax_type, "", decimalText(line.tax_rate_percent)}));
    }
}

}  // namespace

core::Result<std::string> write810(const sales::Invoice& invoice, const OutboundEnvelope& envelope,
                                   const sales::Order* order, const std::string& tax_type) {
    return detail::writeSingleSet(
        envelope, "IN", "810", [&](x12::SegmentWriter& writer, detail::StatusChain& chain) {
            const std::string ordered = order != nullptr
                                            ? core::Date::fromTimePoint(order->created_at).toCompactString()
                                            : std::string();
            chain.add(writer.write(
                "BIG", {invoice.issue_date.toCompactString(), invoice.number, ordered, invoice.po_number}));
            if (!invoice.currency.empty()) chain.add(writer.write("CUR", {"SE", invoice.currency}));
            if (!invoice.order_number.empty()) chain.add(writer.write("REF", {"VN", invoice.order_number}));
            if (order != nullptr) detail::writeParty(writer, chain, "ST", order->ship_to);
            writeItems(writer, chain, invoice, order, tax_type);
            chain.add(writer.write(
                "TDS", {detail::impliedTwo(invoice.total), detail::impliedTwo(invoice.line_total)}));
            for (const auto& tax : invoice.taxes) {
                if (tax.rate_percent.isZero()) continue;
                chain.add(writer.write(
                    "TXI", {tax_type, decimalText(tax.tax_amount), decimalText(tax.rate_percent)}));
            }
            core::Decimal hash;
            for (const auto& line : invoice.lines) hash += line.quantity;
            chain.add(writer.write("CTT", {std::to_string(invoice.lines.size()), decimalText(hash)}));
        });
}

}  // namespace crossdock::edi::maps
