#include "crossdock/sales/order_service.h"

#include <string>
#include <utility>

#include "crossdock/accounts/authorization.h"
#include "support.h"

namespace crossdock::sales {
namespace {

using accounts::Role;
using core::ErrorCode;
using core::makeError;

PlaceResult failure(core::Error error) { return PlaceResult{std::nullopt, false, std::move(error), {}}; }

/// Who may place `request`, and for which customer: fills an empty customer_id
/// with the caller's company.
core::Status checkPlacer(const accounts::Caller& caller, OrderRequest& request) {
    if (caller.isStaff()) {
        if (request.customer_id.empty()) {
            return makeError(ErrorCode::InvalidArgument, "customer_id is required", "$.customer_id");
        }
        return {};
    }
    const bool partner = caller.role == Role::Partner;
    if (partner != isEdiSource(request.source) || !caller.company_id) {
        return makeError(ErrorCode::PermissionDenied, "role '" + std::string(toString(caller.role)) +
                                                          "' may not place " +
                                                          std::string(toString(request.source)) + " orders");
    }
    if (request.customer_id.empty()) request.customer_id = *caller.company_id;
    if (request.customer_id != *caller.company_id) {
        return makeError(ErrorCode::NotFound, "customer '" + request.customer_id + "' not found",
                         "$.customer_id");
    }
    return {};
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
    return out;
}

}  // namespace

OrderService::OrderService(OrderRepository& orders, IdSequence& ids, const OrderBuilder& builder,
                           const TaxRates& taxes, const core::Clock& clock)
    : orders_(orders), ids_(ids), builder_(builder), taxes_(taxes), clock_(clock) {}

PlaceResult OrderService::place(const accounts::Caller& caller, OrderRequest request) {
    for (std::size_t i = 0; i < request.lines.size(); ++i) {
        if (request.lines[i].locked_price) {
            return failure(makeError(ErrorCode::InvalidArgument,
                                     "locked prices come only from accepted quotes",
                                     "$.lines[" + std::to_string(i) + "].locked_price"));
        }
    }
    if (request.source == OrderSource::Quote) {
        return failure(
            makeError(ErrorCode::InvalidArgument, "order a quote through its order action", "$.source"));
    }
    return placeChecked(caller, std::move(request));
}

PlaceResult OrderService::existingOrder(const OrderRequest& request) const {
    std::optional<Order> existing;
    if (request.source_message_id) existing = orders_.findBySourceMessage(*request.source_message_id);
    if (!existing && !request.po_number.empty()) {
        existing = orders_.findByPoNumber(request.customer_id, request.po_number);
    }
    if (!existing) return {};
    return PlaceResult{std::move(existing), true, std::nullopt, {}};
}

PlaceResult OrderService::placeChecked(const accounts::Caller& caller, OrderRequest request) {
    if (auto status = checkPlacer(caller, request); !status) return failure(status.takeError());
    if (auto duplicate = existingOrder(request); duplicate.order) return duplicate;
    // An order let through on credit is stored only if the exposure it was checked
    // against still holds; when another order of the customer got in first (another
    // instance, another thread), it is built again with the new exposure.
    constexpr int kCreditAttempts = 3;
    for (int attempt = 1;; ++attempt) {
        bool credit_moved = false;
        PlaceResult placed = buildAndCreate(caller, request, credit_moved);
        if (!credit_moved || attempt == kCreditAttempts) return placed;
    }
}

PlaceResult OrderService::buildAndCreate(const accounts::Caller& caller, const OrderRequest& request,
                                         bool& credit_moved) {
    const core::TimePoint now = clock_.now();
    BuildResult built = builder_.build(request, core::Date::fromTimePoint(now));
    if (!built.ok())
        return PlaceResult{std::nullopt, false, std::move(built.error), std::move(built.line_errors)};

    Order order = std::move(*built.order);
    order.id = ids_.next("order");
    order.number = formatOrderNumber(order.id);
    order.created_at = now;
    order.row_version = 1;
    if (request.requested_by == 0) order.requested_by = caller.user_id;
    order.transitions.push_back(OrderTransition{OrderStatus::Received, order.status, caller.user_id, now,
                                                joined(order.hold_reasons)});
    const std::vector<OutboxEvent> events{orderCreatedEvent(order, now)};
    if (auto status = orders_.create(order, events, built.credit_ceiling); !status) {
        if (status.error().code == ErrorCode::Conflict) {
            if (auto duplicate = existingOrder(request); duplicate.order) return duplicate;
        }
        credit_moved = built.credit_ceiling && status.error().code == ErrorCode::FailedPrecondition;
        return failure(status.takeError());
    }
    return PlaceResult{std::move(order), false, std::nullopt, std::move(built.line_errors)};
}

PlaceResult OrderService::placeFromQuote(const accounts::Caller& caller, QuoteService& quotes,
                                         std::int64_t quote_id, std::string po_number) {
    auto request = quotes.orderRequest(caller, quote_id, std::move(po_number));
    if (!request) return failure(request.takeError());
    PlaceResult placed = placeChecked(caller, std::move(*request));
    if (!placed.order) return placed;
    const bool from_this_quote = placed.order->quote && placed.order->quote->quote_id == quote_id;
    if (placed.duplicate && !from_this_quote) return placed;  // the PO number belongs to another order
    auto marked = quotes.markOrdered(caller, quote_id, placed.order->id);
    if (!marked) return PlaceResult{std::move(placed.order), false, marked.takeError(), {}};
    placed.duplicate = false;  // a retry that found its own order: the order of this quote
    return placed;
}

core::Result<Order> OrderService::get(const accounts::Caller& caller, std::int64_t id) const {
    if (auto status = accounts::authorize(caller, accounts::Action::ReadOrders); !status) {
        return status.takeError();
    }
    auto order = orders_.find(id, caller.scope());
    if (!order) return makeError(ErrorCode::NotFound, "order " + std::to_string(id) + " not found");
    return std::move(*order);
}

core::Result<Order> OrderService::loadForUpdate(const accounts::Caller& caller, std::int64_t id,
                                                std::optional<std::int64_t> if_match) const {
    auto order = orders_.find(id, caller.scope());
    if (!order) return makeError(ErrorCode::NotFound, "order " + std::to_string(id) + " not found");
    if (auto status = detail::checkIfMatch(order->row_version, if_match); !status) return status.takeError();
    return std::move(*order);
}

core::Result<Order> OrderService::transition(const accounts::Caller& caller, std::int64_t id, OrderStatus to,
                                             const OrderActionArgs& args) {
    if (to == OrderStatus::PartiallyShipped || to == OrderStatus::Shipped || to == OrderStatus::Invoiced) {
        return makeError(ErrorCode::InvalidArgument, "an order becomes " + std::string(toString(to)) +
                                                         " through a shipment or an invoice");
    }
    const bool buyer_cancel = accounts::isBuyer(caller.role) && to == OrderStatus::Cancelled;
    if (!caller.isStaff() && !buyer_cancel) {
        return makeError(ErrorCode::PermissionDenied, "only staff change the status of an order");
    }
    auto order = loadForUpdate(caller, id, args.if_match);
    if (!order) return order;
    if (buyer_cancel && order->status != OrderStatus::Received && order->status != OrderStatus::OnHold) {
        return makeError(ErrorCode::FailedPrecondition,
                         "an acknowledged order is cancelled by the seller only");
    }
    if (to == OrderStatus::OnHold && args.note.empty()) {
        return makeError(ErrorCode::InvalidArgument, "a hold needs a reason", "$.note");
    }
    const OrderStatus from = order->status;
    const core::TimePoint now = clock_.now();
    if (auto status = applyOrderTransition(*order, to, caller.user_id, now, args.note); !status) {
        return status.takeError();
    }
    std::vector<OutboxEvent> events;
    if (to == OrderStatus::Acknowledged && from == OrderStatus::Received) {
        events.push_back(orderAcknowledgedEvent(*order, now));
    }
    const std::int64_t expected = order->row_version++;
    if (auto status = orders_.update(*order, expected, events); !status) return status.takeError();
    return order;
}

core::Result<Shipment> OrderService::ship(const accounts::Caller& caller, std::int64_t id,
                                          const ShipmentInput& input, std::optional<std::int64_t> if_match) {
    if (!caller.isStaff()) return makeError(ErrorCode::PermissionDenied, "only staff record shipments");
    auto order = loadForUpdate(caller, id, if_match);
    if (!order) return order.takeError();
    const core::TimePoint now = clock_.now();
    const std::size_t recorded = order->transitions.size();
    auto shipment = applyShipment(*order, input, caller.user_id, now);
    if (!shipment) return shipment;
    shipment->id = ids_.next("shipment");
    shipment->number = formatShipmentNumber(shipment->id);
    if (order->transitions.size() > recorded) order->transitions.back().note = "shipment " + shipment->number;
    const std::int64_t expected = order->row_version++;
    const std::vector<OutboxEvent> events{shipmentCreatedEvent(*shipment, *order, now)};
    if (auto status = orders_.addShipment(*order, expected, *shipment, events); !status) {
        return status.takeError();
    }
    return shipment;
}

core::Result<Invoice> OrderService::invoice(const accounts::Caller& caller, std::int64_t id,
                                            core::Date issue_date, std::optional<std::int64_t> if_match) {
    if (!caller.isStaff()) return makeError(ErrorCode::PermissionDenied, "only staff issue invoices");
    auto order = loadForUpdate(caller, id, if_match);
    if (!order) return order.takeError();
    const core::TimePoint now = clock_.now();
    const std::size_t recorded = order->transitions.size();
    auto invoice = applyInvoice(*order, taxes_, issue_date, caller.user_id, now);
    if (!invoice) return invoice;
    invoice->id = ids_.next("invoice");
    invoice->number = formatInvoiceNumber(invoice->id);
    if (order->transitions.size() > recorded) order->transitions.back().note = "invoice " + invoice->number;
    const std::int64_t expected = order->row_version++;
    const std::vector<OutboxEvent> events{invoiceCreatedEvent(*invoice, now)};
    if (auto status = orders_.addInvoice(*order, expected, *invoice, events); !status)
        return status.takeError();
    return invoice;
}

}  // namespace crossdock::sales
