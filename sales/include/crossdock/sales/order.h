#pragma once

// The order aggregate and its state machine (tabled in docs/sales.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/order_request.h"

namespace crossdock::sales {

/// Where an order stands.
enum class OrderStatus {
    Received,          ///< stored, not yet acknowledged
    Acknowledged,      ///< the seller confirmed it (855 / ORDRSP)
    PartiallyShipped,  ///< some quantity shipped, some still open
    Shipped,           ///< every accepted line fully shipped
    Invoiced,          ///< fully shipped and everything shipped invoiced
    Closed,            ///< settled; final
    OnHold,            ///< stopped for review (price mismatch, credit, by hand)
    Cancelled,         ///< final
};

/// How one line was taken, as an acknowledgement reports it (855 ACK01: IA, IB, IR, IP).
enum class LineStatus {
    Accepted,     ///< as requested
    Backordered,  ///< accepted, but backordered_quantity is not in stock now
    Rejected,     ///< not taken (unknown item, bad unit, MOQ, ...): message says why
    Changed,      ///< accepted at our price, which differs from the incoming one
};

/// "received", "acknowledged", "partially_shipped", "shipped", "invoiced", "closed",
/// "on_hold", "cancelled".
std::string_view toString(OrderStatus status);
/// "accepted", "backordered", "rejected", "changed".
std::string_view toString(LineStatus status);
/// Inverses of toString(); nullopt for any other text.
std::optional<OrderStatus> parseOrderStatus(std::string_view text);
std::optional<LineStatus> parseLineStatus(std::string_view text);

/// The transition table: Ok when an order may move from `from` to `to`;
/// FailedPrecondition naming both otherwise (staying in place is never a transition).
///   received          → acknowledged, on_hold, cancelled
///   acknowledged      → partially_shipped, shipped, on_hold, cancelled
///   partially_shipped → shipped
///   shipped           → invoiced
///   invoiced          → closed
///   on_hold           → received, acknowledged, cancelled (back only to where it was held from)
///   closed, cancelled → nothing
core::Status checkOrderTransition(OrderStatus from, OrderStatus to);

/// One order line.
struct OrderLine {
    int line_no = 0;       ///< 1-based
    std::string line_ref;  ///< the request's line id, echoed in acknowledgements
    std::string sku;       ///< empty only on a rejected line whose code matched nothing
    std::string customer_part_number;
    core::Decimal quantity;  ///< ordered, in uom
    std::string uom;
    core::Decimal unit_price;  ///< ours (or the quote's); zero on rejected lines
    core::Decimal extended;    ///< unit_price × quantity rounded to the currency; zero if rejected
    std::optional<core::Decimal> incoming_price;
    std::string explanation;  ///< pricing explanation, or "quote Q-000042 v2"
    LineStatus status = LineStatus::Accepted;
    std::string message;                 ///< why rejected or changed; empty otherwise
    core::Decimal backordered_quantity;  ///< in uom; > 0 only when Backordered
    core::Decimal shipped_quantity;      ///< in uom, across shipments
    core::Decimal invoiced_quantity;     ///< in uom, across invoices

    /// Ordered minus shipped (zero for rejected lines).
    core::Decimal openQuantity() const;
};

/// One recorded status change.
struct OrderTransition {
    OrderStatus from = OrderStatus::Received;
    OrderStatus to = OrderStatus::Received;
    std::int64_t by_user = 0;  ///< 0 for the system or an EDI partner
    core::TimePoint at;
    std::string note;  ///< hold reasons, cancel reason, shipment or invoice number
};

/// An order.
struct Order {
    std::int64_t id = 0;
    std::string number;  ///< "SO-000042" (formatOrderNumber)
    std::string customer_id;
    std::string po_number;
    OrderSource source = OrderSource::Portal;
    OrderStatus status = OrderStatus::Received;
    std::optional<OrderStatus> held_from;   ///< while OnHold: where release returns to
    std::vector<std::string> hold_reasons;  ///< while OnHold: why (price mismatch, credit limit, by hand)
    std::string currency;
    ShipTo ship_to;
    std::optional<core::Date> requested_date;
    std::string notes;
    std::vector<OrderLine> lines;
    core::Decimal total;  ///< sum of the lines' extended amounts
    std::optional<QuoteRef> quote;
    std::optional<std::int64_t> source_message_id;
    std::int64_t requested_by = 0;
    core::TimePoint created_at;
    std::vector<OrderTransition> transitions;  ///< oldest first; append-only
    std::int64_t row_version = 1;              ///< optimistic-concurrency counter, +1 on every write

    /// The line numbered `line_no`, or nullptr.
    const OrderLine* findLine(int line_no) const;
    OrderLine* findLine(int line_no);
    /// True when every non-rejected line is fully shipped.
    bool fullyShipped() const;
    /// True when every non-rejected line has its shipped quantity invoiced.
    bool fullyInvoicedAsShipped() const;
};

/// "SO-000042".
std::string formatOrderNumber(std::int64_t id);

/// Moves `order` to `to` and records it. FailedPrecondition (order unchanged) when
/// the table forbids it, or when leaving OnHold for another status than held_from
/// (cancelled excepted). Entering OnHold sets held_from and adds `note` to the hold
/// reasons when not empty; leaving it clears both. Does not bump row_version.
core::Status applyOrderTransition(Order& order, OrderStatus to, std::int64_t by_user, core::TimePoint at,
                                  std::string note);

}  // namespace crossdock::sales
