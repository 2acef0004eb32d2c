#include "crossdock/sales/shipment.h"

#include <map>
#include <set>
#include <string>

#include "support.h"

namespace crossdock::sales {
namespace {

using core::Decimal;
using core::ErrorCode;
using core::makeError;

core::Status checkPackages(const std::vector<Package>& packages) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < packages.size(); ++i) {
        const std::string where = "$.packages[" + std::to_string(i) + "].sscc";
        if (!isValidSscc(packages[i].sscc)) {
            return makeError(ErrorCode::InvalidArgument, "'" + packages[i].sscc + "' is not a valid SSCC-18",
                             where);
        }
        if (!seen.insert(packages[i].sscc).second) {
            return makeError(ErrorCode::InvalidArgument, "SSCC " + packages[i].sscc + " appears twice",
                             where);
        }
    }
    return {};
}

/// Quantity per order line in the input, checked against what is still open.
core::Result<std::map<int, Decimal>> checkLines(const Order& order, const std::vector<ShipmentLine>& lines) {
    if (lines.empty()) return makeError(ErrorCode::InvalidArgument, "a shipment needs lines", "$.lines");
    std::map<int, Decimal> per_line;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string where = "$.lines[" + std::to_string(i) + "]";
        const OrderLine* line = order.findLine(lines[i].order_line_no);
        if (line == nullptr || line->status == LineStatus::Rejected) {
            return makeError(ErrorCode::InvalidArgument,
                             "order " + order.number + " has no line " +
                                 std::to_string(lines[i].order_line_no) + " to ship",
                             where + ".order_line_no");
        }
        if (lines[i].quantity <= Decimal{}) {
            return makeError(ErrorCode::InvalidArgument, "quantity must be greater than zero",
                             where + ".quantity");
        }
        auto sum = Decimal::add(per_line[line->line_no], lines[i].quantity);
        if (!sum) return sum.takeError();
        if (*sum > line->openQuantity()) {
            return makeError(ErrorCode::InvalidArgument,
                             "line " + std::to_string(line->line_no) + ": shipping " + sum->toShortString() +
                                 " " + line->uom + " but only " + line->openQuantity().toShortString() +
                                 " remain to ship",
                             where + ".quantity");
        }
        per_line[line->line_no] = *sum;
    }
    return per_line;
}

}  // namespace

std::optional<int> gs1CheckDigit(std::string_view digits) {
    if (digits.empty()) return std::nullopt;
    int sum = 0;
    int weight = 3;  // the rightmost digit weighs 3, then 1, 3, 1, ...
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9') return std::nullopt;
        sum += (*it - '0') * weight;
        weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
}

bool isValidSscc(std::string_view sscc) {
    if (sscc.size() != 18) return false;
    auto check = gs1CheckDigit(sscc.substr(0, 17));
    return check && sscc[17] == static_cast<char>('0' + *check);
}

std::string formatShipmentNumber(std::int64_t id) { return detail::formatNumber("SH-", id); }

core::Result<Shipment> applyShipment(Order& order, const ShipmentInput& input, std::int64_t by_user,
                                     core::TimePoint at) {
    if (order.status != OrderStatus::Acknowledged && order.status != OrderStatus::PartiallyShipped) {
        return makeError(ErrorCode::FailedPrecondition,
                         "order " + order.number + " is " + std::string(toString(order.status)) +
                             "; only acknowledged or partially shipped orders ship");
    }
    if (input.carrier.empty())
        return makeError(ErrorCode::InvalidArgument, "carrier is required", "$.carrier");
    if (auto status = checkPackages(input.packages); !status) return status.takeError();
    auto per_line = checkLines(order, input.lines);
    if (!per_line) return per_line.takeError();

    Order updated = order;
    Shipment shipment{0,
                      "",
                      order.id,
                      order.customer_id,
                      input.carrier,
                      input.tracking_number,
                      input.ship_date,
                      input.packages,
                      {},
                      at};
    for (const ShipmentLine& in : input.lines) {
        OrderLine* line = updated.findLine(in.order_line_no);
        shipment.lines.push_back(ShipmentLine{line->line_no, line->sku, in.quantity, line->uom});
    }
    for (const auto& [line_no, quantity] : *per_line) updated.findLine(line_no)->shipped_quantity += quantity;
    const OrderStatus to = updated.fullyShipped() ? OrderStatus::Shipped : OrderStatus::PartiallyShipped;
    if (to != updated.status) {
        if (auto status = applyOrderTransition(updated, to, by_user, at, "shipment"); !status) {
            return status.takeError();
        }
    }
    order = std::move(updated);
    return shipment;
}

}  // namespace crossdock::sales
