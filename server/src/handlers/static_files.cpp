// Static portal assets: content types, path safety, ETags, security headers.
#include "static_files.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "crossdock/server/error_mapping.h"

namespace crossdock::server {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxSegmentLength = 128;
/// Assets are small; anything larger is not part of the portal.
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{16} * 1024 * 1024;

// 'unsafe-inline' is nowhere: scripts are modules loaded from this origin and the
// markup carries no style attributes. connect-src 'self' keeps fetch() on the API.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kContentTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".csv", "text/csv; charset=utf-8"},
    {".map", "application/json"},
}};

bool isSafeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

std::string_view opaqueTag(std::string_view tag) {
    if (tag.size() > 2 && tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
}

/// True when `path` lies inside `root` (both canonical).
bool isInside(const fs::path& root, const fs::path& path) {
    auto [root_end, path_it] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return root_end == root.end() && path_it != path.end();
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw std::runtime_error("cannot read " + path.string());
    return std::move(content).str();
}

Response notFound(const std::string& relative) {
    return errorResponse(404, "not_found", "no such file: /" + relative);
}

}  // namespace

std::optional<std::string_view> staticContentType(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string_view extension = file_name.substr(dot);
    for (const auto& [known, type] : kContentTypes) {
        if (known == extension) return type;
    }
    return std::nullopt;
}

bool isSafeStaticSegment(std::string_view segment) {
    if (segment.empty() || segment.size() > kMaxSegmentLength || segment.front() == '.') return false;
    return std::all_of(segment.begin(), segment.end(), isSafeChar);
}

std::string staticEtag(std::string_view content) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : content) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "\"%016llx-%zx\"", static_cast<unsigned long long>(hash),
                  content.size());
    return buffer;
}

bool etagMatches(std::string_view if_none_match, std::string_view etag) {
    std::size_t start = 0;
    while (start <= if_none_match.size()) {
        const auto comma = if_none_match.find(',', start);
        const auto end = comma == std::string_view::npos ? if_none_match.size() : comma;
        const std::string tag = trim(if_none_match.substr(start, end - start));
        if (tag == "*" || (!tag.empty() && opaqueTag(tag) == opaqueTag(etag))) return true;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return false;
}

void addPortalSecurityHeaders(Response& response) {
    response.headers.set("Content-Security-Policy", kContentSecurityPolicy);
    response.headers.set("X-Content-Type-Options", "nosniff");
    response.headers.set("X-Frame-Options", "DENY");
    response.headers.set("Referrer-Policy", "no-referrer");
}

Response serveStaticFile(const std::string& web_root, const std::string& relative,
                         std::optional<std::string_view> if_none_match) {
    const auto content_type = staticContentType(relative);
    if (!content_type) return notFound(relative);
    std::error_code ec;
    const fs::path root = fs::canonical(web_root, ec);
    if (ec)
        return errorResponse(404, "not_found", "the portal is not installed (web.root: " + web_root + ")");
    const fs::path path = fs::canonical(root / relative, ec);
    if (ec || !isInside(root, path) || !fs::is_regular_file(path, ec)) return notFound(relative);
    if (fs::file_size(path, ec) > kMaxFileBytes || ec) return notFound(relative);

    std::string content = readFile(path);
    const std::string etag = staticEtag(content);
    Response response;
    if (if_none_match && etagMatches(*if_none_match, etag)) {
        response.status = 304;
        response.content_type.clear();
    } else {
        response.status = 200;
        response.content_type = std::string(*content_type);
        response.body = std::move(content);
    }
    response.headers.set("ETag", etag);
    // Names are not fingerprinted: let the browser keep a copy but revalidate it
    // (a cheap 304) so a new release is picked up at once.
    response.headers.set("Cache-Control", "no-cache");
    addPortalSecurityHeaders(response);
    return response;
}

}  // namespace crossdock::server
