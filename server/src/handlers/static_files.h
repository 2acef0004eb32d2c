#pragma once
// Serving the portal's static files (web/): the pure parts, testable without a
// server. static_handlers.cpp turns them into routes.

#include <optional>
#include <string>
#include <string_view>

#include "crossdock/server/http.h"

namespace crossdock::server {

/// The Content-Type of a portal asset by its extension ("app.js" → "text/javascript;
/// charset=utf-8"), or nullopt for any extension the portal does not serve (so a
/// stray ".bak" or extension-less file is never sent).
std::optional<std::string_view> staticContentType(std::string_view file_name);

/// True when `segment` may name a file or folder under the web root: 1..128
/// characters of A-Z a-z 0-9 . _ -, not starting with '.' (no "..", no hidden files,
/// no separators, no NUL). Applied to the already percent-decoded path segment.
bool isSafeStaticSegment(std::string_view segment);

/// A strong ETag for `content`: a quoted 64-bit FNV-1a hash in hex plus the size.
std::string staticEtag(std::string_view content);

/// True when an If-None-Match header value matches `etag` ("*", or a comma-separated
/// list of tags, weak W/ tags compared weakly as RFC 9110 says for GET).
bool etagMatches(std::string_view if_none_match, std::string_view etag);

/// Sets the security headers every portal answer carries: a strict
/// Content-Security-Policy (scripts, styles, fonts, images and fetch only from this
/// origin; no inline script; frame-ancestors 'none'), X-Content-Type-Options: nosniff,
/// X-Frame-Options: DENY, Referrer-Policy: no-referrer.
void addPortalSecurityHeaders(Response& response);

/// The answer for file `relative` (already checked segment by segment) under
/// `web_root`: 200 with the bytes, 304 when `if_none_match` matches, or 404 when
/// the file does not exist, is not a regular file, escapes the root through a
/// symbolic link, or has an extension that is not served. Reads the file on every
/// call (so edits show without a restart); throws std::runtime_error when an
/// existing file cannot be read.
Response serveStaticFile(const std::string& web_root, const std::string& relative,
                         std::optional<std::string_view> if_none_match);

}  // namespace crossdock::server
