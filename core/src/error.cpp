#include "crossdock/core/error.h"

namespace crossdock::core {

std::string_view toString(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument:
            return "invalid_argument";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::Conflict:
            return "conflict";
        case ErrorCode::Unauthenticated:
            return "unauthenticated";
        case ErrorCode::PermissionDenied:
            return "permission_denied";
        case ErrorCode::RateLimited:
            return "rate_limited";
        case ErrorCode::FailedPrecondition:
            return "failed_precondition";
        case ErrorCode::Overflow:
            return "overflow";
        case ErrorCode::Unavailable:
            return "unavailable";
        case ErrorCode::Internal:
            return "internal";
    }
    return "internal";
}

std::string Error::describe() const {
    if (where.empty()) return message;
    return message + " (" + where + ")";
}

}  // namespace crossdock::core
