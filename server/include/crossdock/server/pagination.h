#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/server/http.h"

namespace crossdock::server {

/// Cursor pagination as CONTRACT defines it: every list answers
/// {"items":[...],"next_cursor":"..."|null}, and the client passes next_cursor
/// back as ?cursor= for the next page. A cursor is opaque to clients: base64url
/// of a key the repository understands (typically the last id of the page).

inline constexpr std::size_t kDefaultPageSize = 50;
inline constexpr std::size_t kMaxPageSize = 200;

/// The page size from ?limit= (default kDefaultPageSize). InvalidArgument
/// (where "limit") unless an integer in 1..max_limit.
core::Result<std::size_t> pageLimit(const Request& request, std::size_t default_limit = kDefaultPageSize,
                                    std::size_t max_limit = kMaxPageSize);

/// The key inside ?cursor=, or "" when absent (the first page). InvalidArgument
/// (where "cursor") when the cursor was not made by encodeCursor().
core::Result<std::string> pageCursor(const Request& request);

/// The opaque cursor for `key`.
std::string encodeCursor(std::string_view key);

/// Writes {"items":[<items_json>],"next_cursor":...} where `items_json` is the
/// comma-separated items already serialized; next_cursor is null when absent.
std::string listEnvelope(std::string_view items_json, const std::optional<std::string>& next_cursor_key);

}  // namespace crossdock::server
