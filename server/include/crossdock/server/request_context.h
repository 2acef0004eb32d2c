#pragma once

#include <string>
#include <string_view>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/json.h"
#include "crossdock/server/http.h"

namespace crossdock::server {

/// What a handler sees of one request: the request itself, who is asking and the
/// parsed JSON body. Built by the server after routing, authentication,
/// authorization and body parsing have succeeded; handlers never see a request
/// that failed those steps. Borrowed references: valid during the handler call.
class RequestContext {
public:
    /// `caller` is null on public routes; `json` is null on routes without a JSON body.
    RequestContext(const Request& request, const accounts::Caller* caller, const core::Json* json)
        : request_(request), caller_(caller), json_(json) {}

    const Request& request() const { return request_; }
    const std::string& requestId() const { return request_.request_id; }

    bool hasCaller() const { return caller_ != nullptr; }
    /// The authenticated caller. Throws std::logic_error on a public route (a
    /// route registered with Access::Public has no caller).
    const accounts::Caller& caller() const;

    /// The parsed body. Throws std::logic_error unless the route was registered
    /// with BodyKind::Json.
    const core::Json& json() const;

    /// Path parameter `name` ("{id}" in the route pattern). Throws std::logic_error
    /// when the pattern has no such parameter.
    const std::string& param(std::string_view name) const;

private:
    const Request& request_;
    const accounts::Caller* caller_;
    const core::Json* json_;
};

}  // namespace crossdock::server
