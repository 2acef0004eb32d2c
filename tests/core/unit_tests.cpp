#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "crossdock/core/unit.h"
#include "test_helpers.h"

using crossdock::core::Decimal;
using crossdock::core::ErrorCode;
using crossdock::core::isValidUnitCode;
using crossdock::core::UnitConversions;
using crossdock::core::test::dec;
using crossdock::core::test::show;

namespace {

// base EA, CS = 12, PL = 480: the CSV example of docs/CONTRACT.md.
UnitConversions eachCasePallet() {
    UnitConversions units("EA");
    BOOST_REQUIRE(units.addLevel("CS", dec("12")).ok());
    BOOST_REQUIRE(units.addLevel("PL", dec("480")).ok());
    return units;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unit)

BOOST_AUTO_TEST_CASE(unit_codes) {
    for (const char* good : {"EA", "CS", "PL", "BX", "KG", "KGM", "C62", "H87", "12"}) {
        BOOST_TEST_CONTEXT(good) { BOOST_TEST(isValidUnitCode(good)); }
    }
    for (const char* bad : {"", "E", "EACH", "ea", "Ea", "E-", "E A", " EA",
                            "\xc3\x89"
                            "A"}) {
        BOOST_TEST_CONTEXT("\"" << bad << "\"") { BOOST_TEST(!isValidUnitCode(bad)); }
    }
}

BOOST_AUTO_TEST_CASE(create_validates_the_base_unit) {
    auto good = UnitConversions::create("KGM");
    BOOST_TEST_REQUIRE(good.ok());
    BOOST_TEST(good->baseUnit() == "KGM");
    BOOST_TEST(good->levels().empty());
    auto bad = UnitConversions::create("each");
    BOOST_TEST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(bad.error().message.find("each") != std::string::npos);
    BOOST_CHECK_THROW(UnitConversions("e"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(levels_and_factors) {
    const UnitConversions units = eachCasePallet();
    BOOST_TEST(units.baseUnit() == "EA");
    BOOST_TEST_REQUIRE(units.levels().size() == 2u);
    BOOST_TEST(units.levels()[0].unit == "CS");
    BOOST_TEST(units.levels()[0].base_qty == dec("12"));
    BOOST_TEST(units.levels()[1].unit == "PL");
    BOOST_TEST(*units.factor("EA") == dec("1"));
    BOOST_TEST(*units.factor("CS") == dec("12"));
    BOOST_TEST(*units.factor("PL") == dec("480"));
    BOOST_TEST(!units.factor("BX").has_value());
    BOOST_TEST(!units.factor("ea").has_value());
}

BOOST_AUTO_TEST_CASE(add_level_rejects_bad_levels_and_changes_nothing) {
    UnitConversions units = eachCasePallet();
    for (auto [unit, qty] :
         {std::pair{"CS", "24"}, {"EA", "1"}, {"BX", "0"}, {"BX", "-6"}, {"box", "6"}, {"B", "6"}}) {
        auto status = units.addLevel(unit, dec(qty));
        BOOST_TEST_CONTEXT(unit << " = " << qty) {
            BOOST_TEST_REQUIRE(!status.ok());
            BOOST_TEST(status.error().code == ErrorCode::InvalidArgument);
        }
    }
    BOOST_TEST(units.levels().size() == 2u);
    BOOST_TEST(units.addLevel("BX", dec("6")).ok());
    BOOST_TEST(units.levels().size() == 3u);
}

BOOST_AUTO_TEST_CASE(convert_between_levels) {
    const UnitConversions units = eachCasePallet();
    BOOST_TEST(show(units.convert(dec("2"), "CS", "EA")) == "24");
    BOOST_TEST(show(units.convert(dec("18"), "EA", "CS")) == "1.5");
    BOOST_TEST(show(units.convert(dec("6"), "EA", "CS")) == "0.5");
    BOOST_TEST(show(units.convert(dec("1"), "PL", "CS")) == "40");
    BOOST_TEST(show(units.convert(dec("1"), "CS", "PL")) == "0.025");
    BOOST_TEST(show(units.convert(dec("1"), "EA", "CS")) == "0.0833");  // 0.08333..
    BOOST_TEST(show(units.convert(dec("2"), "EA", "CS")) == "0.1667");  // 0.16666..
    BOOST_TEST(show(units.convert(dec("-1"), "EA", "CS")) == "-0.0833");
    BOOST_TEST(show(units.convert(dec("-2"), "EA", "CS")) == "-0.1667");
    BOOST_TEST(show(units.convert(dec("1.2345"), "CS", "CS")) == "1.2345");
    BOOST_TEST(show(units.convert(dec("0"), "PL", "EA")) == "0");
}

BOOST_AUTO_TEST_CASE(convert_rounds_once_half_up_and_supports_fractional_levels) {
    UnitConversions units("KGM");
    BOOST_REQUIRE(units.addLevel("BG", dec("2.5")).ok());  // a bag of 2.5 kg
    BOOST_REQUIRE(units.addLevel("DR", dec("32")).ok());   // a drum of 32 kg
    BOOST_TEST(show(units.convert(dec("1"), "BG", "KGM")) == "2.5");
    BOOST_TEST(show(units.convert(dec("5"), "KGM", "BG")) == "2");
    BOOST_TEST(show(units.convert(dec("1"), "KGM", "DR")) == "0.0313");    // 0.03125: tie, up
    BOOST_TEST(show(units.convert(dec("-1"), "KGM", "DR")) == "-0.0313");  // tie, away from zero
    BOOST_TEST(show(units.convert(dec("1"), "BG", "DR")) == "0.0781");     // 0.078125
    // Exact through the base even when the intermediate has 8 digits: 0.0001 BG = 0.00025 KG.
    BOOST_TEST(show(units.convert(dec("0.0001"), "BG", "BG")) == "0.0001");
    BOOST_TEST(show(units.convert(dec("0.0001"), "BG", "KGM")) == "0.0003");  // 0.00025: tie, up
}

BOOST_AUTO_TEST_CASE(convert_errors) {
    const UnitConversions units = eachCasePallet();
    auto unknown = units.convert(dec("1"), "BX", "EA");
    BOOST_TEST_REQUIRE(!unknown.ok());
    BOOST_TEST(unknown.error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(unknown.error().message.find("BX") != std::string::npos);
    BOOST_TEST(show(units.convert(dec("1"), "EA", "BX")) == "error:invalid_argument");
    BOOST_TEST(show(units.convert(Decimal::fromRaw(INT64_MAX), "PL", "EA")) == "error:overflow");
    BOOST_TEST(show(units.convert(Decimal::fromRaw(INT64_MAX), "PL", "CS")) == "error:overflow");
    BOOST_TEST(show(units.convert(Decimal::fromRaw(INT64_MAX), "EA", "PL")) == "1921535841011.4116");
}

BOOST_AUTO_TEST_SUITE_END()
