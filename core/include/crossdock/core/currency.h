#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "crossdock/core/decimal.h"

namespace crossdock::core {

/// An ISO 4217 currency: its alphabetic code and how many fraction digits its
/// amounts carry (JPY 0, USD 2, KWD 3, CLF 4). Cheap to copy.
struct Currency {
    std::string_view code;  ///< "USD"; from findCurrency() it points at static storage
    int minor_units;        ///< fraction digits of an amount, 0..4

    friend constexpr bool operator==(const Currency&, const Currency&) = default;
};

/// Looks up an active ISO 4217 code with defined minor units. The code must be
/// exactly three uppercase letters as the standard writes it ("usd" is not found:
/// callers normalise input first). Codes without minor units (XAU, XDR, XXX, ...)
/// and withdrawn codes are not found. Thread-safe.
std::optional<Currency> findCurrency(std::string_view code);

/// Every currency findCurrency() knows, sorted by code. Static storage.
std::span<const Currency> allCurrencies();

/// The named rounding point for amounts: `amount` rounded half up (away from zero
/// on ties) to the currency's minor units. A value that already has no more digits
/// comes back unchanged; so does any value when minor_units is 4 or more.
/// Throws OverflowError only at the very edge of Decimal's range (rounding
/// 922,337,203,685,477.5807 up), std::invalid_argument when minor_units < 0.
Decimal roundToCurrency(Decimal amount, const Currency& currency);

}  // namespace crossdock::core
