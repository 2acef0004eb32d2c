// The one place where expected failures become HTTP statuses and error envelopes.
#include "crossdock/server/error_mapping.h"

namespace crossdock::server {

int httpStatusFor(core::ErrorCode code) {
    using core::ErrorCode;
    switch (code) {
        case ErrorCode::InvalidArgument:
            return 400;
        case ErrorCode::NotFound:
            return 404;
        case ErrorCode::Conflict:
            return 409;
        case ErrorCode::Unauthenticated:
            return 401;
        case ErrorCode::PermissionDenied:
            return 403;
        case ErrorCode::RateLimited:
            return 429;
        case ErrorCode::FailedPrecondition:
            return 409;
        case ErrorCode::Overflow:
            return 422;
        case ErrorCode::Unavailable:
            return 503;
        case ErrorCode::Internal:
            return 500;
    }
    return 500;
}

Response errorResponse(const core::Error& error) {
    core::Json details = core::Json::object();
    if (!error.where.empty()) details.set("where", error.where);
    return errorResponse(httpStatusFor(error.code), core::toString(error.code), error.message, details);
}

Response errorResponse(int status, std::string_view code, std::string_view message,
                       const core::Json& details) {
    core::JsonWriter writer(128 + message.size());
    writer.beginObject().key("error").beginObject();
    writer.field("code", code).field("message", message).key("details").value(details);
    writer.endObject().endObject();
    Response response = Response::jsonText(status, writer.take());
    if (status == 401) response.headers.set("WWW-Authenticate", "Bearer realm=\"crossdock\"");
    return response;
}

}  // namespace crossdock::server
