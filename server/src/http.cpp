// Request/Response value types and the small text helpers of HTTP.
#include "crossdock/server/http.h"

#include <algorithm>

namespace crossdock::server {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

void Headers::add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
    std::erase_if(fields_, [&](const auto& field) { return equalsIgnoreCase(field.first, name); });
    fields_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
    for (const auto& [field_name, value] : fields_) {
        if (equalsIgnoreCase(field_name, name)) return std::string_view(value);
    }
    return std::nullopt;
}

std::optional<std::string> Request::queryParam(std::string_view name) const {
    std::string_view rest = query_string;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        auto key = percentDecode(pair.substr(0, eq), true);
        if (!key || *key != name) continue;
        if (eq == std::string_view::npos) return std::string{};
        auto value = percentDecode(pair.substr(eq + 1), true);
        if (value) return value;
    }
    return std::nullopt;
}

const std::string* Request::param(std::string_view name) const {
    for (const auto& [key, value] : params) {
        if (key == name) return &value;
    }
    return nullptr;
}

Response Response::json(int status, const core::Json& value) {
    return jsonText(status, core::toJsonString(value));
}

Response Response::jsonText(int status, std::string json_text) {
    Response response;
    response.status = status;
    response.body = std::move(json_text);
    return response;
}

Response Response::text(int status, std::string body, std::string content_type) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    response.content_type = std::move(content_type);
    return response;
}

Response Response::noContent() {
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
}

std::optional<std::string> percentDecode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c != '%') {
            out += c;
        } else {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        }
    }
    return out;
}

bool isJsonContentType(std::string_view content_type) {
    const std::size_t semicolon = content_type.find(';');
    const std::string_view media = trim(content_type.substr(0, semicolon));
    const bool json = equalsIgnoreCase(media, "application/json") ||
                      (media.size() > 17 && equalsIgnoreCase(media.substr(0, 12), "application/") &&
                       equalsIgnoreCase(media.substr(media.size() - 5), "+json"));
    if (!json) return false;
    std::string_view params =
        semicolon == std::string_view::npos ? std::string_view{} : content_type.substr(semicolon + 1);
    while (!params.empty()) {
        const std::size_t next = params.find(';');
        const std::string_view param = trim(params.substr(0, next));
        params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
        const std::size_t eq = param.find('=');
        if (eq == std::string_view::npos || !equalsIgnoreCase(trim(param.substr(0, eq)), "charset")) continue;
        std::string_view charset = trim(param.substr(eq + 1));
        if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
            charset = charset.substr(1, charset.size() - 2);
        }
        if (!equalsIgnoreCase(charset, "utf-8") && !equalsIgnoreCase(charset, "utf8")) return false;
    }
    return true;
}

}  // namespace crossdock::server
