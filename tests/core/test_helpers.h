#pragma once

// Small helpers shared by the core_tests files.

#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <string_view>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::core {

// Lets BOOST_TEST print Decimals, Dates and error codes when a comparison fails.
inline std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) {
    return os << d.toShortString();
}
inline std::ostream& boost_test_print_type(std::ostream& os, const Date& d) { return os << d.toString(); }
inline std::ostream& boost_test_print_type(std::ostream& os, ErrorCode code) { return os << toString(code); }

}  // namespace crossdock::core

namespace crossdock::core::test {

/// Parses a literal the test knows to be valid.
inline Decimal dec(std::string_view text) {
    auto parsed = Decimal::parse(text);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "test literal does not parse: " << text);
    return *parsed;
}

/// "12.34" for a value, "error:overflow" for an error: compares results in one line.
inline std::string show(const Result<Decimal>& r) {
    return r.ok() ? r->toShortString() : "error:" + std::string(toString(r.error().code));
}

}  // namespace crossdock::core::test
