#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crossdock/core/json.h"

namespace crossdock::server {

/// HTTP header fields in arrival order, looked up case-insensitively.
class Headers {
public:
    /// Appends a field (a name may repeat).
    void add(std::string name, std::string value);
    /// Replaces every field named `name` by one field.
    void set(std::string name, std::string value);
    /// The first value of `name`, or nullopt. The view lives as long as this object.
    std::optional<std::string_view> get(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }
    const std::vector<std::pair<std::string, std::string>>& all() const { return fields_; }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

/// The values of a route's `{name}` segments, percent-decoded.
using PathParams = std::vector<std::pair<std::string, std::string>>;

/// A complete HTTP request as handlers see it: already read, no socket. The server
/// fills it; tests build one by hand.
struct Request {
    std::string method;        ///< as sent: "GET", "POST", ...
    std::string path;          ///< raw path without the query: "/api/v1/customers/ACME%20CO"
    std::string query_string;  ///< raw text after '?', without it
    Headers headers;
    std::string body;        ///< the whole body; at most server.max_body_bytes
    std::string remote;      ///< peer address "ip:port"
    std::string request_id;  ///< X-Request-Id of this exchange (inbound when sane, else generated)
    PathParams params;       ///< set by the router

    std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
    /// The first value of query parameter `name`, decoded ('+' is a space), or nullopt.
    std::optional<std::string> queryParam(std::string_view name) const;
    /// The path parameter `name`, or nullptr when the route has none by that name.
    const std::string* param(std::string_view name) const;
};

/// What a handler answers. The server adds Content-Length, Date, X-Request-Id and
/// Connection; everything else is here.
struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    Headers headers;  ///< extra fields (Location, Retry-After, ...)

    /// `value` as compact JSON.
    static Response json(int status, const core::Json& value);
    /// A body that is already JSON text (from a JsonWriter).
    static Response jsonText(int status, std::string json_text);
    static Response text(int status, std::string body,
                         std::string content_type = "text/plain; charset=utf-8");
    /// 204 with no body.
    static Response noContent();
};

/// Decodes %XX escapes (and '+' as space when `plus_is_space`). nullopt when an
/// escape is malformed ("%zz", a trailing '%').
std::optional<std::string> percentDecode(std::string_view text, bool plus_is_space);

/// True when the Content-Type value names JSON: "application/json" or any
/// "application/<x>+json", with optional parameters; a charset other than UTF-8
/// is refused.
bool isJsonContentType(std::string_view content_type);

}  // namespace crossdock::server
