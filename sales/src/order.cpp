#include "crossdock/sales/order.h"

#include <array>
#include <string>
#include <utility>

#include "support.h"

namespace crossdock::sales {
namespace {

using core::Decimal;
using core::ErrorCode;
using core::makeError;

constexpr std::array<std::pair<OrderStatus, std::string_view>, 8> kStatusNames{{
    {OrderStatus::Received, "received"},
    {OrderStatus::Acknowledged, "acknowledged"},
    {OrderStatus::PartiallyShipped, "partially_shipped"},
    {OrderStatus::Shipped, "shipped"},
    {OrderStatus::Invoiced, "invoiced"},
    {OrderStatus::Closed, "closed"},
    {OrderStatus::OnHold, "on_hold"},
    {OrderStatus::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<LineStatus, std::string_view>, 4> kLineStatusNames{{
    {LineStatus::Accepted, "accepted"},
    {LineStatus::Backordered, "backordered"},
    {LineStatus::Rejected, "rejected"},
    {LineStatus::Changed, "changed"},
}};

/// The one table of order transitions (see order.h and docs/sales.md).
bool legal(OrderStatus from, OrderStatus to) {
    using enum OrderStatus;
    switch (from) {
        case Received:
            return to == Acknowledged || to == OnHold || to == Cancelled;
        case Acknowledged:
            return to == PartiallyShipped || to == Shipped || to == OnHold || to == Cancelled;
        case PartiallyShipped:
            return to == Shipped;
        case Shipped:
            return to == Invoiced;
        case Invoiced:
            return to == Closed;
        case OnHold:
            return to == Received || to == Acknowledged || to == Cancelled;
        case Closed:
        case Cancelled:
            return false;
    }
    return false;
}

}  // namespace

std::string_view toString(OrderStatus status) {
    for (const auto& [s, name] : kStatusNames) {
        if (s == status) return name;
    }
    return "received";
}

std::string_view toString(LineStatus status) {
    for (const auto& [s, name] : kLineStatusNames) {
        if (s == status) return name;
    }
    return "accepted";
}

std::optional<OrderStatus> parseOrderStatus(std::string_view text) {
    for (const auto& [s, name] : kStatusNames) {
        if (name == text) return s;
    }
    return std::nullopt;
}

std::optional<LineStatus> parseLineStatus(std::string_view text) {
    for (const auto& [s, name] : kLineStatusNames) {
        if (name == text) return s;
    }
    return std::nullopt;
}

core::Status checkOrderTransition(OrderStatus from, OrderStatus to) {
    if (legal(from, to)) return {};
    return makeError(ErrorCode::FailedPrecondition, "an order cannot go from " + std::string(toString(from)) +
                                                        " to " + std::string(toString(to)));
}

Decimal OrderLine::openQuantity() const {
    if (status == LineStatus::Rejected) return Decimal{};
    return quantity - shipped_quantity;
}

const OrderLine* Order::findLine(int line_no) const {
    for (const OrderLine& line : lines) {
        if (line.line_no == line_no) return &line;
    }
    return nullptr;
}

OrderLine* Order::findLine(int line_no) {
    return const_cast<OrderLine*>(static_cast<const Order&>(*this).findLine(line_no));
}

bool Order::fullyShipped() const {
    for (const OrderLine& line : lines) {
        if (line.status != LineStatus::Rejected && line.shipped_quantity < line.quantity) return false;
    }
    return true;
}

bool Order::fullyInvoicedAsShipped() const {
    for (const OrderLine& line : lines) {
        if (line.status != LineStatus::Rejected && line.invoiced_quantity < line.shipped_quantity)
            return false;
    }
    return true;
}

std::string formatOrderNumber(std::int64_t id) { return detail::formatNumber("SO-", id); }

core::Status applyOrderTransition(Order& order, OrderStatus to, std::int64_t by_user, core::TimePoint at,
                                  std::string note) {
    if (auto status = checkOrderTransition(order.status, to); !status) return status;
    const OrderStatus from = order.status;
    if (from == OrderStatus::OnHold && to != OrderStatus::Cancelled && order.held_from != to) {
        return makeError(ErrorCode::FailedPrecondition,
                         "an order held while " +
                             std::string(toString(order.held_from.value_or(OrderStatus::Received))) +
                             " is released back to that status only");
    }
    if (to == OrderStatus::OnHold) {
        order.held_from = from;
        if (!note.empty()) order.hold_reasons.push_back(note);
    } else if (from == OrderStatus::OnHold) {
        order.held_from.reset();
        order.hold_reasons.clear();
    }
    order.transitions.push_back(OrderTransition{from, to, by_user, at, std::move(note)});
    order.status = to;
    return {};
}

}  // namespace crossdock::sales
