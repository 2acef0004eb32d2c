#pragma once

// The order workflow: placing orders from any source, status changes, shipments
// and invoices, each written with its outbox events.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/invoice.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/order_builder.h"
#include "crossdock/sales/order_repository.h"
#include "crossdock/sales/ports.h"
#include "crossdock/sales/quote_service.h"
#include "crossdock/sales/shipment.h"

namespace crossdock::sales {

/// The answer to placing an order.
struct PlaceResult {
    /// The new order; with `duplicate`, the customer's existing order.
    std::optional<Order> order;
    /// True when the customer already has an order with this PO number (or from
    /// this EDI message): nothing was created, `order` is that order (HTTP 409).
    bool duplicate = false;
    std::optional<core::Error> error;    ///< request-level failure (no order)
    std::vector<LineError> line_errors;  ///< per line; with an order: its rejected lines

    /// True when a new order was created.
    bool created() const { return order.has_value() && !duplicate; }
};

/// Optional arguments of a status change.
struct OrderActionArgs {
    std::string note;                      ///< required to hold; kept on every transition
    std::optional<std::int64_t> if_match;  ///< the row_version the caller saw; Conflict when stale
};

/// The order workflow. Holds references (collaborators must outlive it); keeps no
/// state; concurrent writes to one order are serialised by row_version (the loser
/// gets Conflict). Common errors: PermissionDenied for a role that may not act;
/// NotFound for an order of another customer than a buyer's (as for a missing
/// one); Conflict when stale; FailedPrecondition for a transition the table forbids.
class OrderService {
public:
    OrderService(OrderRepository& orders, IdSequence& ids, const OrderBuilder& builder, const TaxRates& taxes,
                 const core::Clock& clock);

    /// Validates, prices and stores an order; emits order.created. Staff may order
    /// for any customer; buyers only for their own company and not as an EDI source;
    /// partners only for their customer and only as an EDI source (PermissionDenied
    /// otherwise; a buyer naming another customer gets NotFound). An empty
    /// customer_id means the caller's company. Locked prices are refused here
    /// (InvalidArgument): only placeFromQuote() sets them. A PO number the customer
    /// already used answers `duplicate` with the existing order, before any
    /// validation; so does an EDI message already ingested.
    PlaceResult place(const accounts::Caller& caller, OrderRequest request);

    /// Orders an accepted quote at its locked prices (POST /quotes/{id}/order), then
    /// marks the quote Ordered. An empty `po_number` becomes "Q-000042-v2". A retry
    /// after a crash between the two writes finds the order by PO number and only
    /// marks the quote.
    PlaceResult placeFromQuote(const accounts::Caller& caller, QuoteService& quotes, std::int64_t quote_id,
                               std::string po_number);

    /// The order, as `caller` may see it.
    core::Result<Order> get(const accounts::Caller& caller, std::int64_t id) const;

    /// Status changes other than shipping and invoicing, for staff:
    /// Acknowledged (from Received: emits order.acknowledged; or a release back to
    /// it), OnHold (a note is required: the reason), Received (release), Cancelled,
    /// Closed. Buyers of the customer may cancel an order still Received or OnHold.
    /// InvalidArgument for PartiallyShipped/Shipped (use ship()) and Invoiced
    /// (use invoice()).
    core::Result<Order> transition(const accounts::Caller& caller, std::int64_t id, OrderStatus to,
                                   const OrderActionArgs& args = {});

    /// Records a shipment (staff); emits shipment.created. Errors of applyShipment().
    core::Result<Shipment> ship(const accounts::Caller& caller, std::int64_t id, const ShipmentInput& input,
                                std::optional<std::int64_t> if_match = std::nullopt);

    /// Invoices shipped, not yet invoiced quantities (staff); emits invoice.created.
    /// Errors of applyInvoice().
    core::Result<Invoice> invoice(const accounts::Caller& caller, std::int64_t id, core::Date issue_date,
                                  std::optional<std::int64_t> if_match = std::nullopt);

private:
    PlaceResult placeChecked(const accounts::Caller& caller, OrderRequest request);
    /// One attempt: build, number and store. `credit_moved`: the store refused because
    /// the customer's exposure grew since the credit check (worth building again).
    PlaceResult buildAndCreate(const accounts::Caller& caller, const OrderRequest& request,
                               bool& credit_moved);
    PlaceResult existingOrder(const OrderRequest& request) const;
    core::Result<Order> loadForUpdate(const accounts::Caller& caller, std::int64_t id,
                                      std::optional<std::int64_t> if_match) const;

    OrderRepository& orders_;
    IdSequence& ids_;
    const OrderBuilder& builder_;
    const TaxRates& taxes_;
    const core::Clock& clock_;
};

/// The events of each kind, built the same way wherever they are emitted.
OutboxEvent orderCreatedEvent(const Order& order, core::TimePoint at);
OutboxEvent orderAcknowledgedEvent(const Order& order, core::TimePoint at);
OutboxEvent shipmentCreatedEvent(const Shipment& shipment, const Order& order, core::TimePoint at);
OutboxEvent invoiceCreatedEvent(const Invoice& invoice, core::TimePoint at);

}  // namespace crossdock::sales
