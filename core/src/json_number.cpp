// Number conversions of Json: text in, exact integers and decimals out, never a double.
#include "json_detail.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>

#include "crossdock/core/json.h"

namespace crossdock::core {

namespace json_detail {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::size_t skipDigits(std::string_view text, std::size_t pos) {
    while (pos < text.size() && isDigit(text[pos])) ++pos;
    return pos;
}

}  // namespace

NumberScan scanNumber(std::string_view text) {
    std::size_t pos = 0;
    if (pos < text.size() && text[pos] == '-') ++pos;
    if (pos >= text.size() || !isDigit(text[pos])) return {0, pos, "invalid number: expected a digit"};
    if (text[pos] == '0') {
        ++pos;
        if (pos < text.size() && isDigit(text[pos])) return {0, pos, "invalid number: leading zero"};
    } else {
        pos = skipDigits(text, pos);
    }
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        if (pos >= text.size() || !isDigit(text[pos])) {
            return {0, pos, "invalid number: expected a digit after '.'"};
        }
        pos = skipDigits(text, pos);
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
        if (pos >= text.size() || !isDigit(text[pos])) {
            return {0, pos, "invalid number: expected a digit in the exponent"};
        }
        pos = skipDigits(text, pos);
    }
    return {pos, 0, nullptr};
}

}  // namespace json_detail

namespace {

/// A valid JSON number rewritten without exponent: sign, integer digits (no leading
/// zeros) and fraction digits (no trailing zeros).
struct PlainNumber {
    bool negative = false;
    std::string integer;   // empty means 0
    std::string fraction;  // empty means no fraction
};

// Far beyond what int64 or Decimal can hold, small enough to build strings cheaply.
constexpr long kMaxPointShift = 64;

/// The exponent of a valid number's "[+-]digits" tail, clamped to +-1,000,000
/// (already far outside any range we convert to).
long exponentOf(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    long exponent = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), exponent);
    if (ec != std::errc{} || end != text.data() + text.size())
        return text.front() == '-' ? -1'000'000 : 1'000'000;
    return std::clamp(exponent, -1'000'000L, 1'000'000L);
}

Result<PlainNumber> toPlain(std::string_view lexeme) {
    PlainNumber plain;
    std::size_t pos = 0;
    if (lexeme[pos] == '-') {
        plain.negative = true;
        ++pos;
    }
    std::string digits;
    long point = 0;
    while (pos < lexeme.size() && lexeme[pos] >= '0' && lexeme[pos] <= '9') {
        digits += lexeme[pos++];
        ++point;
    }
    if (pos < lexeme.size() && lexeme[pos] == '.') {
        ++pos;
        while (pos < lexeme.size() && lexeme[pos] >= '0' && lexeme[pos] <= '9') digits += lexeme[pos++];
    }
    const long exponent = pos < lexeme.size() ? exponentOf(lexeme.substr(pos + 1)) : 0;  // after 'e' or 'E'
    std::size_t lead = digits.find_first_not_of('0');
    if (lead == std::string::npos) return plain;  // zero, whatever the exponent
    digits.erase(0, lead);
    point -= static_cast<long>(lead);
    digits.erase(digits.find_last_not_of('0') + 1);
    point += exponent;
    if (point > kMaxPointShift) return makeError(ErrorCode::Overflow, "number out of range");
    if (point < -kMaxPointShift) return makeError(ErrorCode::InvalidArgument, "too many fraction digits");
    const auto digit_count = static_cast<long>(digits.size());
    if (point <= 0) {
        plain.fraction = std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (point >= digit_count) {
        plain.integer = digits + std::string(static_cast<std::size_t>(point - digit_count), '0');
    } else {
        plain.integer = digits.substr(0, static_cast<std::size_t>(point));
        plain.fraction = digits.substr(static_cast<std::size_t>(point));
    }
    return plain;
}

}  // namespace

Result<Json> Json::numberFromText(std::string_view lexeme) {
    auto scan = json_detail::scanNumber(lexeme);
    if (scan.error != nullptr) return makeError(ErrorCode::InvalidArgument, scan.error);
    if (scan.length != lexeme.size()) {
        return makeError(ErrorCode::InvalidArgument, "invalid number: unexpected text after the number");
    }
    return Json(std::string(lexeme), NumberTag{});
}

Result<std::int64_t> Json::asInt64() const {
    if (!isNumber()) {
        return makeError(ErrorCode::InvalidArgument,
                         "expected an integer, found " + std::string(typeName(type())));
    }
    auto plain = toPlain(numberText());
    if (!plain) return plain.takeError();
    if (!plain->fraction.empty()) return makeError(ErrorCode::InvalidArgument, "expected an integer");
    if (plain->integer.empty()) return std::int64_t{0};
    std::string text = (plain->negative ? "-" : "") + plain->integer;
    std::int64_t result = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), result);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return makeError(ErrorCode::Overflow, "integer out of range");
    }
    return result;
}

Result<Decimal> Json::asDecimal() const {
    if (isString()) return Decimal::parse(asString());
    if (!isNumber()) {
        return makeError(ErrorCode::InvalidArgument,
                         "expected a decimal, found " + std::string(typeName(type())));
    }
    auto plain = toPlain(numberText());
    if (!plain) return plain.takeError();
    std::string text = plain->negative ? "-" : "";
    text += plain->integer.empty() ? "0" : plain->integer;
    if (!plain->fraction.empty()) text += "." + plain->fraction;
    return Decimal::parse(text);
}

}  // namespace crossdock::core
