// Cursor pagination: the cursor is the sort key of the last hit of a page, so
// the next page is "every hit after this key". Hex keeps it opaque and URL-safe.

#include <charconv>

#include "search_internal.h"

namespace crossdock::catalog {

namespace {

constexpr char kSeparator = '\x1f';
constexpr std::string_view kHex = "0123456789abcdef";

std::string toHex(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        out += kHex[c >> 4];
        out += kHex[c & 0xfU];
    }
    return out;
}

std::optional<std::string> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const auto high = kHex.find(hex[i]);
        const auto low = kHex.find(hex[i + 1]);
        if (high == std::string_view::npos || low == std::string_view::npos) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
    }
    return out;
}

}  // namespace

std::string SearchExecutor::encodeCursor(const Key& key) const {
    std::string payload = "c1";
    payload += static_cast<char>('0' + static_cast<int>(query_.sort));
    payload += kSeparator;
    payload += std::to_string(key.score);
    payload += kSeparator;
    if (query_.sort == SearchSort::Name) payload += key.name;
    payload += kSeparator;
    payload += key.sku;
    return toHex(payload);
}

core::Status SearchExecutor::decodeCursor() {
    if (query_.cursor.empty()) return {};
    auto bad = [] { return core::makeError(core::ErrorCode::InvalidArgument, "invalid cursor", "search"); };
    auto payload = fromHex(query_.cursor);
    const std::string header = std::string("c1") + static_cast<char>('0' + static_cast<int>(query_.sort));
    if (!payload || !payload->starts_with(header + kSeparator)) return bad();
    std::string_view rest = std::string_view(*payload).substr(header.size() + 1);
    const auto score_end = rest.find(kSeparator);
    if (score_end == std::string_view::npos) return bad();
    std::uint32_t score = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + score_end, score);
    if (ec != std::errc() || end != rest.data() + score_end) return bad();
    rest.remove_prefix(score_end + 1);
    const auto name_end = rest.find(kSeparator);
    if (name_end == std::string_view::npos) return bad();
    cursor_name_ = std::string(rest.substr(0, name_end));
    cursor_sku_ = std::string(rest.substr(name_end + 1));
    cursor_ = Key{score, cursor_name_, cursor_sku_};
    return {};
}

}  // namespace crossdock::catalog
