#pragma once

// When a quote needs a sales manager's approval. Pure functions over quote lines;
// comparisons are exact (no rounding of percentages), see docs/sales.md.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "crossdock/core/decimal.h"
#include "crossdock/sales/quote.h"

namespace crossdock::sales {

/// The thresholds. Percentages carry up to 4 fraction digits.
struct ApprovalPolicy {
    /// How far below its list price a rep may quote a line without approval, in
    /// percent of the list price. A line exactly at the limit is allowed.
    core::Decimal max_discount_percent = core::Decimal::fromInt(10);
    /// Per-rep limits (user id → percent) that replace the default for that rep.
    std::map<std::int64_t, core::Decimal> rep_discount_percent;
    /// The lowest margin a line may have without approval, in percent of the unit
    /// price: (unit − cost) ÷ unit × 100. A line exactly at the floor is allowed.
    /// Lines without a known cost are not checked against it.
    core::Decimal min_margin_percent = core::Decimal::fromInt(5);

    /// The discount limit of `rep_id`: its own, or the default.
    core::Decimal discountLimitFor(std::int64_t rep_id) const;
};

/// Why one line needs approval.
struct ApprovalFinding {
    enum class Kind { Discount, Margin };
    int line_no = 0;
    Kind kind = Kind::Discount;
    std::string message;  ///< "line 2: 10.01% below list price 100.0000 (limit 10%)"
};

/// True when `unit_price` lies more than `limit_percent` percent below `list_price`:
/// (list − unit) × 100 > list × limit, computed exactly. Never true when the list
/// price is zero or the unit price is at or above it.
bool discountExceeds(core::Decimal list_price, core::Decimal unit_price, core::Decimal limit_percent);

/// True when the margin of selling at `unit_price` what costs `cost` is below
/// `floor_percent`: (unit − cost) × 100 < unit × floor, computed exactly. A unit
/// price of zero or less is always below the floor (its margin is undefined).
bool marginBelowFloor(core::Decimal unit_price, core::Decimal cost, core::Decimal floor_percent);

/// The findings for `lines` quoted by `rep_id`, in line order (a line may have
/// two). Empty: the quote may be approved without a manager.
std::vector<ApprovalFinding> evaluateApproval(const ApprovalPolicy& policy, std::int64_t rep_id,
                                              const std::vector<QuoteLine>& lines);

}  // namespace crossdock::sales
