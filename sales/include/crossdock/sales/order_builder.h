#pragma once

// The one validation and pricing path of every order source.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/error.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/order_repository.h"
#include "crossdock/sales/order_request.h"
#include "crossdock/sales/ports.h"

namespace crossdock::sales {

/// Documented defaults; see docs/sales.md "Orders".
struct OrderPolicy {
    /// An incoming unit price differs "beyond tolerance" from ours when
    /// |incoming − ours| is greater than both price_tolerance_amount and
    /// price_tolerance_percent % of ours. Exactly at the tolerance is accepted.
    /// Such an order is put on hold; smaller differences only mark the line Changed.
    core::Decimal price_tolerance_percent = core::Decimal::fromRaw(5'000);  // 0.5 %
    core::Decimal price_tolerance_amount = core::Decimal::fromRaw(50);      // 0.005 per unit
    /// EDI sources: invalid lines become Rejected lines of an order that keeps the
    /// valid ones (the acknowledgement reports them). Other sources, or when false:
    /// any invalid line fails the whole request with per-line errors.
    bool reject_lines_individually_for_edi = true;
};

/// One problem with one requested line.
struct LineError {
    std::size_t index = 0;  ///< 0-based position in OrderRequest::lines
    std::string line_ref;   ///< the request's line id, if any
    core::Error error;      ///< NotFound, InvalidArgument, FailedPrecondition (where: "$.lines[i]...")
};

/// What OrderBuilder made of a request: an order, or why not.
struct BuildResult {
    std::optional<Order> order;  ///< set when an order can be created
    /// A request-level problem (customer, currency, no lines), or, without an order,
    /// a summary of the line errors ("2 of 5 lines cannot be ordered").
    std::optional<core::Error> error;
    std::vector<LineError> line_errors;  ///< per line; with an order, these are its Rejected lines
    /// Set when the customer has a credit limit and the order passed the check: the
    /// exposure it was checked against must still hold when it is stored.
    std::optional<ExposureCeiling> credit_ceiling;

    bool ok() const { return order.has_value(); }
};

/// Validates and prices an OrderRequest. Stateless besides its collaborators;
/// build() is const and thread-safe when they are.
class OrderBuilder {
public:
    /// Keeps references: the collaborators must outlive the builder.
    OrderBuilder(const ItemLookup& items, const LinePricer& pricer, const CustomerDirectory& customers,
                 OrderPolicy policy = {});

    /// Builds an order in status Received (or OnHold with reasons), id 0 and no
    /// number (OrderService assigns them). Per line, in this order:
    /// 1. the item is known and visible (NotFound) and active (FailedPrecondition);
    /// 2. the unit is one of the item's (InvalidArgument), the quantity > 0;
    /// 3. quantity in base units ≥ MOQ and a multiple of the order multiple (InvalidArgument);
    /// 4. priced: the locked price, else the pricer (its error is the line's);
    /// 5. stock: what the remaining available stock cannot cover becomes the
    ///    backordered quantity (lines of one SKU draw on it in order);
    /// 6. an incoming price that differs marks the line Changed; beyond tolerance
    ///    it also puts the order on hold with the reason.
    /// Then: credit limit (open exposure + total > limit → on hold; equal is fine).
    /// Request-level errors: unknown or inactive customer (NotFound/FailedPrecondition),
    /// a currency other than the customer's, no lines (InvalidArgument).
    BuildResult build(const OrderRequest& request, core::Date today) const;

    const OrderPolicy& policy() const { return policy_; }

private:
    const ItemLookup& items_;
    const LinePricer& pricer_;
    const CustomerDirectory& customers_;
    OrderPolicy policy_;
};

/// True when `incoming` differs from `ours` beyond the tolerance of `policy` (exact).
bool priceBeyondTolerance(const OrderPolicy& policy, core::Decimal ours, core::Decimal incoming);

}  // namespace crossdock::sales
