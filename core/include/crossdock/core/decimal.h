#pragma once

#include <compare>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"

namespace crossdock::core {

/// A signed fixed-point decimal: an int64 count of 1/10,000ths. Used for money,
/// unit prices and quantities. Never passes through floating point.
///
/// Range: ±922,337,203,685,477.5807 (symmetric: the raw value INT64_MIN is outside
/// it and no operation produces it). Every operation that would leave it is an
/// Overflow error (checked functions) or throws OverflowError (operators).
/// Rounding is always half up, i.e. away from zero on ties: 0.125 → 0.13, -0.125 → -0.13.
/// A value type; thread-safe as any int.
class Decimal {
public:
    static constexpr int kScale = 4;              ///< fraction digits held
    static constexpr std::int64_t kOne = 10'000;  ///< raw value of 1

    constexpr Decimal() = default;

    /// From a whole number. Throws OverflowError when |units| > 922,337,203,685,477.
    static Decimal fromInt(std::int64_t units);
    /// From a raw count of 1/10,000ths (no scaling), e.g. a stored BIGINT.
    static constexpr Decimal fromRaw(std::int64_t raw) {
        Decimal d;
        d.raw_ = raw;
        return d;
    }
    /// From `mantissa` × 10^-`exponent_digits` (fromScaled(12345, 2) == 123.45),
    /// as X12 N2 fields carry it. Rounds half up when exponent_digits > 4; a negative
    /// exponent multiplies (fromScaled(5, -2) == 500). Overflow when out of range.
    static Result<Decimal> fromScaled(std::int64_t mantissa, int exponent_digits);

    /// Parses "-12", "12.5", "0.0001", "+3", ".5", "5."; "1e3" is rejected. Up to 4
    /// fraction digits are kept exactly; more digits are an InvalidArgument
    /// error unless they are zeros. Whitespace, thousands separators, exponents, an
    /// empty string or a lone sign or point are InvalidArgument errors whose message
    /// quotes the text. Overflow when out of range.
    /// Exact inverse of toString() and toShortString().
    static Result<Decimal> parse(std::string_view text);

    constexpr std::int64_t raw() const { return raw_; }
    constexpr bool isZero() const { return raw_ == 0; }
    constexpr bool isNegative() const { return raw_ < 0; }
    /// True when there is no fraction.
    constexpr bool isInteger() const { return raw_ % kOne == 0; }

    /// Always exactly `fraction_digits` digits after the point (0..4), rounding
    /// half up (away from zero) when that drops digits: "12.3400", "-0.50", "3".
    /// A value that rounds to zero prints without a sign ("0.00"). Never overflows.
    /// Throws std::invalid_argument when fraction_digits is outside 0..4 (a bug).
    std::string toString(int fraction_digits = kScale) const;
    /// Shortest exact text: "12.34", "3", "-0.0001".
    std::string toShortString() const;
    /// toString(fraction_digits) / toShortString() appended to `out`, without a
    /// string of their own (for writers on a hot path).
    void appendTo(std::string& out, int fraction_digits = kScale) const;
    void appendShortTo(std::string& out) const;

    /// Rounds half up (away from zero on ties) to `digits` fraction digits (0..4).
    /// Throws OverflowError when rounding up leaves the range (only within 0.5 of the
    /// edge), std::invalid_argument when digits is outside 0..4.
    Decimal roundHalfUp(int digits) const;

    // Checked arithmetic: Overflow errors instead of wrapping.
    static Result<Decimal> add(Decimal a, Decimal b);
    static Result<Decimal> subtract(Decimal a, Decimal b);
    /// a × b rounded half up to 4 digits (the exact product has up to 8).
    static Result<Decimal> multiply(Decimal a, Decimal b);
    /// a × b rounded half up to `digits` (0..4) straight from the exact product:
    /// one rounding, as a line extension needs. InvalidArgument when digits is outside 0..4.
    static Result<Decimal> multiplyRounded(Decimal a, Decimal b, int digits);
    /// multiplyRounded() for `digits` known to be 0..4, without building an error:
    /// nullopt when the result does not fit (for hot paths that report it themselves).
    static std::optional<Decimal> tryMultiplyRounded(Decimal a, Decimal b, int digits);
    /// a ÷ b rounded half up to 4 digits. InvalidArgument when b is zero.
    static Result<Decimal> divide(Decimal a, Decimal b);

    // Throwing operators for code where overflow means a bug or absurd input.
    Decimal operator+(Decimal o) const;
    Decimal operator-(Decimal o) const;
    Decimal operator*(Decimal o) const;  ///< as multiply()
    Decimal operator-() const;           ///< throws only for fromRaw(INT64_MIN)
    Decimal& operator+=(Decimal o) { return *this = *this + o; }
    Decimal& operator-=(Decimal o) { return *this = *this - o; }

    constexpr auto operator<=>(const Decimal&) const = default;

private:
    std::int64_t raw_ = 0;
};

/// Thrown by Decimal's operators when a result leaves the range.
class OverflowError : public std::exception {
public:
    const char* what() const noexcept override { return "decimal overflow"; }
};

/// n ÷ d rounded half away from zero, for d > 0 and n > INT64_MIN (the quotient
/// then always fits). One hardware division: the fast path of the 128-bit roundings.
/// Branch-free: whether a price rounds up is as good as random, and a branch on
/// it is mispredicted half of the time.
constexpr std::int64_t divideHalfAwayFromZero(std::int64_t n, std::int64_t d) {
    const std::int64_t quotient = n / d;
    const std::int64_t remainder = n % d;
    const std::int64_t magnitude = remainder < 0 ? -remainder : remainder;
    const std::int64_t away = n < 0 ? -1 : 1;
    return quotient + (magnitude >= d - magnitude ? away : 0);
}

}  // namespace crossdock::core
