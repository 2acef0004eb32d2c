// The request pipeline: each step either answers with an error envelope or hands
// over to the next; exceptions are caught here, once, and become a 500.
#include "pipeline.h"

#include <optional>
#include <utility>

#include "crossdock/core/json.h"
#include "crossdock/server/error_mapping.h"
#include "event_log.h"

namespace crossdock::server {

namespace {

/// The credential of "Authorization: Bearer <credential>", or nullopt.
std::optional<std::string> bearerCredential(const Request& request) {
    auto header = request.header("Authorization");
    if (!header) return std::nullopt;
    std::string_view value = *header;
    constexpr std::string_view kScheme = "bearer ";
    if (value.size() <= kScheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        const char c = value[i];
        const char lowered = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lowered != kScheme[i]) return std::nullopt;
    }
    value.remove_prefix(kScheme.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    return std::string(value);
}

Response malformedJson(const core::Error& error, const core::JsonTextPosition& position) {
    core::Json details = core::Json::object();
    details.set("line", position.line);
    details.set("column", position.column);
    details.set("offset", position.offset);
    return errorResponse(400, "malformed_json", "malformed JSON: " + error.message + " at " + error.where,
                         details);
}

}  // namespace

PipelineResult Pipeline::handle(Request& request) const {
    return handle(request, router_.match(request.method, request.path));
}

PipelineResult Pipeline::handle(Request& request, RouteMatch match) const {
    const Route* matched = match.route;
    try {
        return dispatch(request, std::move(match));
    } catch (const std::exception& e) {
        logEvent("error", std::string("unhandled exception: ") + e.what(), request.request_id);
    } catch (...) {
        logEvent("error", "unhandled non-standard exception", request.request_id);
    }
    core::Json details = core::Json::object();
    details.set("request_id", request.request_id);
    PipelineResult result;
    result.response = errorResponse(500, "internal", "internal error", details);
    result.route = matched;
    return result;
}

PipelineResult Pipeline::dispatch(Request& request, RouteMatch match) const {
    PipelineResult result;
    result.route = match.route;
    if (match.kind == RouteMatch::Kind::NotFound) {
        result.response =
            errorResponse(404, "not_found", "no route for " + request.method + " " + request.path);
        return result;
    }
    if (match.kind == RouteMatch::Kind::MethodNotAllowed) {
        result.response =
            errorResponse(405, "method_not_allowed",
                          "method " + request.method + " is not allowed here; allowed: " + match.allow);
        result.response.headers.set("Allow", match.allow);
        return result;
    }
    request.params = std::move(match.params);
    result.response = run(*match.route, request);
    return result;
}

Response Pipeline::run(const Route& route, Request& request) const {
    const RouteSpec& spec = route.spec;
    std::optional<accounts::Caller> caller;
    if (spec.access == Access::Authenticated) {
        auto credential = bearerCredential(request);
        if (!credential) {
            return errorResponse(core::makeError(core::ErrorCode::Unauthenticated,
                                                 "missing credentials: send Authorization: Bearer <token>"));
        }
        auto authenticated = authenticator_(*credential);
        if (!authenticated) return errorResponse(authenticated.error());
        caller = std::move(*authenticated);
        if (spec.action) {
            auto allowed = accounts::authorize(*caller, *spec.action);
            if (!allowed) return errorResponse(allowed.error());
        }
    }
    std::optional<core::Json> body;
    if (spec.body == BodyKind::Json) {
        auto content_type = request.header("Content-Type");
        if (!content_type || !isJsonContentType(*content_type)) {
            return errorResponse(415, "unsupported_media_type",
                                 "the body must be JSON: send Content-Type: application/json");
        }
        core::JsonTextPosition position;
        auto parsed = core::parseJson(request.body, {}, &position);
        if (!parsed) return malformedJson(parsed.error(), position);
        body = std::move(*parsed);
    }
    RequestContext context(request, caller ? &*caller : nullptr, body ? &*body : nullptr);
    auto answer = spec.handler(context);
    if (!answer) return errorResponse(answer.error());
    return std::move(*answer);
}

}  // namespace crossdock::server
