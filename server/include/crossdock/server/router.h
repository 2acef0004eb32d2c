#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/accounts/authorization.h"
#include "crossdock/core/result.h"
#include "crossdock/server/http.h"
#include "crossdock/server/request_context.h"

namespace crossdock::server {

/// A request handler. Returns the answer, or an expected failure that the server
/// turns into the error envelope with the status of its code (error_mapping.h).
/// Exceptions mean "internal error": the server logs them with the request id and
/// answers 500 without details. Called concurrently from many threads.
using Handler = std::function<core::Result<Response>(const RequestContext&)>;

/// Who may call a route.
enum class Access {
    Public,         ///< no credentials needed (health, metrics, sign-in)
    Authenticated,  ///< a valid bearer token or API key, else 401
};

/// What the route expects as a body.
enum class BodyKind {
    None,  ///< any body is ignored
    Json,  ///< Content-Type must be JSON (else 415) and the body must parse (else 400
           ///< with line and column); the handler reads it with RequestContext::json()
};

/// Everything needed to register a route, written with designated initializers:
///
///     router.add({.method = "GET", .pattern = "/api/v1/customers/{id}",
///                 .handler = [&](const RequestContext& ctx) { ... },
///                 .action = accounts::Action::ReadCompany});
struct RouteSpec {
    std::string method{};   ///< "GET", "POST", "PUT", "PATCH", "DELETE"
    std::string pattern{};  ///< "/literal/{param}/...": whole segments only, names unique
    Handler handler{};
    Access access = Access::Authenticated;
    BodyKind body = BodyKind::None;
    /// Checked with accounts::authorize() before the handler runs (403 when
    /// denied). Company scope remains the handler's job.
    std::optional<accounts::Action> action{};
    /// The largest body this route takes; 0: server.max_body_bytes. Only a larger value has an
    /// effect (routes that take whole documents: POST /edi/inbound).
    std::size_t max_body_bytes = 0;
};

/// A registered route. `index` is dense (0, 1, ...) in registration order; metrics
/// use it. `pattern` is the route label in logs and metrics.
struct Route {
    RouteSpec spec;
    std::size_t index = 0;

    struct Segment {
        std::string text;  ///< literal text, or the parameter name
        bool is_param = false;
    };
    std::vector<Segment> segments;
};

/// The outcome of matching a method and path.
struct RouteMatch {
    enum class Kind { Found, MethodNotAllowed, NotFound };
    Kind kind = Kind::NotFound;
    /// Found: the route. MethodNotAllowed: the best route for that path (its label).
    const Route* route = nullptr;
    PathParams params;  ///< Found only
    std::string allow;  ///< MethodNotAllowed only: "GET, POST"
};

/// Maps (method, path) to a route. Literal segments win over parameters at the
/// same position ("/quotes/search" before "/quotes/{id}"); when the best path
/// lacks the method, the next path that has it is used. HEAD falls back to the
/// GET route of the path (the server sends no body). Register every route
/// before the server starts: add() is not thread-safe, match() is (const).
class Router {
public:
    /// Adds a route and returns it (the reference is valid until the next add()).
    /// Throws std::invalid_argument for an empty method, a pattern that does not
    /// start with '/', an empty segment, a malformed or repeated "{param}", a
    /// missing handler, or a duplicate (method, pattern).
    const Route& add(RouteSpec spec);

    /// Finds the route for `method` and the raw `path` (segments are
    /// percent-decoded before comparison; a malformed escape matches nothing).
    RouteMatch match(std::string_view method, std::string_view path) const;

    /// Registered routes, by index.
    const std::vector<Route>& routes() const { return routes_; }
    /// The pattern of each route, by index (a pattern repeats when several methods
    /// share it): the `route` label of metrics and access logs.
    std::vector<std::string> routeLabels() const;

private:
    std::vector<Route> routes_;
};

}  // namespace crossdock::server
