#include <boost/test/unit_test.hpp>

#include <string>

#include "crossdock/catalog/gtin.h"
#include "test_support.h"

using crossdock::catalog::gtinCheckDigit;
using crossdock::catalog::validateGtin;
using crossdock::core::ErrorCode;

BOOST_AUTO_TEST_SUITE(gtin)

BOOST_AUTO_TEST_CASE(valid_gtins_of_every_length_become_gtin_14) {
    struct Case {
        const char* input;
        const char* gtin14;
    };
    for (const Case& c : {Case{"96385074", "00000096385074"},           // GTIN-8 (EAN-8)
                          Case{"40123455", "00000040123455"},           // GTIN-8
                          Case{"036000291452", "00036000291452"},       // GTIN-12 (UPC-A)
                          Case{"012345678905", "00012345678905"},       // GTIN-12
                          Case{"4006381333931", "04006381333931"},      // GTIN-13 (EAN-13)
                          Case{"5901234123457", "05901234123457"},      // GTIN-13
                          Case{"10614141000415", "10614141000415"},     // GTIN-14, packaging indicator 1
                          Case{"00036000291452", "00036000291452"}}) {  // already padded
        BOOST_TEST_CONTEXT(c.input) {
            auto result = validateGtin(c.input);
            BOOST_TEST_REQUIRE(result.ok(), (result.ok() ? "" : result.error().message));
            BOOST_TEST(*result == c.gtin14);
        }
    }
}

BOOST_AUTO_TEST_CASE(upc_12_and_ean_13_of_one_product_match) {
    // A UPC-A is an EAN-13 with a leading zero: both normalize to the same GTIN-14.
    BOOST_TEST(*validateGtin("036000291452") == *validateGtin("0036000291452"));
}

BOOST_AUTO_TEST_CASE(bad_check_digits_are_rejected_for_every_length) {
    for (const char* bad : {"96385075", "036000291453", "4006381333932", "10614141000416"}) {
        BOOST_TEST_CONTEXT(bad) {
            auto result = validateGtin(bad);
            BOOST_TEST_REQUIRE(!result.ok());
            BOOST_TEST(result.error().code == ErrorCode::InvalidArgument);
            BOOST_TEST(result.error().message.find("bad check digit") != std::string::npos);
        }
    }
    BOOST_TEST(validateGtin("4006381333932").error().message ==
               "gtin '4006381333932' has a bad check digit: expected 1, got 2");
}

BOOST_AUTO_TEST_CASE(wrong_lengths_and_non_digits_are_rejected) {
    for (const char* bad : {"", "1234567", "123456789", "12345678901", "123456789012345", "4006381333931 "}) {
        BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!validateGtin(bad).ok()); }
    }
    BOOST_TEST(validateGtin("12345678901").error().message ==
               "gtin '12345678901' must have 8, 12, 13 or 14 digits, not 11");
    BOOST_TEST(validateGtin("4006-381333931").error().message ==
               "gtin '4006-381333931' must contain digits only");
    BOOST_TEST(validateGtin("４006381333931").error().message.find("digits only") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(check_digit) {
    BOOST_TEST(gtinCheckDigit("400638133393") == '1');
    BOOST_TEST(gtinCheckDigit("03600029145") == '2');
    BOOST_TEST(gtinCheckDigit("1061414100041") == '5');
    BOOST_TEST(gtinCheckDigit("000000000000") == '0');
}

BOOST_AUTO_TEST_SUITE_END()
