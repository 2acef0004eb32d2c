#include <boost/test/unit_test.hpp>

#include <climits>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "crossdock/core/decimal.h"
#include "test_helpers.h"

using crossdock::core::Decimal;
using crossdock::core::ErrorCode;
using crossdock::core::OverflowError;
using crossdock::core::test::dec;
using crossdock::core::test::show;

namespace {
constexpr std::int64_t kMaxRaw = std::numeric_limits<std::int64_t>::max();
const Decimal kMax = Decimal::fromRaw(kMaxRaw);
const Decimal kMin = Decimal::fromRaw(-kMaxRaw);
const Decimal kTick = Decimal::fromRaw(1);
}  // namespace

BOOST_AUTO_TEST_SUITE(decimal)

BOOST_AUTO_TEST_CASE(parse_accepts_the_documented_forms) {
    BOOST_TEST(dec("-12").raw() == -120'000);
    BOOST_TEST(dec("12.5").raw() == 125'000);
    BOOST_TEST(dec("0.0001").raw() == 1);
    BOOST_TEST(dec("+3").raw() == 30'000);
    BOOST_TEST(dec(".5").raw() == 5'000);
    BOOST_TEST(dec("-.5").raw() == -5'000);
    BOOST_TEST(dec("5.").raw() == 50'000);
    BOOST_TEST(dec("-0").raw() == 0);
    BOOST_TEST(dec("007.50").raw() == 75'000);
    BOOST_TEST(dec("1.50000000").raw() == 15'000);  // extra zeros are exact
    BOOST_TEST(dec("0000000000000000000000001.5").raw() == 15'000);
    BOOST_TEST(dec("922337203685477.5807") == kMax);
    BOOST_TEST(dec("-922337203685477.5807") == kMin);
}

BOOST_AUTO_TEST_CASE(parse_rejects_malformed_text_and_names_it) {
    for (const char* bad :
         {"",    "-",   "+",   ".",    "-.",    "1e3", "1E3", " 1",  "1 ",           "1,000",   "1.2.3",
          "--1", "+-1", "abc", "0x10", "1_000", "NaN", "inf", "12a", "\xef\xbc\x91", "1.00001", "0.12345"}) {
        auto r = Decimal::parse(bad);
        BOOST_TEST_CONTEXT("text \"" << bad << "\"") {
            BOOST_TEST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().code == ErrorCode::InvalidArgument);
            BOOST_TEST(r.error().message.find("\"" + std::string(bad) + "\"") != std::string::npos);
        }
    }
    // A malformed huge string is a syntax error, not an overflow.
    BOOST_TEST(show(Decimal::parse("99999999999999999999999x")) == "error:invalid_argument");
    // Very long input is cut in the message.
    auto long_bad = Decimal::parse(std::string(1000, '7') + "x");
    BOOST_TEST(long_bad.error().message.size() < 200u);
}

BOOST_AUTO_TEST_CASE(parse_reports_overflow) {
    BOOST_TEST(show(Decimal::parse("922337203685477.5808")) == "error:overflow");
    BOOST_TEST(show(Decimal::parse("-922337203685477.5808")) == "error:overflow");
    BOOST_TEST(show(Decimal::parse("922337203685478")) == "error:overflow");
    BOOST_TEST(show(Decimal::parse("99999999999999999999")) == "error:overflow");
    BOOST_TEST(show(Decimal::parse("1" + std::string(40, '0'))) == "error:overflow");
}

BOOST_AUTO_TEST_CASE(to_string_pads_and_rounds_half_up) {
    BOOST_TEST(dec("12.34").toString() == "12.3400");
    BOOST_TEST(dec("12.34").toString(2) == "12.34");
    BOOST_TEST(dec("-0.5").toString(2) == "-0.50");
    BOOST_TEST(dec("3").toString(0) == "3");
    BOOST_TEST(dec("2.5").toString(0) == "3");
    BOOST_TEST(dec("-2.5").toString(0) == "-3");
    BOOST_TEST(dec("2.4999").toString(0) == "2");
    BOOST_TEST(dec("0.125").toString(2) == "0.13");
    BOOST_TEST(dec("-0.125").toString(2) == "-0.13");
    BOOST_TEST(dec("0.0049").toString(2) == "0.00");
    BOOST_TEST(dec("0.005").toString(2) == "0.01");
    BOOST_TEST(dec("-0.0001").toString(2) == "0.00");  // no negative zero
    BOOST_TEST(dec("9.9995").toString(3) == "10.000");
    BOOST_TEST(Decimal().toString() == "0.0000");
    BOOST_TEST(kMax.toString() == "922337203685477.5807");
    BOOST_TEST(kMax.toString(0) == "922337203685478");  // printing never overflows
    BOOST_TEST(kMin.toString(2) == "-922337203685477.58");
    BOOST_TEST(Decimal::fromRaw(INT64_MIN).toString() == "-922337203685477.5808");
    BOOST_CHECK_THROW(dec("1").toString(5), std::invalid_argument);
    BOOST_CHECK_THROW(dec("1").toString(-1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(to_short_string_is_the_shortest_exact_text) {
    BOOST_TEST(dec("12.3400").toShortString() == "12.34");
    BOOST_TEST(dec("3.0000").toShortString() == "3");
    BOOST_TEST(dec("-0.0001").toShortString() == "-0.0001");
    BOOST_TEST(dec("-20").toShortString() == "-20");
    BOOST_TEST(Decimal().toShortString() == "0");
    BOOST_TEST(kMin.toShortString() == "-922337203685477.5807");
}

BOOST_AUTO_TEST_CASE(round_half_up_goes_away_from_zero_on_ties) {
    BOOST_TEST(dec("0.125").roundHalfUp(2) == dec("0.13"));
    BOOST_TEST(dec("-0.125").roundHalfUp(2) == dec("-0.13"));
    BOOST_TEST(dec("0.1249").roundHalfUp(2) == dec("0.12"));
    BOOST_TEST(dec("-0.1249").roundHalfUp(2) == dec("-0.12"));
    BOOST_TEST(dec("1.5").roundHalfUp(0) == dec("2"));
    BOOST_TEST(dec("-1.5").roundHalfUp(0) == dec("-2"));
    BOOST_TEST(dec("-1.49").roundHalfUp(0) == dec("-1"));
    BOOST_TEST(dec("2.0005").roundHalfUp(3) == dec("2.001"));
    BOOST_TEST(dec("-2.0005").roundHalfUp(3) == dec("-2.001"));
    BOOST_TEST(dec("1.2345").roundHalfUp(4) == dec("1.2345"));
    BOOST_TEST(kMax.roundHalfUp(4) == kMax);
    BOOST_TEST(dec("922337203685477.4999").roundHalfUp(0) == dec("922337203685477"));
    BOOST_CHECK_THROW(kMax.roundHalfUp(0), OverflowError);
    BOOST_CHECK_THROW(kMin.roundHalfUp(0), OverflowError);
    BOOST_TEST(kMin.roundHalfUp(2) == dec("-922337203685477.58"));
    BOOST_CHECK_THROW(kMax.roundHalfUp(7), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(from_scaled_reads_implied_decimals) {
    BOOST_TEST(show(Decimal::fromScaled(12345, 2)) == "123.45");  // X12 N2
    BOOST_TEST(*Decimal::fromScaled(12345, 2) == dec("123.45"));
    BOOST_TEST(show(Decimal::fromScaled(12345, 0)) == "12345");
    BOOST_TEST(show(Decimal::fromScaled(-5, 3)) == "-0.005");
    BOOST_TEST(show(Decimal::fromScaled(123456, 5)) == "1.2346");
    BOOST_TEST(show(Decimal::fromScaled(123455, 5)) == "1.2346");  // tie: half up
    BOOST_TEST(show(Decimal::fromScaled(-123455, 5)) == "-1.2346");
    BOOST_TEST(show(Decimal::fromScaled(123454, 5)) == "1.2345");
    BOOST_TEST(show(Decimal::fromScaled(5, -2)) == "500");
    BOOST_TEST(show(Decimal::fromScaled(1, -14)) == "100000000000000");
    BOOST_TEST(show(Decimal::fromScaled(1, -15)) == "error:overflow");
    BOOST_TEST(show(Decimal::fromScaled(INT64_MAX, 0)) == "error:overflow");
    BOOST_TEST(show(Decimal::fromScaled(INT64_MAX, 4)) == "922337203685477.5807");
    BOOST_TEST(show(Decimal::fromScaled(INT64_MIN, 4)) == "error:overflow");
    BOOST_TEST(show(Decimal::fromScaled(INT64_MAX, 23)) == "0.0001");
    BOOST_TEST(show(Decimal::fromScaled(INT64_MAX, 24)) == "0");
    BOOST_TEST(show(Decimal::fromScaled(1, INT_MAX)) == "0");
    BOOST_TEST(show(Decimal::fromScaled(1, INT_MIN)) == "error:overflow");
    BOOST_TEST(show(Decimal::fromScaled(0, INT_MIN)) == "0");
}

BOOST_AUTO_TEST_CASE(from_int_and_predicates) {
    BOOST_TEST(Decimal::fromInt(12).raw() == 120'000);
    BOOST_TEST(Decimal::fromInt(-922'337'203'685'477).toShortString() == "-922337203685477");
    BOOST_CHECK_THROW(Decimal::fromInt(922'337'203'685'478), OverflowError);
    BOOST_CHECK_THROW(Decimal::fromInt(INT64_MIN), OverflowError);
    BOOST_TEST(Decimal().isZero());
    BOOST_TEST(dec("-0.0001").isNegative());
    BOOST_TEST(dec("-3").isInteger());
    BOOST_TEST(!dec("3.5").isInteger());
    BOOST_TEST(dec("-1") < dec("-0.9999"));
    BOOST_TEST(dec("10") > dec("9.9999"));
}

BOOST_AUTO_TEST_CASE(add_and_subtract_are_checked) {
    BOOST_TEST(show(Decimal::add(dec("1.25"), dec("-3.5"))) == "-2.25");
    BOOST_TEST(show(Decimal::subtract(dec("1.25"), dec("-3.5"))) == "4.75");
    BOOST_TEST(show(Decimal::add(kMax, kTick)) == "error:overflow");
    BOOST_TEST(show(Decimal::subtract(kMin, kTick)) == "error:overflow");
    BOOST_TEST(show(Decimal::subtract(kMax, kMax)) == "0");
    auto err = Decimal::add(kMax, kTick);
    BOOST_TEST(err.error().message.find("922337203685477.5807") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(multiply_rounds_once) {
    BOOST_TEST(show(Decimal::multiply(dec("1.0001"), dec("1.0001"))) == "1.0002");  // 1.00020001
    BOOST_TEST(show(Decimal::multiply(dec("0.0001"), dec("0.5"))) == "0.0001");     // tie up
    BOOST_TEST(show(Decimal::multiply(dec("-0.0001"), dec("0.5"))) == "-0.0001");   // tie away from zero
    BOOST_TEST(show(Decimal::multiply(dec("0.0001"), dec("0.4999"))) == "0");
    BOOST_TEST(show(Decimal::multiply(dec("19.99"), dec("3"))) == "59.97");
    BOOST_TEST(show(Decimal::multiply(kMax, dec("1"))) == "922337203685477.5807");
    BOOST_TEST(show(Decimal::multiply(kMax, dec("1.0001"))) == "error:overflow");
    BOOST_TEST(show(Decimal::multiply(dec("1000000000"), dec("1000000"))) == "error:overflow");
}

BOOST_AUTO_TEST_CASE(multiply_rounded_is_a_line_extension) {
    // USD: 7 × 1.2345 = 8.6415 → 8.64
    BOOST_TEST(show(Decimal::multiplyRounded(dec("1.2345"), dec("7"), 2)) == "8.64");
    // One rounding, straight from the exact product: 0.0445 × 0.1 = 0.00445 → 0.00, where
    // rounding to 4 digits first (0.0045) and then to 2 would give 0.01.
    BOOST_TEST(show(Decimal::multiplyRounded(dec("0.0445"), dec("0.1"), 2)) == "0");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("0.3333"), dec("3"), 2)) == "1");  // 0.9999 → 1.00
    BOOST_TEST(show(Decimal::multiplyRounded(dec("0.0049"), dec("0.9999"), 2)) == "0");
    // 1.00005 exactly on the tie at 4 digits; 0.125 on the tie at 2 digits
    BOOST_TEST(show(Decimal::multiplyRounded(dec("1.0001"), dec("0.5"), 4)) == "0.5001");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("0.25"), dec("0.5"), 2)) == "0.13");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("-0.25"), dec("0.5"), 2)) == "-0.13");
    // JPY 0 digits, KWD 3 digits
    BOOST_TEST(show(Decimal::multiplyRounded(dec("123.5"), dec("1"), 0)) == "124");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("-123.5"), dec("1"), 0)) == "-124");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("0.0335"), dec("15"), 3)) == "0.503");  // 0.5025
    BOOST_TEST(show(Decimal::multiplyRounded(dec("0.0335"), dec("-15"), 3)) == "-0.503");
    // Rounding up past the edge overflows; digits outside 0..4 are an argument error.
    BOOST_TEST(show(Decimal::multiplyRounded(kMax, dec("1"), 0)) == "error:overflow");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("1"), dec("1"), 5)) == "error:invalid_argument");
    BOOST_TEST(show(Decimal::multiplyRounded(dec("1"), dec("1"), -1)) == "error:invalid_argument");
}

BOOST_AUTO_TEST_CASE(divide_rounds_half_up) {
    BOOST_TEST(show(Decimal::divide(dec("1"), dec("3"))) == "0.3333");
    BOOST_TEST(show(Decimal::divide(dec("2"), dec("3"))) == "0.6667");
    BOOST_TEST(show(Decimal::divide(dec("-2"), dec("3"))) == "-0.6667");
    BOOST_TEST(show(Decimal::divide(dec("2"), dec("-3"))) == "-0.6667");
    BOOST_TEST(show(Decimal::divide(dec("-2"), dec("-3"))) == "0.6667");
    BOOST_TEST(show(Decimal::divide(dec("1"), dec("-8"))) == "-0.125");
    BOOST_TEST(show(Decimal::divide(dec("0.0001"), dec("2"))) == "0.0001");
    BOOST_TEST(show(Decimal::divide(dec("-0.0001"), dec("2"))) == "-0.0001");
    BOOST_TEST(show(Decimal::divide(dec("0.0001"), dec("3"))) == "0");
    BOOST_TEST(show(Decimal::divide(kMax, dec("0.5"))) == "error:overflow");
    BOOST_TEST(show(Decimal::divide(kMax, dec("-1"))) == "-922337203685477.5807");
    auto by_zero = Decimal::divide(dec("5"), Decimal());
    BOOST_TEST_REQUIRE(!by_zero.ok());
    BOOST_TEST(by_zero.error().code == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(operators_throw_on_overflow) {
    Decimal total = dec("10.5");
    total += dec("0.25");
    total -= dec("1");
    BOOST_TEST(total == dec("9.75"));
    BOOST_TEST(dec("2.5") * dec("-4") == dec("-10"));
    BOOST_TEST(-dec("3.5") == dec("-3.5"));
    BOOST_TEST(-kMin == kMax);
    BOOST_CHECK_THROW(kMax + kTick, OverflowError);
    BOOST_CHECK_THROW(kMin - kTick, OverflowError);
    BOOST_CHECK_THROW(kMax * dec("2"), OverflowError);
    BOOST_CHECK_THROW(-Decimal::fromRaw(INT64_MIN), OverflowError);
    Decimal sum = kMax;
    BOOST_CHECK_THROW(sum += kTick, OverflowError);
    BOOST_TEST(sum == kMax);  // unchanged after the throw
    BOOST_TEST(std::string(OverflowError().what()) == "decimal overflow");
}

BOOST_AUTO_TEST_SUITE_END()
