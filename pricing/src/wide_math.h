#pragma once

// Exact arithmetic on Decimal raw values (1/10,000ths) through 128-bit
// intermediates, with the single rounding the pricing rules name. Private to pricing.

#include <cstdint>
#include <limits>
#include <optional>

#include "crossdock/core/decimal.h"

namespace crossdock::pricing::detail {

__extension__ typedef __int128 Int128;

inline constexpr std::int64_t kMaxRaw = std::numeric_limits<std::int64_t>::max();
/// 100 % as a raw Decimal.
inline constexpr std::int64_t kHundredRaw = 100 * core::Decimal::kOne;

/// True when `value` is an int64 (and not its minimum, so that it can be negated).
inline bool fitsInt64(Int128 value) { return value <= kMaxRaw && value >= -kMaxRaw; }

/// num ÷ den rounded half up (away from zero on ties); den > 0. nullopt when the
/// result leaves the int64 range.
inline std::optional<std::int64_t> divideHalfUp(Int128 num, Int128 den) {
    if (fitsInt64(num) && fitsInt64(den))  // the usual case: a hardware division, not __divti3
        return core::divideHalfAwayFromZero(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
    Int128 quotient = num / den;
    Int128 remainder = num % den;
    if (remainder < 0) remainder = -remainder;
    if (2 * remainder >= den) quotient += num < 0 ? -1 : 1;
    if (quotient > kMaxRaw || quotient < -kMaxRaw) return std::nullopt;
    return static_cast<std::int64_t>(quotient);
}

/// num ÷ den rounded up (towards +infinity); num ≥ 0, den > 0. nullopt on overflow.
inline std::optional<std::int64_t> divideCeil(Int128 num, Int128 den) {
    if (fitsInt64(num) && fitsInt64(den)) {
        const auto n = static_cast<std::int64_t>(num);
        const auto d = static_cast<std::int64_t>(den);
        return n / d + (n % d != 0 ? 1 : 0);  // n ≥ 0: no overflow, the quotient is at most n
    }
    Int128 quotient = (num + den - 1) / den;
    if (quotient > kMaxRaw) return std::nullopt;
    return static_cast<std::int64_t>(quotient);
}

/// A unit price per `to` unit from a price per `from` unit, where the factors are
/// base units per unit (raw): price × f_to ÷ f_from, one half-up rounding.
inline std::optional<std::int64_t> convertPriceRaw(std::int64_t price, std::int64_t f_to,
                                                   std::int64_t f_from) {
    if (f_to == f_from) return price;
    return divideHalfUp(static_cast<Int128>(price) * f_to, f_from);
}

/// True when `min_qty` (in unit A, factor f_a) is at most `quantity` (in unit B,
/// factor f_b), compared exactly: min_qty × f_a ≤ quantity × f_b.
inline bool reachesTier(std::int64_t min_qty, std::int64_t f_a, std::int64_t quantity, std::int64_t f_b) {
    if (f_a == f_b) return min_qty <= quantity;
    return static_cast<Int128>(min_qty) * f_a <= static_cast<Int128>(quantity) * f_b;
}

/// The smallest 4-digit quantity in unit B that reaches `min_qty` of unit A:
/// min_qty × f_a ÷ f_b rounded up. nullopt on overflow.
inline std::optional<std::int64_t> tierStartIn(std::int64_t min_qty, std::int64_t f_a, std::int64_t f_b) {
    if (f_a == f_b) return min_qty;
    return divideCeil(static_cast<Int128>(min_qty) * f_a, f_b);
}

/// `quantity` of unit B expressed in unit A, rounded half up (for display only).
inline std::optional<std::int64_t> quantityIn(std::int64_t quantity, std::int64_t f_b, std::int64_t f_a) {
    return convertPriceRaw(quantity, f_b, f_a);
}

/// base × (100 − percent) ÷ 100 or base × (100 + percent) ÷ 100, one half-up rounding.
inline std::optional<std::int64_t> adjustRaw(std::int64_t base, bool markup, std::int64_t percent) {
    const std::int64_t factor = markup ? kHundredRaw + percent : kHundredRaw - percent;
    return divideHalfUp(static_cast<Int128>(base) * factor, kHundredRaw);
}

}  // namespace crossdock::pricing::detail
