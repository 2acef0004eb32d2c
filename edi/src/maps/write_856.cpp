// sales::Shipment → X12 856 Ship Notice/Manifest (HL S/O/P/I, structure 0001).

#include "address_segments.h"
#include "crossdock/edi/maps/outbound.h"
#include "outbound_support.h"

namespace crossdock::edi::maps {
namespace {

using detail::decimalText;

// Writes HL segments with running ids.
class Hierarchy {
public:
    Hierarchy(x12::SegmentWriter& writer, detail::StatusChain& chain) : writer_(writer), chain_(chain) {}
    /// HL*<id>*<parent>*<level>*<children 1/0>; returns its id.
    int add(int parent, std::string_view level, bool has_children) {
        ++count_;
        chain_.add(writer_.write("HL", {std::to_string(count_), parent == 0 ? "" : std::to_string(parent),
                                        level, has_children ? "1" : "0"}));
        return count_;
    }
    int count() const { return count_; }

private:
    x12::SegmentWriter& writer_;
    detail::StatusChain& chain_;
    int count_ = 0;
};

std::optional<core::Decimal> totalWeight(const sales::Shipment& shipment) {
    core::Decimal total;
    for (const auto& package : shipment.packages) {
        if (!package.weight_kg) return std::nullopt;
        total += *package.weight_kg;
    }
    return total;
}

void writeTd1(x12::SegmentWriter& writer, detail::StatusChain& chain, std::size_t packages,
              std::optional<core::Decimal> weight) {
    writer.begin("TD1").element("CTN25").element(std::to_string(packages));
    if (weight)
        writer.element("").element("").element("").element("G").element(decimalText(*weight)).element("KG");
    chain.add(writer.end());
}

void writeShipmentLevel(x12::SegmentWriter& writer, detail::StatusChain& chain,
                        const sales::Shipment& shipment, const sales::Order& order) {
    if (!shipment.packages.empty()) writeTd1(writer, chain, shipment.packages.size(), totalWeight(shipment));
    chain.add(writer.write("TD5", {"", "2", shipment.carrier}));
    if (!shipment.tracking_number.empty()) chain.add(writer.write("REF", {"CN", shipment.tracking_number}));
    chain.add(writer.write("DTM", {"011", shipment.ship_date.toCompactString()}));
    detail::writeParty(writer, chain, "ST", order.ship_to);
}

void writeItem(x12::SegmentWriter& writer, detail::StatusChain& chain, const sales::ShipmentLine& line,
               const sales::OrderLine& ordered) {
    const std::string ref = ordered.line_ref.empty() ? std::to_string(ordered.line_no) : ordered.line_ref;
    writer.begin("LIN").element(ref).element("VP").element(ordered.sku);
    if (!ordered.customer_part_number.empty()) writer.element("BP").element(ordered.customer_part_number);
    chain.add(writer.end());
    chain.add(writer.write("SN1", {ref, decimalText(line.quantity), ordered.uom}));
}

}  // namespace

core::Result<std::string> write856(const sales::Shipment& shipment, const sales::Order& order,
                                   const OutboundEnvelope& envelope) {
    for (const auto& line : shipment.lines) {
        if (order.findLine(line.order_line_no) == nullptr)
            return core::makeError(
                core::ErrorCode::InvalidArgument,
                "shipment line " + std::to_string(line.order_line_no) + " is not on order " + order.number);
    }
    return detail::writeSingleSet(
        envelope, "SH", "856", [&](x12::SegmentWriter& writer, detail::StatusChain& chain) {
            chain.add(writer.write(
                "BSN", {"00", shipment.number, shipment.ship_date.toCompactString(), envelope.time, "0001"}));
            Hierarchy hl(writer, chain);
            const int top = hl.add(0, "S", true);
            writeShipmentLevel(writer, chain, shipment, order);
            const int order_level = hl.add(top, "O", true);
            chain.add(writer.write("PRF", {order.po_number}));
            chain.add(writer.write("REF", {"VN", order.number}));
            int item_parent = order_level;
            const bool single = shipment.packages.size() == 1;
            for (const auto& package : shipment.packages) {
                const int pack = hl.add(order_level, "P", single && !shipment.lines.empty());
                if (single) item_parent = pack;
                if (!single && package.weight_kg) writeTd1(writer, chain, 1, package.weight_kg);
                chain.add(writer.write("MAN", {"GM", package.sscc}));
            }
            for (const auto& line : shipment.lines) {
                hl.add(item_parent, "I", false);
                writeItem(writer, chain, line, *order.findLine(line.order_line_no));
            }
            chain.add(writer.write("CTT", {std::to_string(hl.count())}));
        });
}

}  // namespace crossdock::edi::maps
