#pragma once

#include <string_view>

#include "crossdock/core/error.h"
#include "crossdock/core/json.h"
#include "crossdock/server/http.h"

namespace crossdock::server {

/// The HTTP status of an expected failure. This function is the one place where
/// core::ErrorCode meets HTTP:
///
///   invalid_argument 400, not_found 404, conflict 409, unauthenticated 401,
///   permission_denied 403, rate_limited 429, failed_precondition 409,
///   overflow 422, unavailable 503, internal 500.
int httpStatusFor(core::ErrorCode code);

/// The CONTRACT error envelope for `error`:
/// {"error":{"code":"<snake_case code>","message":"...","details":{...}}}, with
/// `details.where` when error.where is set. 401 answers carry
/// `WWW-Authenticate: Bearer`.
Response errorResponse(const core::Error& error);

/// The envelope for a failure that has no core::ErrorCode because it is about HTTP
/// itself (unknown route, wrong method, body too large, wrong media type,
/// malformed JSON). `details` must be an object.
Response errorResponse(int status, std::string_view code, std::string_view message,
                       const core::Json& details = core::Json::object());

}  // namespace crossdock::server
