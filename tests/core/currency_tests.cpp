#include <boost/test/unit_test.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include "crossdock/core/currency.h"
#include "test_helpers.h"

using crossdock::core::allCurrencies;
using crossdock::core::Currency;
using crossdock::core::findCurrency;
using crossdock::core::roundToCurrency;
using crossdock::core::test::dec;

namespace {

Currency lookup(const char* code) {
    auto found = findCurrency(code);
    BOOST_REQUIRE_MESSAGE(found.has_value(), "currency not found: " << code);
    return *found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(currency)

BOOST_AUTO_TEST_CASE(minor_units_of_well_known_codes) {
    BOOST_TEST(lookup("USD").minor_units == 2);
    BOOST_TEST(lookup("EUR").minor_units == 2);
    BOOST_TEST(lookup("GBP").minor_units == 2);
    BOOST_TEST(lookup("JPY").minor_units == 0);
    BOOST_TEST(lookup("KRW").minor_units == 0);
    BOOST_TEST(lookup("CLP").minor_units == 0);
    BOOST_TEST(lookup("XOF").minor_units == 0);
    BOOST_TEST(lookup("KWD").minor_units == 3);
    BOOST_TEST(lookup("BHD").minor_units == 3);
    BOOST_TEST(lookup("TND").minor_units == 3);
    BOOST_TEST(lookup("CLF").minor_units == 4);
    BOOST_TEST(lookup("UYW").minor_units == 4);
    BOOST_TEST(lookup("XCG").minor_units == 2);
    BOOST_TEST(lookup("ZWG").minor_units == 2);
    BOOST_TEST(lookup("USD").code == "USD");
    BOOST_TEST((lookup("USD") == Currency{"USD", 2}));
}

BOOST_AUTO_TEST_CASE(unknown_and_malformed_codes_are_not_found) {
    for (const char* code :
         {"", "US", "USDD", "usd", "Usd", "ZZZ", "XAU", "XDR", "XXX", "XTS", "HRK", " USD"}) {
        BOOST_TEST_CONTEXT("code \"" << code << "\"") { BOOST_TEST(!findCurrency(code).has_value()); }
    }
}

BOOST_AUTO_TEST_CASE(table_is_sorted_unique_and_well_formed) {
    const auto all = allCurrencies();
    BOOST_TEST(all.size() > 150u);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Currency& c = all[i];
        BOOST_TEST_CONTEXT("code " << c.code) {
            BOOST_TEST(c.code.size() == 3u);
            for (char ch : c.code) BOOST_TEST((ch >= 'A' && ch <= 'Z'));
            BOOST_TEST(
                (c.minor_units == 0 || c.minor_units == 2 || c.minor_units == 3 || c.minor_units == 4));
            BOOST_TEST(seen.insert(std::string(c.code)).second);
            if (i > 0) BOOST_TEST((all[i - 1].code < c.code));
            // Every entry is reachable by lookup.
            BOOST_TEST((findCurrency(c.code) == c));
        }
    }
}

BOOST_AUTO_TEST_CASE(round_to_currency_half_up_to_minor_units) {
    const Currency jpy = lookup("JPY");
    const Currency usd = lookup("USD");
    const Currency kwd = lookup("KWD");
    const Currency clf = lookup("CLF");

    BOOST_TEST(roundToCurrency(dec("123.5"), jpy) == dec("124"));
    BOOST_TEST(roundToCurrency(dec("-123.5"), jpy) == dec("-124"));
    BOOST_TEST(roundToCurrency(dec("123.4999"), jpy) == dec("123"));

    BOOST_TEST(roundToCurrency(dec("1.005"), usd) == dec("1.01"));
    BOOST_TEST(roundToCurrency(dec("-1.005"), usd) == dec("-1.01"));
    BOOST_TEST(roundToCurrency(dec("1.0049"), usd) == dec("1"));
    BOOST_TEST(roundToCurrency(dec("-1.0049"), usd) == dec("-1"));
    BOOST_TEST(roundToCurrency(dec("8.6415"), usd).toString(2) == "8.64");

    BOOST_TEST(roundToCurrency(dec("1.0005"), kwd) == dec("1.001"));
    BOOST_TEST(roundToCurrency(dec("-1.0005"), kwd) == dec("-1.001"));
    BOOST_TEST(roundToCurrency(dec("1.0004"), kwd) == dec("1"));

    BOOST_TEST(roundToCurrency(dec("1.2345"), clf) == dec("1.2345"));
    BOOST_TEST(roundToCurrency(dec("-0.0001"), clf) == dec("-0.0001"));

    BOOST_CHECK_THROW(roundToCurrency(dec("1"), Currency{"BAD", -1}), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
