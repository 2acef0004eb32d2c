#include "crossdock/core/decimal.h"

#include <array>
#include <cstddef>
#include <limits>
#include <stdexcept>

namespace crossdock::core {

namespace {

// Intermediates are 128-bit so that a product of two raw values (up to ~8.5e37) is
// exact before it is rounded once. `__extension__` keeps -Wpedantic quiet.
__extension__ typedef __int128 Int128;

constexpr std::int64_t kMaxRaw = std::numeric_limits<std::int64_t>::max();
// The range is symmetric (±kMaxRaw): INT64_MIN is never produced, so negation and
// magnitude are always defined.
constexpr Int128 kMaxWide = kMaxRaw;

constexpr std::array<Int128, 39> kPow10 = [] {
    std::array<Int128, 39> table{};
    table[0] = 1;
    for (std::size_t i = 1; i < table.size(); ++i) table[i] = table[i - 1] * 10;
    return table;
}();

constexpr std::array<std::uint64_t, 5> kPow10Small = {1, 10, 100, 1'000, 10'000};

constexpr bool inRange(Int128 v) { return v <= kMaxWide && v >= -kMaxWide; }

// n / d rounded half away from zero; d > 0.
constexpr Int128 divRoundHalfUp(Int128 n, Int128 d) {
    if (inRange(n) && inRange(d))  // the usual case: a hardware division, not __divti3
        return divideHalfAwayFromZero(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
    Int128 quotient = n / d;
    Int128 remainder = n % d;
    if (remainder < 0) remainder = -remainder;
    if (2 * remainder >= d) quotient += (n < 0) ? -1 : 1;
    return quotient;
}

// |raw| without overflow, also for INT64_MIN (which fromRaw() can still be handed).
constexpr std::uint64_t magnitude(std::int64_t raw) {
    return raw < 0 ? 0 - static_cast<std::uint64_t>(raw) : static_cast<std::uint64_t>(raw);
}

constexpr bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Long inputs are cut so that an error message stays readable.
std::string quoted(std::string_view text) {
    constexpr std::size_t kMaxShown = 48;
    std::string out = "\"";
    if (text.size() > kMaxShown) {
        out.append(text.substr(0, kMaxShown));
        out.append("...");
    } else {
        out.append(text);
    }
    out.push_back('"');
    return out;
}

Error parseError(std::string_view text, std::string_view why) {
    return makeError(ErrorCode::InvalidArgument, "invalid decimal " + quoted(text) + ": " + std::string(why));
}

Error overflowError(std::string_view op, Decimal a, Decimal b) {
    return makeError(ErrorCode::Overflow, "decimal overflow: " + a.toShortString() + " " + std::string(op) +
                                              " " + b.toShortString());
}

// Appends the decimal digits of `value` (no sign).
void appendUnsigned(std::string& out, std::uint64_t value) {
    char buffer[20];
    std::size_t at = sizeof buffer;
    do {
        buffer[--at] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    out.append(buffer + at, sizeof buffer - at);
}

// Appends exactly `width` digits of `value`, zero padded on the left.
void appendPadded(std::string& out, std::uint64_t value, int width) {
    char buffer[4];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buffer, static_cast<std::size_t>(width));
}

void requireDigits(int digits, const char* function) {
    if (digits < 0 || digits > Decimal::kScale) {
        throw std::invalid_argument(std::string(function) + ": fraction digits must be 0..4");
    }
}

}  // namespace

Decimal Decimal::fromInt(std::int64_t units) {
    constexpr std::int64_t kMaxUnits = kMaxRaw / kOne;
    if (units > kMaxUnits || units < -kMaxUnits) throw OverflowError();
    return fromRaw(units * kOne);
}

Result<Decimal> Decimal::fromScaled(std::int64_t mantissa, int exponent_digits) {
    Int128 value = mantissa;
    if (exponent_digits <= kScale) {
        // Exact: scale up by 10^(4 - exponent_digits). A negative exponent multiplies.
        // Any non-zero mantissa times 10^19 or more is out of range (checked before
        // subtracting, so that an absurd exponent cannot overflow the int).
        if (mantissa != 0) {
            if (exponent_digits < kScale - 18) {
                return makeError(ErrorCode::Overflow, "decimal overflow: scaled value too large");
            }
            value *= kPow10[static_cast<std::size_t>(kScale - exponent_digits)];
        }
    } else {
        // More fraction digits than we hold: one half-up rounding. Any shift past 19
        // digits leaves less than half a unit of an int64 mantissa, so the value is 0.
        const int shift = exponent_digits - kScale;
        value = shift > 20 ? 0 : divRoundHalfUp(value, kPow10[static_cast<std::size_t>(shift)]);
    }
    if (!inRange(value)) return makeError(ErrorCode::Overflow, "decimal overflow: scaled value too large");
    return fromRaw(static_cast<std::int64_t>(value));
}

Result<Decimal> Decimal::parse(std::string_view text) {
    // Syntax first, so that a long malformed string is an InvalidArgument and not an Overflow.
    const std::size_t size = text.size();
    std::size_t i = 0;
    bool negative = false;
    if (i < size && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    const std::size_t int_begin = i;
    while (i < size && isDigit(text[i])) ++i;
    const std::size_t int_end = i;
    std::size_t frac_begin = i;
    std::size_t frac_end = i;
    if (i < size && text[i] == '.') {
        frac_begin = ++i;
        while (i < size && isDigit(text[i])) ++i;
        frac_end = i;
    }
    if (size == 0) return parseError(text, "empty");
    if (i != size) return parseError(text, "unexpected character");
    if (int_begin == int_end && frac_begin == frac_end) return parseError(text, "no digits");
    for (std::size_t k = frac_begin + static_cast<std::size_t>(kScale); k < frac_end; ++k) {
        if (text[k] != '0') return parseError(text, "more than 4 fraction digits");
    }

    // Value: the integer part has at most 15 significant digits (922,337,203,685,477),
    // so it fits an uint64 together with the 4 fraction digits.
    std::size_t significant = int_begin;
    while (significant < int_end && text[significant] == '0') ++significant;
    if (int_end - significant > 15)
        return makeError(ErrorCode::Overflow, "decimal overflow: " + quoted(text));
    std::uint64_t units = 0;
    for (std::size_t k = significant; k < int_end; ++k) {
        units = units * 10 + static_cast<std::uint64_t>(text[k] - '0');
    }
    std::uint64_t fraction = 0;
    for (std::size_t k = 0; k < static_cast<std::size_t>(kScale); ++k) {
        const std::size_t pos = frac_begin + k;
        fraction = fraction * 10 + (pos < frac_end ? static_cast<std::uint64_t>(text[pos] - '0') : 0);
    }
    const std::uint64_t raw_magnitude = units * static_cast<std::uint64_t>(kOne) + fraction;
    if (raw_magnitude > static_cast<std::uint64_t>(kMaxRaw)) {
        return makeError(ErrorCode::Overflow, "decimal overflow: " + quoted(text));
    }
    const auto raw = static_cast<std::int64_t>(raw_magnitude);
    return fromRaw(negative ? -raw : raw);
}

void Decimal::appendTo(std::string& out, int fraction_digits) const {
    requireDigits(fraction_digits, "Decimal::toString");
    // Round on the magnitude in uint64: even the extremes (±kMaxRaw, INT64_MIN) round
    // without overflow, so printing never fails.
    const std::uint64_t unit = kPow10Small[static_cast<std::size_t>(kScale - fraction_digits)];
    const std::uint64_t scaled = (magnitude(raw_) + unit / 2) / unit;
    const std::uint64_t denominator = kPow10Small[static_cast<std::size_t>(fraction_digits)];
    if (raw_ < 0 && scaled != 0) out.push_back('-');  // no "-0.00"
    appendUnsigned(out, scaled / denominator);
    if (fraction_digits > 0) {
        out.push_back('.');
        appendPadded(out, scaled % denominator, fraction_digits);
    }
}

void Decimal::appendShortTo(std::string& out) const {
    const std::uint64_t mag = magnitude(raw_);
    std::uint64_t fraction = mag % static_cast<std::uint64_t>(kOne);
    int digits = kScale;
    while (digits > 0 && fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    if (raw_ < 0) out.push_back('-');
    appendUnsigned(out, mag / static_cast<std::uint64_t>(kOne));
    if (digits > 0) {
        out.push_back('.');
        appendPadded(out, fraction, digits);
    }
}

std::string Decimal::toString(int fraction_digits) const {
    std::string out;
    out.reserve(24);
    appendTo(out, fraction_digits);
    return out;
}

std::string Decimal::toShortString() const {
    std::string out;
    out.reserve(24);
    appendShortTo(out);
    return out;
}

Decimal Decimal::roundHalfUp(int digits) const {
    requireDigits(digits, "Decimal::roundHalfUp");
    const Int128 unit = kPow10[static_cast<std::size_t>(kScale - digits)];
    const Int128 rounded = divRoundHalfUp(raw_, unit) * unit;
    if (!inRange(rounded)) throw OverflowError();
    return fromRaw(static_cast<std::int64_t>(rounded));
}

Result<Decimal> Decimal::add(Decimal a, Decimal b) {
    const Int128 sum = static_cast<Int128>(a.raw_) + b.raw_;
    if (!inRange(sum)) return overflowError("+", a, b);
    return fromRaw(static_cast<std::int64_t>(sum));
}

Result<Decimal> Decimal::subtract(Decimal a, Decimal b) {
    const Int128 difference = static_cast<Int128>(a.raw_) - b.raw_;
    if (!inRange(difference)) return overflowError("-", a, b);
    return fromRaw(static_cast<std::int64_t>(difference));
}

Result<Decimal> Decimal::multiply(Decimal a, Decimal b) { return multiplyRounded(a, b, kScale); }

Result<Decimal> Decimal::multiplyRounded(Decimal a, Decimal b, int digits) {
    if (digits < 0 || digits > kScale) {
        return makeError(ErrorCode::InvalidArgument,
                         "fraction digits must be 0..4, got " + std::to_string(digits));
    }
    const auto product = tryMultiplyRounded(a, b, digits);
    if (!product) return overflowError("*", a, b);
    return *product;
}

std::optional<Decimal> Decimal::tryMultiplyRounded(Decimal a, Decimal b, int digits) {
    // The exact product has 8 fraction digits; drop 8 - digits of them in one rounding,
    // then scale back to 4.
    const Int128 product = static_cast<Int128>(a.raw_) * b.raw_;
    const Int128 rounded = divRoundHalfUp(product, kPow10[static_cast<std::size_t>(2 * kScale - digits)]) *
                           kPow10[static_cast<std::size_t>(kScale - digits)];
    if (!inRange(rounded)) return std::nullopt;
    return fromRaw(static_cast<std::int64_t>(rounded));
}

Result<Decimal> Decimal::divide(Decimal a, Decimal b) {
    if (b.raw_ == 0)
        return makeError(ErrorCode::InvalidArgument, "division by zero: " + a.toShortString() + " / 0");
    Int128 numerator = static_cast<Int128>(a.raw_) * kOne;
    Int128 denominator = b.raw_;
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    const Int128 quotient = divRoundHalfUp(numerator, denominator);
    if (!inRange(quotient)) return overflowError("/", a, b);
    return fromRaw(static_cast<std::int64_t>(quotient));
}

Decimal Decimal::operator+(Decimal o) const {
    auto result = add(*this, o);
    if (!result) throw OverflowError();
    return *result;
}

Decimal Decimal::operator-(Decimal o) const {
    auto result = subtract(*this, o);
    if (!result) throw OverflowError();
    return *result;
}

Decimal Decimal::operator*(Decimal o) const {
    auto result = multiply(*this, o);
    if (!result) throw OverflowError();
    return *result;
}

Decimal Decimal::operator-() const {
    if (raw_ == std::numeric_limits<std::int64_t>::min()) throw OverflowError();
    return fromRaw(-raw_);
}

}  // namespace crossdock::core
