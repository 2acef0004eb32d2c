#pragma once

// Resolving prices: one code path for the catalog listing, the product page, the
// cart, quotes, orders and EDI documents. Semantics in docs/pricing.md.

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/pricing/explanation.h"
#include "crossdock/pricing/snapshot.h"

namespace crossdock::pricing {

/// One line to price. The views must stay valid during the call only.
struct PriceRequest {
    std::string_view customer_id;
    std::string_view sku;
    std::string_view uom;
    core::Decimal quantity;  ///< > 0, in `uom`
    core::Date date;         ///< the pricing date ("at"); validity is inclusive
    /// Look for the next cheaper tier (Explanation::next_tier). It re-prices the
    /// line at the following tier breaks, which costs about half again as much as
    /// the rest; bulk repricing of orders and EDI documents can switch it off.
    bool next_tier = true;
};

/// A resolved line. Views point into the resolver's snapshot.
struct PricedLine {
    core::Decimal unit_price;  ///< per requested unit, 4 fraction digits
    core::Decimal extended;    ///< unit_price × quantity, rounded half up once to the currency's minor unit
    core::Currency currency{};
    std::string_view list_id;  ///< the list whose price won
    core::Decimal
        min_qty;  ///< the winning tier's min_qty (in explanation.chain[chosen].tier_uom); 0 for cost
    Explanation explanation;
};

/// One step of the effective tier ladder: from `min_qty` (in the requested unit;
/// 0 = any quantity) up, the line resolves to `unit_price` from `list_id`.
struct TierStep {
    core::Decimal min_qty;
    core::Decimal unit_price;
    std::string_view list_id;
};

/// Error messages of resolve() start with a stable reason code and a colon:
/// "no_price: ...", "unknown_customer: ...", "unknown_sku: ...", "unknown_unit: ...",
/// "invalid_quantity: ...", "overflow: ...". This returns that code ("" if none).
std::string_view errorReason(const core::Error& error);

/// Prices lines against one snapshot. Cheap to create (one shared_ptr copy);
/// const and thread-safe: share one across threads or make one per request.
/// Never touches a database.
class Resolver {
public:
    /// Keeps `snapshot` alive for the resolver's lifetime (and thus every view in
    /// the lines it returns, as long as the resolver lives).
    explicit Resolver(std::shared_ptr<const PriceSnapshot> snapshot);

    /// Resolves the unit price of one line for one customer, with its explanation.
    /// Walks the customer's chain then the default list; per list the candidate is
    /// the entry for the SKU and unit valid on the date with the largest
    /// min_qty ≤ quantity (converting through packaging when the unit has no
    /// candidate of its own); `priority` takes the first list with a price,
    /// `lowest` the lowest (ties: the earlier list). Errors: InvalidArgument
    /// (invalid_quantity when quantity ≤ 0, unknown_unit when the item has no such
    /// unit); NotFound (unknown_customer, unknown_sku, no_price when no list prices
    /// the line); Overflow when the extension does not fit. Allocates nothing on
    /// success for chains of up to four lists.
    core::Result<PricedLine> resolve(const PriceRequest& request) const;

    /// Resolves many lines (a cart, an order, a page of search hits): element i of
    /// the answer is exactly what resolve(requests[i]) returns. Faster on a large
    /// snapshot: while one line is priced, the memory the next few lines will
    /// read (customer, SKU, index slots, rows) is already being loaded, so the
    /// cache misses of several lines overlap instead of queueing.
    std::vector<core::Result<PricedLine>> resolveAll(std::span<const PriceRequest> requests) const;

    /// The effective tier ladder of a SKU in a unit for a customer on a date:
    /// where the resolved price changes as the quantity grows. Empty when nothing
    /// prices it; errors as resolve() (except no_price and invalid_quantity).
    /// For display (search hits, product page); allocates.
    core::Result<std::vector<TierStep>> tiersFor(std::string_view customer_id, std::string_view sku,
                                                 std::string_view uom, core::Date date) const;

    const PriceSnapshot& snapshot() const { return *snapshot_; }

private:
    std::shared_ptr<const PriceSnapshot> snapshot_;
};

}  // namespace crossdock::pricing
