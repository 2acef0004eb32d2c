#include "crossdock/sales/approval_policy.h"

#include <string>

#include "support.h"

namespace crossdock::sales {
namespace {

using core::Decimal;
using detail::Int128;

// Percentages compare exactly on raw values: "x % of y" is y.raw × x.raw ÷ 10^6 raw
// units, so both sides of a comparison are scaled by 10^6 instead of divided.
constexpr Int128 kPercentScale = 100 * Decimal::kOne;

std::string lineLabel(int line_no) { return "line " + std::to_string(line_no) + ": "; }

}  // namespace

Decimal ApprovalPolicy::discountLimitFor(std::int64_t rep_id) const {
    auto it = rep_discount_percent.find(rep_id);
    return it == rep_discount_percent.end() ? max_discount_percent : it->second;
}

bool discountExceeds(Decimal list_price, Decimal unit_price, Decimal limit_percent) {
    if (list_price <= Decimal{} || unit_price >= list_price) return false;
    // (list − unit) ÷ list × 100 > limit  ⇔  (list − unit) × 100 × 10^4 > list × limit (raw).
    const Int128 discount = static_cast<Int128>(list_price.raw()) - unit_price.raw();
    return discount * kPercentScale > detail::wideProduct(list_price, limit_percent);
}

bool marginBelowFloor(Decimal unit_price, Decimal cost, Decimal floor_percent) {
    if (unit_price <= Decimal{}) return true;
    // (unit − cost) ÷ unit × 100 < floor  ⇔  (unit − cost) × 100 × 10^4 < unit × floor (raw).
    const Int128 margin = static_cast<Int128>(unit_price.raw()) - cost.raw();
    return margin * kPercentScale < detail::wideProduct(unit_price, floor_percent);
}

std::vector<ApprovalFinding> evaluateApproval(const ApprovalPolicy& policy, std::int64_t rep_id,
                                              const std::vector<QuoteLine>& lines) {
    std::vector<ApprovalFinding> findings;
    const Decimal limit = policy.discountLimitFor(rep_id);
    for (const QuoteLine& line : lines) {
        if (discountExceeds(line.list_price, line.unit_price, limit)) {
            findings.push_back({line.line_no, ApprovalFinding::Kind::Discount,
                                lineLabel(line.line_no) + line.unit_price.toString() + " is more than " +
                                    limit.toShortString() + "% below list price " +
                                    line.list_price.toString()});
        }
        if (line.cost && marginBelowFloor(line.unit_price, *line.cost, policy.min_margin_percent)) {
            findings.push_back({line.line_no, ApprovalFinding::Kind::Margin,
                                lineLabel(line.line_no) + "margin at " + line.unit_price.toString() +
                                    " over cost " + line.cost->toString() + " is below " +
                                    policy.min_margin_percent.toShortString() + "%"});
        }
    }
    return findings;
}

}  // namespace crossdock::sales
