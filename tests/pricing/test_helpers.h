#pragma once

// Small helpers shared by the pricing_tests files.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/pricing/explanation.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"

namespace crossdock::core {

inline std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) {
    return os << d.toShortString();
}
inline std::ostream& boost_test_print_type(std::ostream& os, ErrorCode code) { return os << toString(code); }
inline std::ostream& boost_test_print_type(std::ostream& os, const Date& d) { return os << d.toString(); }

}  // namespace crossdock::core

namespace crossdock::pricing {

inline std::ostream& boost_test_print_type(std::ostream& os, Strategy s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, CandidateStatus s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, ChoiceReason r) {
    return os << static_cast<int>(r);
}

}  // namespace crossdock::pricing

namespace crossdock::pricing::test {

/// The error of a failed result, described; "" for a success. Boost evaluates a
/// REQUIRE_MESSAGE's message even when the check passes.
template <typename T>
std::string why(const core::Result<T>& result) {
    return result.ok() ? std::string() : result.error().describe();
}

inline core::Decimal dec(std::string_view text) {
    auto parsed = core::Decimal::parse(text);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "test literal does not parse: " << text);
    return *parsed;
}

inline core::Date day(std::string_view iso) {
    auto parsed = core::Date::parse(iso);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "test date does not parse: " << iso);
    return *parsed;
}

/// An item sold in EA, with optional packs such as {{"CS", "12"}}.
inline ItemFacts item(std::string sku, std::string category = {}, std::string brand = {},
                      std::initializer_list<std::pair<const char*, const char*>> packs = {},
                      std::optional<core::Decimal> cost = std::nullopt) {
    core::UnitConversions units("EA");
    for (const auto& [unit, qty] : packs) BOOST_REQUIRE(units.addLevel(unit, dec(qty)).ok());
    return ItemFacts{std::move(sku), std::move(category), std::move(brand), cost, std::move(units)};
}

inline PriceEntry entry(std::string list, std::string sku, std::string uom, std::string_view min_qty,
                        std::string_view price) {
    return PriceEntry{std::move(list), std::move(sku), std::move(uom), dec(min_qty), dec(price), {}, {}, {}};
}

}  // namespace crossdock::pricing::test
