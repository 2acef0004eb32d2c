#include "crossdock/catalog/gtin.h"

#include <algorithm>

namespace crossdock::catalog {

namespace {

constexpr std::size_t kGtin14 = 14;

}  // namespace

char gtinCheckDigit(std::string_view digits) {
    int sum = 0;
    int weight = 3;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = 4 - weight;  // 3, 1, 3, 1, ...
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

core::Result<std::string> validateGtin(std::string_view text) {
    auto quoted = [&] { return "gtin '" + std::string(text.substr(0, 32)) + "'"; };
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return core::makeError(core::ErrorCode::InvalidArgument, quoted() + " must contain digits only");
    }
    if (text.size() != 8 && text.size() != 12 && text.size() != 13 && text.size() != kGtin14) {
        return core::makeError(
            core::ErrorCode::InvalidArgument,
            quoted() + " must have 8, 12, 13 or 14 digits, not " + std::to_string(text.size()));
    }
    const char expected = gtinCheckDigit(text.substr(0, text.size() - 1));
    if (text.back() != expected) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               quoted() + " has a bad check digit: expected " + std::string(1, expected) +
                                   ", got " + std::string(1, text.back()));
    }
    // Leading zeros do not change the mod-10 sum, so the padded form keeps its check digit.
    return std::string(kGtin14 - text.size(), '0') + std::string(text);
}

}  // namespace crossdock::catalog
