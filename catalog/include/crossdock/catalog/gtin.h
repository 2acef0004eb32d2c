#pragma once

#include <string>
#include <string_view>

#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Validates a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 and returns it
/// as GTIN-14: zero-padded on the left to 14 digits, so that the same product
/// keyed as a UPC-12 in one system and an EAN-13 in another compares equal.
/// The text must be exactly 8, 12, 13 or 14 ASCII digits (no spaces or dashes)
/// whose last digit is the GS1 mod-10 check digit. InvalidArgument otherwise, with
/// a message quoting the text (and naming the expected check digit when only that
/// is wrong). Pure function; thread-safe.
core::Result<std::string> validateGtin(std::string_view text);

/// The GS1 mod-10 check digit ('0'..'9') of `digits` (the GTIN without its check
/// digit): weights 3, 1, 3, ... from the rightmost digit. `digits` must be ASCII
/// digits only.
char gtinCheckDigit(std::string_view digits);

}  // namespace crossdock::catalog
