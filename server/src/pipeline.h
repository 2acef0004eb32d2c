#pragma once

#include <functional>
#include <string>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/result.h"
#include "crossdock/server/http.h"
#include "crossdock/server/router.h"

namespace crossdock::server {

/// Turns a bearer credential into a caller (AuthService::authenticate in the
/// server; a fake in tests). May throw on infrastructure failure.
using Authenticator = std::function<core::Result<accounts::Caller>(const std::string& bearer)>;

/// The answer to one request and the route it was counted under.
struct PipelineResult {
    Response response;
    const Route* route = nullptr;  ///< null when no route matched the path
};

/// Everything between "the request has been read" and "the answer is ready",
/// with no sockets: routing (404/405), authentication (401), authorization (403),
/// content type (415), JSON parsing (400 with the position), the handler, and
/// the one catch that turns an exception into a logged 500. Thread-safe.
class Pipeline {
public:
    Pipeline(const Router& router, Authenticator authenticator)
        : router_(router), authenticator_(std::move(authenticator)) {}

    /// Never throws. Fills request.params when a route matches.
    PipelineResult handle(Request& request) const;
    /// The same, with `match` = router.match(request.method, request.path) already
    /// computed by the caller (the HTTP handler matches once to find the body limit).
    PipelineResult handle(Request& request, RouteMatch match) const;

private:
    PipelineResult dispatch(Request& request, RouteMatch match) const;
    Response run(const Route& route, Request& request) const;

    const Router& router_;
    Authenticator authenticator_;
};

}  // namespace crossdock::server
