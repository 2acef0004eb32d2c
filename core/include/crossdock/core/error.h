#pragma once

#include <string>
#include <string_view>

namespace crossdock::core {

/// The kinds of expected failure. Each boundary maps them outward once:
/// the server to an HTTP status, the EDI layer to acknowledgement codes.
enum class ErrorCode {
    InvalidArgument,     ///< malformed or out-of-range input (HTTP 400/422)
    NotFound,            ///< no such object, or not visible to the caller (HTTP 404)
    Conflict,            ///< duplicate or stale write (HTTP 409)
    Unauthenticated,     ///< missing or bad credentials (HTTP 401)
    PermissionDenied,    ///< authenticated but not allowed (HTTP 403)
    RateLimited,         ///< too many attempts (HTTP 429)
    FailedPrecondition,  ///< the object is in the wrong state for this (HTTP 409/422)
    Overflow,            ///< a number does not fit (HTTP 422)
    Unavailable,         ///< a dependency is down; worth retrying (HTTP 503)
    Internal,            ///< a bug or an unexpected state (HTTP 500)
};

/// Stable snake_case name of a code, as it appears in JSON error envelopes.
std::string_view toString(ErrorCode code);

/// An expected failure: a code, a human message and where it happened
/// ("catalog.csv:12 field gtin", "$.lines[2].quantity", "segment 14 PO1 element 2").
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string where;

    /// "message (where)" or just "message" when `where` is empty.
    std::string describe() const;
};

inline Error makeError(ErrorCode code, std::string message, std::string where = {}) {
    return Error{code, std::move(message), std::move(where)};
}

}  // namespace crossdock::core
