#include "support.h"

#include <cstdio>
#include <string>

namespace crossdock::sales::detail {
namespace {

using core::Decimal;
using core::ErrorCode;
using core::makeError;

constexpr Int128 kMaxRaw = INT64_MAX;

Int128 pow10(int n) {
    Int128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

/// n ÷ d rounded half away from zero; d > 0.
Int128 divRoundHalfUp(Int128 n, Int128 d) {
    const Int128 magnitude = n < 0 ? -n : n;
    const Int128 q = (magnitude + d / 2) / d;
    return n < 0 ? -q : q;
}

}  // namespace

core::Result<Decimal> percentOf(Decimal amount, Decimal percent, int digits) {
    if (digits < 0 || digits > Decimal::kScale) {
        return makeError(ErrorCode::InvalidArgument, "fraction digits must be 0..4");
    }
    // raw(a) × raw(p) carries 8 fraction digits and a factor 100 too many: the exact
    // result in raw units is product ÷ 10^6. Round once to `digits`.
    const Int128 product = wideProduct(amount, percent);
    const Int128 unit = pow10(Decimal::kScale - digits);
    const Int128 rounded = divRoundHalfUp(product, pow10(6) * unit) * unit;
    if (rounded > kMaxRaw || rounded < -kMaxRaw) {
        return makeError(ErrorCode::Overflow, "amount out of range: " + amount.toShortString() + " × " +
                                                  percent.toShortString() + " %");
    }
    return Decimal::fromRaw(static_cast<std::int64_t>(rounded));
}

core::Result<core::Currency> currencyOf(std::string_view code) {
    auto currency = core::findCurrency(code);
    if (!currency)
        return makeError(ErrorCode::InvalidArgument, "unknown currency '" + std::string(code) + "'");
    return *currency;
}

int amountDigits(const core::Currency& currency) {
    return currency.minor_units < Decimal::kScale ? currency.minor_units : Decimal::kScale;
}

core::Result<Decimal> extendedAmount(Decimal unit_price, Decimal quantity, const core::Currency& currency) {
    return Decimal::multiplyRounded(unit_price, quantity, amountDigits(currency));
}

core::Result<CheckedItem> checkItemLine(const ItemLookup& items, const std::string& customer_id,
                                        std::string_view code, Decimal quantity, const std::string& uom,
                                        const std::string& where) {
    auto facts = items.find(customer_id, code);
    if (!facts || !facts->visible) {
        return makeError(ErrorCode::NotFound, "unknown item '" + std::string(code) + "'", where + ".sku");
    }
    if (facts->status != ItemStatus::Active) {
        return makeError(ErrorCode::FailedPrecondition,
                         "item " + facts->sku + " cannot be ordered (" +
                             (facts->status == ItemStatus::Discontinued ? "discontinued)" : "not released)"),
                         where + ".sku");
    }
    if (quantity <= Decimal{}) {
        return makeError(ErrorCode::InvalidArgument, "quantity must be greater than zero",
                         where + ".quantity");
    }
    auto base = facts->units.convert(quantity, uom, facts->units.baseUnit());
    if (!base) {
        if (base.error().code == ErrorCode::Overflow) return base.takeError();
        return makeError(ErrorCode::InvalidArgument,
                         "item " + facts->sku + " is not sold in unit '" + uom + "'", where + ".uom");
    }
    const std::string& base_unit = facts->units.baseUnit();
    if (*base < facts->min_order_qty) {
        return makeError(ErrorCode::InvalidArgument,
                         "item " + facts->sku + ": " + base->toShortString() + " " + base_unit +
                             " is below the minimum order quantity of " +
                             facts->min_order_qty.toShortString() + " " + base_unit,
                         where + ".quantity");
    }
    const std::int64_t multiple = facts->order_multiple.raw();
    if (multiple > 0 && base->raw() % multiple != 0) {
        return makeError(ErrorCode::InvalidArgument,
                         "item " + facts->sku + ": " + base->toShortString() + " " + base_unit +
                             " is not a multiple of the order multiple " +
                             facts->order_multiple.toShortString() + " " + base_unit,
                         where + ".quantity");
    }
    return CheckedItem{std::move(*facts), *base};
}

core::Status checkIfMatch(std::int64_t row_version, std::optional<std::int64_t> if_match) {
    if (if_match && *if_match != row_version) {
        return makeError(ErrorCode::Conflict, "stale: version " + std::to_string(*if_match) + " was read, " +
                                                  std::to_string(row_version) + " is stored");
    }
    return {};
}

std::string formatNumber(std::string_view prefix, std::int64_t id) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(id));
    return std::string(prefix) + digits;
}

}  // namespace crossdock::sales::detail
