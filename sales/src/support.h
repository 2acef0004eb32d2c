#pragma once

// Private helpers shared by the sales sources: exact percentage arithmetic,
// currency rounding of amounts, and the item checks quotes and orders share.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crossdock/core/currency.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/ports.h"

namespace crossdock::sales::detail {

__extension__ typedef __int128 Int128;

/// a.raw × b.raw exactly.
inline Int128 wideProduct(core::Decimal a, core::Decimal b) { return static_cast<Int128>(a.raw()) * b.raw(); }

/// `amount` × `percent` ÷ 100, exact product, one half-up rounding (away from zero)
/// to `digits` fraction digits (0..4). Overflow when out of range.
core::Result<core::Decimal> percentOf(core::Decimal amount, core::Decimal percent, int digits);

/// The currency with code `code`. InvalidArgument when unknown.
core::Result<core::Currency> currencyOf(std::string_view code);

/// Fraction digits an amount in `currency` is rounded to (never more than Decimal holds).
int amountDigits(const core::Currency& currency);

/// unit × quantity rounded half up once to the currency's minor unit.
core::Result<core::Decimal> extendedAmount(core::Decimal unit_price, core::Decimal quantity,
                                           const core::Currency& currency);

/// An item found for a line, with the quantity in base units.
struct CheckedItem {
    ItemFacts facts;
    core::Decimal base_quantity;
};

/// The checks every quote and order line passes, in order: the item is known and
/// visible (NotFound), active (FailedPrecondition); the quantity is > 0 and the
/// unit is one of the item's (InvalidArgument); the base quantity is at least the
/// MOQ and a multiple of the order multiple (InvalidArgument). `where` prefixes
/// the error's location ("$.lines[3]").
core::Result<CheckedItem> checkItemLine(const ItemLookup& items, const std::string& customer_id,
                                        std::string_view code, core::Decimal quantity, const std::string& uom,
                                        const std::string& where);

/// Conflict when the caller's ETag `if_match` is set and differs from `row_version`.
core::Status checkIfMatch(std::int64_t row_version, std::optional<std::int64_t> if_match);

/// The checked sum of `lines[i].extended` (quote, order or invoice lines).
template <typename Lines>
core::Result<core::Decimal> sumExtended(const Lines& lines) {
    core::Decimal total;
    for (const auto& line : lines) {
        auto sum = core::Decimal::add(total, line.extended);
        if (!sum) return sum.takeError();
        total = *sum;
    }
    return total;
}

/// "Q-000042" style numbers.
std::string formatNumber(std::string_view prefix, std::int64_t id);

}  // namespace crossdock::sales::detail
