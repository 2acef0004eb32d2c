// Opaque cursors (base64url, no padding) and the list envelope.
#include "crossdock/server/pagination.h"

#include <charconv>

#include "crossdock/core/json.h"

namespace crossdock::server {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int alphabetIndex(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

std::optional<std::string> base64UrlDecode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int value = alphabetIndex(c);
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    if ((buffer & ((1U << bits) - 1)) != 0) return std::nullopt;  // non-canonical trailing bits
    return out;
}

core::Error cursorError() {
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "malformed cursor: pass next_cursor back unchanged", "cursor");
}

}  // namespace

std::string encodeCursor(std::string_view key) {
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : key) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3F];
    return out;
}

core::Result<std::size_t> pageLimit(const Request& request, std::size_t default_limit,
                                    std::size_t max_limit) {
    auto text = request.queryParam("limit");
    if (!text || text->empty()) return default_limit;
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || end != text->data() + text->size() || value < 1 || value > max_limit) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "limit must be an integer in 1.." + std::to_string(max_limit), "limit");
    }
    return value;
}

core::Result<std::string> pageCursor(const Request& request) {
    auto text = request.queryParam("cursor");
    if (!text || text->empty()) return std::string{};
    auto key = base64UrlDecode(*text);
    if (!key || key->empty()) return cursorError();
    return std::move(*key);
}

std::string listEnvelope(std::string_view items_json, const std::optional<std::string>& next_cursor_key) {
    std::string out;
    out.reserve(items_json.size() + 64);
    out += "{\"items\":[";
    out += items_json;
    out += "],\"next_cursor\":";
    if (next_cursor_key) {
        core::appendJsonString(out, encodeCursor(*next_cursor_key));
    } else {
        out += "null";
    }
    out += '}';
    return out;
}

}  // namespace crossdock::server
