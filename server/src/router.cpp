// Route table and matching. A linear scan over pre-split patterns: with a few dozen
// routes this costs well under a microsecond and keeps the rules easy to read.
#include "crossdock/server/router.h"

#include <algorithm>
#include <stdexcept>

namespace crossdock::server {

namespace {

std::vector<std::string_view> splitPath(std::string_view path) {
    std::vector<std::string_view> segments;
    path.remove_prefix(1);  // leading '/'
    while (true) {
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool isParamName(std::string_view name) {
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::vector<Route::Segment> parsePattern(const std::string& pattern) {
    if (pattern.empty() || pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    }
    std::vector<Route::Segment> segments;
    if (pattern == "/") return segments;
    for (std::string_view text : splitPath(pattern)) {
        if (text.empty()) throw std::invalid_argument("empty segment in route pattern: " + pattern);
        const bool is_param = text.front() == '{';
        if (is_param) {
            if (text.back() != '}' || !isParamName(text.substr(1, text.size() - 2))) {
                throw std::invalid_argument("malformed parameter in route pattern: " + pattern);
            }
            text = text.substr(1, text.size() - 2);
            for (const auto& s : segments) {
                if (s.is_param && s.text == text) {
                    throw std::invalid_argument("repeated parameter in route pattern: " + pattern);
                }
            }
        } else if (text.find_first_of("{}") != std::string_view::npos) {
            throw std::invalid_argument("braces inside a literal segment: " + pattern);
        }
        segments.push_back({std::string(text), is_param});
    }
    return segments;
}

/// Decoded path segments, or nullopt when the path is not origin-form or has a bad escape.
std::optional<std::vector<std::string>> decodePath(std::string_view path) {
    if (path.empty() || path.front() != '/') return std::nullopt;
    std::vector<std::string> decoded;
    if (path == "/") return decoded;
    for (std::string_view raw : splitPath(path)) {
        auto segment = percentDecode(raw, false);
        if (!segment) return std::nullopt;
        decoded.push_back(std::move(*segment));
    }
    return decoded;
}

bool matches(const Route& route, const std::vector<std::string>& segments) {
    if (route.segments.size() != segments.size()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& pattern = route.segments[i];
        if (pattern.is_param ? segments[i].empty() : pattern.text != segments[i]) return false;
    }
    return true;
}

/// True when `a` is more specific than `b`: at the first position where one has a
/// literal and the other a parameter, the literal wins.
bool moreSpecific(const Route* a, const Route* b) {
    for (std::size_t i = 0; i < a->segments.size(); ++i) {
        if (a->segments[i].is_param != b->segments[i].is_param) return !a->segments[i].is_param;
    }
    return false;
}

PathParams paramsOf(const Route& route, std::vector<std::string>& segments) {
    PathParams params;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (route.segments[i].is_param) params.emplace_back(route.segments[i].text, std::move(segments[i]));
    }
    return params;
}

}  // namespace

const Route& Router::add(RouteSpec spec) {
    if (spec.method.empty()) throw std::invalid_argument("route without a method: " + spec.pattern);
    if (!spec.handler) throw std::invalid_argument("route without a handler: " + spec.pattern);
    Route route;
    route.segments = parsePattern(spec.pattern);
    for (const auto& existing : routes_) {
        if (existing.spec.method == spec.method && existing.spec.pattern == spec.pattern) {
            throw std::invalid_argument("duplicate route: " + spec.method + " " + spec.pattern);
        }
    }
    route.index = routes_.size();
    route.spec = std::move(spec);
    routes_.push_back(std::move(route));
    return routes_.back();
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    auto segments = decodePath(path);
    if (!segments) return result;
    std::vector<const Route*> candidates;
    candidates.reserve(4);
    for (const auto& route : routes_) {
        if (matches(route, *segments)) candidates.push_back(&route);
    }
    if (candidates.empty()) return result;
    // A stable insertion sort: a handful of candidates, and no temporary buffer
    // (std::stable_sort allocates one per call).
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        const Route* route = candidates[i];
        std::size_t j = i;
        for (; j > 0 && moreSpecific(route, candidates[j - 1]); --j) candidates[j] = candidates[j - 1];
        candidates[j] = route;
    }
    // A method falls through to a less specific route (GET /api/v1/quotes/search reaches
    // GET /api/v1/quotes/{id}), but never to one made of parameters only: GET /as2 is a 405
    // from POST /as2, not a hit of the portal's GET /{file}.
    auto all_params = [](const Route* route) {
        return std::all_of(route->segments.begin(), route->segments.end(),
                           [](const auto& segment) { return segment.is_param; });
    };
    if (!all_params(candidates.front())) std::erase_if(candidates, all_params);
    // HEAD is GET without the body (Poco leaves the body out): it needs no route of its own.
    const bool head = method == "HEAD";
    for (int pass = 0; pass < (head ? 2 : 1); ++pass) {
        const std::string_view wanted = pass == 0 ? method : std::string_view("GET");
        for (const Route* route : candidates) {
            if (route->spec.method != wanted) continue;
            result.kind = RouteMatch::Kind::Found;
            result.route = route;
            result.params = paramsOf(*route, *segments);
            return result;
        }
    }
    std::vector<std::string> methods;
    methods.reserve(candidates.size());
    for (const Route* route : candidates) methods.push_back(route->spec.method);
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    result.kind = RouteMatch::Kind::MethodNotAllowed;
    result.route = candidates.front();
    for (const auto& m : methods) result.allow += (result.allow.empty() ? "" : ", ") + m;
    return result;
}

std::vector<std::string> Router::routeLabels() const {
    std::vector<std::string> labels;
    labels.reserve(routes_.size());
    for (const auto& route : routes_) labels.push_back(route.spec.pattern);
    return labels;
}

}  // namespace crossdock::server
