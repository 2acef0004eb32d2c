#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crossdock::edi::x12::detail {

/// Non-empty and ASCII digits only.
bool isDigits(std::string_view text);
/// Non-empty and ASCII letters and digits only.
bool isAlnum(std::string_view text);
/// Without trailing spaces (ISA fields are space-padded AN values).
std::string_view trimRight(std::string_view text);
/// A valid YYMMDD (6 digits) or CCYYMMDD (8 digits) date.
bool isValidDate(std::string_view text);
/// A valid HHMM, HHMMSS, HHMMSSD or HHMMSSDD time.
bool isValidTime(std::string_view text);
/// The value of 1..18 digits; nullopt otherwise.
std::optional<std::uint64_t> toNumber(std::string_view text);
/// Control numbers agree: numerically when both are digits ("000005" and "5"), else
/// byte for byte.
bool sameNumber(std::string_view a, std::string_view b);
/// The first 99 bytes (AK404 holds at most 99).
std::string badValue(std::string_view text);
/// "ISA06", "GS04", "SE01".
std::string elementName(std::string_view segment_id, std::size_t position);

}  // namespace crossdock::edi::x12::detail
