// Cursor pagination: the cursor is the sort key of the last hit of a page, so
// the next page is "every hit after this key". Hex keeps it opaque and URL-safe.

#include <algorithm>
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

// The cursor's place among the live docs in Key::rank units (SKU order, or (name, SKU)
// order for Name): 2 × rank when its doc is still there, 2 × rank − 1 of the next doc
// when it is gone (it sorts just before that one), past every doc after all of them.
std::uint64_t SearchExecutor::cursorRank(std::string_view name, std::string_view sku) const {
    const bool by_name = query_.sort == SearchSort::Name;
    const auto& order = by_name ? index_.by_name_ : index_.by_sku_;
    auto before = [&](std::uint32_t doc) {  // doc sorts before the cursor
        const Item& item = index_.items_[doc];
        if (by_name && item.name != name) return item.name < name;
        return item.sku < sku;
    };
    auto it = std::partition_point(order.begin(), order.end(), before);
    if (it == order.end()) return 2 * (std::uint64_t{0xffff'ffffU} + 1);
    const auto& columns = index_.docs_[*it];
    const std::uint64_t rank = 2 * std::uint64_t{by_name ? columns.name_rank : columns.sku_rank};
    const Item& item = index_.items_[*it];
    return item.sku == sku && (!by_name || item.name == name) ? rank : rank - 1;
}

std::string SearchExecutor::encodeCursor(const Key& key) const {
    std::string payload = "c1";
    payload += static_cast<char>('0' + static_cast<int>(query_.sort));
    payload += kSeparator;
    payload += std::to_string(key.score);
    payload += kSeparator;
    const Item& item = index_.items_[key.doc];
    if (query_.sort == SearchSort::Name) payload += item.name;
    payload += kSeparator;
    payload += item.sku;
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
    cursor_ = Key{score, cursorRank(rest.substr(0, name_end), rest.substr(name_end + 1)), kNoDoc};
    return {};
}

}  // namespace crossdock::catalog
