// Randomised checks of Decimal against a wide-integer reference (cpp_int).
//
// The seed is fixed so a failure reproduces; it is printed at log level "message"
// (CTest runs with it) and can be changed with CROSSDOCK_TEST_SEED=<n>.

#include <boost/multiprecision/cpp_int.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>

#include "crossdock/core/decimal.h"
#include "test_helpers.h"

using boost::multiprecision::cpp_int;
using crossdock::core::Decimal;
using crossdock::core::ErrorCode;
using crossdock::core::Result;

namespace {

constexpr int kCases = 100'000;
constexpr std::uint64_t kDefaultSeed = 20'261'121;
constexpr std::int64_t kMaxRaw = std::numeric_limits<std::int64_t>::max();
constexpr int kMaxReported = 10;

std::uint64_t testSeed() {
    if (const char* env = std::getenv("CROSSDOCK_TEST_SEED")) return std::strtoull(env, nullptr, 10);
    return kDefaultSeed;
}

// A fresh generator per test case, so each case reproduces on its own.
std::mt19937_64 makeRng(const char* test_name) {
    const std::uint64_t seed = testSeed();
    BOOST_TEST_MESSAGE(test_name << ": seed " << seed << " (set CROSSDOCK_TEST_SEED to change)");
    return std::mt19937_64(seed);
}

// Raw values spread over every magnitude (a uniform int64 would almost always be
// huge), plus the edges where bugs live.
std::int64_t randomRaw(std::mt19937_64& rng) {
    static constexpr std::array<std::int64_t, 10> kEdges = {
        0, 1, 5'000, 9'999, 10'000, 15'000, kMaxRaw, kMaxRaw - 1, kMaxRaw / 2, kMaxRaw / 10'000};
    const auto pick = rng() % 16;
    std::int64_t magnitude = 0;
    if (pick == 0) {
        magnitude = kEdges[rng() % kEdges.size()];
    } else {
        const auto digits = static_cast<int>(rng() % 19) + 1;  // 1..19 digits
        std::int64_t bound = 1;
        for (int i = 0; i < digits && bound <= kMaxRaw / 10; ++i) bound *= 10;
        magnitude = std::uniform_int_distribution<std::int64_t>(0, digits == 19 ? kMaxRaw : bound - 1)(rng);
    }
    return (rng() & 1) != 0 ? -magnitude : magnitude;
}

// n / d rounded half away from zero, written differently from the implementation:
// floor((2|n| + d) / 2d) on the magnitude.
cpp_int roundDiv(cpp_int n, cpp_int d) {
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const bool negative = n < 0;
    const cpp_int magnitude = negative ? cpp_int(-n) : n;
    const cpp_int q = (2 * magnitude + d) / (2 * d);
    return negative ? cpp_int(-q) : q;
}

cpp_int pow10(int k) {
    cpp_int p = 1;
    for (int i = 0; i < k; ++i) p *= 10;
    return p;
}

// Digit by digit: cpp_int's own string constructor reads a leading 0 as octal.
cpp_int fromDigits(const std::string& digits) {
    cpp_int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// The expected raw result, or nullopt when it leaves the range.
std::optional<std::int64_t> fit(const cpp_int& v) {
    if (v > kMaxRaw || v < -kMaxRaw) return std::nullopt;
    return static_cast<std::int64_t>(v);
}

// Runs `kCases` binary operations and compares them with `reference`.
void checkAgainstReference(
    const char* name, const std::function<Result<Decimal>(Decimal, Decimal, int)>& operation,
    const std::function<std::optional<std::int64_t>(const cpp_int&, const cpp_int&, int)>& reference,
    bool needs_digits) {
    std::mt19937_64 rng = makeRng(name);
    int failures = 0;
    int overflows = 0;
    for (int i = 0; i < kCases && failures < kMaxReported; ++i) {
        const std::int64_t a = randomRaw(rng);
        std::int64_t b = randomRaw(rng);
        const int digits = needs_digits ? static_cast<int>(rng() % 5) : 4;
        if (b == 0 && std::string(name) == "divide") b = 1;  // division by zero has its own test
        const auto expected = reference(cpp_int(a), cpp_int(b), digits);
        const auto actual = operation(Decimal::fromRaw(a), Decimal::fromRaw(b), digits);
        if (!expected) ++overflows;
        const bool agree = expected ? (actual.ok() && actual->raw() == *expected)
                                    : (!actual.ok() && actual.error().code == ErrorCode::Overflow);
        if (!agree) {
            ++failures;
            BOOST_ERROR(name << " case " << i << ": a.raw=" << a << " b.raw=" << b << " digits=" << digits
                             << " expected " << (expected ? std::to_string(*expected) : "overflow") << " got "
                             << crossdock::core::test::show(actual));
        }
    }
    BOOST_TEST_MESSAGE(name << ": " << kCases << " cases, " << overflows << " overflowed");
    BOOST_TEST(failures == 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(decimal_properties)

BOOST_AUTO_TEST_CASE(text_round_trips_exactly) {
    std::mt19937_64 rng = makeRng("round_trip");
    int failures = 0;
    for (int i = 0; i < kCases && failures < kMaxReported; ++i) {
        const Decimal d = Decimal::fromRaw(randomRaw(rng));
        const auto full = Decimal::parse(d.toString());
        const auto shortest = Decimal::parse(d.toShortString());
        const int digits = static_cast<int>(rng() % 5);
        // Fewer digits: parsing the text gives the value rounded half up, except at the
        // very edge where the rounded value is out of range (printing never overflows).
        const cpp_int rounded = roundDiv(cpp_int(d.raw()), pow10(4 - digits)) * pow10(4 - digits);
        const auto expected_rounded = fit(rounded);
        const auto reparsed = Decimal::parse(d.toString(digits));
        const bool ok = full.ok() && *full == d && shortest.ok() && *shortest == d &&
                        (expected_rounded ? (reparsed.ok() && reparsed->raw() == *expected_rounded)
                                          : (!reparsed.ok() && reparsed.error().code == ErrorCode::Overflow));
        if (!ok) {
            ++failures;
            BOOST_ERROR("round trip case " << i << ": raw=" << d.raw() << " text=" << d.toString()
                                           << " short=" << d.toShortString() << " digits=" << digits << " -> "
                                           << d.toString(digits));
        }
    }
    BOOST_TEST(failures == 0);
}

BOOST_AUTO_TEST_CASE(parse_agrees_with_reference) {
    // Random well-formed text: optional sign, leading zeros, up to 20 integer digits,
    // up to 6 fraction digits (non-zero past the 4th must be rejected).
    std::mt19937_64 rng = makeRng("parse");
    int failures = 0;
    for (int i = 0; i < kCases && failures < kMaxReported; ++i) {
        std::string text;
        const auto sign = rng() % 3;
        if (sign == 1) text += '-';
        if (sign == 2) text += '+';
        const auto int_digits = static_cast<int>(rng() % 21);
        const auto frac_digits = static_cast<int>(rng() % 7);
        const bool point = frac_digits > 0 || rng() % 4 == 0;
        if (int_digits == 0 && frac_digits == 0) text += '0';
        std::string int_part;
        for (int k = 0; k < int_digits; ++k) int_part += static_cast<char>('0' + rng() % 10);
        std::string frac_part;
        for (int k = 0; k < frac_digits; ++k) {
            frac_part += static_cast<char>('0' + (k >= 4 && rng() % 2 == 0 ? 0 : rng() % 10));
        }
        text += int_part;
        if (point) text += '.' + frac_part;

        std::string kept = frac_part.substr(0, 4);
        kept.resize(4, '0');
        cpp_int raw = fromDigits(int_part) * 10'000 + fromDigits(kept);
        if (sign == 1) raw = -raw;
        const bool extra_digits =
            frac_part.size() > 4 && frac_part.find_first_not_of('0', 4) != std::string::npos;

        const auto actual = Decimal::parse(text);
        std::string expected;
        if (extra_digits) {
            expected = "error:invalid_argument";
        } else if (auto fitted = fit(raw)) {
            expected = Decimal::fromRaw(*fitted).toShortString();
        } else {
            expected = "error:overflow";
        }
        if (crossdock::core::test::show(actual) != expected) {
            ++failures;
            BOOST_ERROR("parse case " << i << ": \"" << text << "\" expected " << expected << " got "
                                      << crossdock::core::test::show(actual));
        }
    }
    BOOST_TEST(failures == 0);
}

BOOST_AUTO_TEST_CASE(add_agrees_with_reference) {
    checkAgainstReference(
        "add", [](Decimal a, Decimal b, int) { return Decimal::add(a, b); },
        [](const cpp_int& a, const cpp_int& b, int) { return fit(a + b); }, false);
}

BOOST_AUTO_TEST_CASE(subtract_agrees_with_reference) {
    checkAgainstReference(
        "subtract", [](Decimal a, Decimal b, int) { return Decimal::subtract(a, b); },
        [](const cpp_int& a, const cpp_int& b, int) { return fit(a - b); }, false);
}

BOOST_AUTO_TEST_CASE(multiply_agrees_with_reference) {
    checkAgainstReference(
        "multiply", [](Decimal a, Decimal b, int) { return Decimal::multiply(a, b); },
        [](const cpp_int& a, const cpp_int& b, int) { return fit(roundDiv(a * b, 10'000)); }, false);
}

BOOST_AUTO_TEST_CASE(multiply_rounded_agrees_with_reference) {
    checkAgainstReference(
        "multiplyRounded",
        [](Decimal a, Decimal b, int digits) { return Decimal::multiplyRounded(a, b, digits); },
        [](const cpp_int& a, const cpp_int& b, int digits) {
            // The exact product has 8 fraction digits; keep `digits` of them.
            return fit(roundDiv(a * b, pow10(8 - digits)) * pow10(4 - digits));
        },
        true);
}

BOOST_AUTO_TEST_CASE(divide_agrees_with_reference) {
    checkAgainstReference(
        "divide", [](Decimal a, Decimal b, int) { return Decimal::divide(a, b); },
        [](const cpp_int& a, const cpp_int& b, int) { return fit(roundDiv(a * 10'000, b)); }, false);
}

BOOST_AUTO_TEST_SUITE_END()
