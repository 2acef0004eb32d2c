// Sign-in (token issue) and "who am I".
#include "crossdock/server/error_mapping.h"
#include "crossdock/server/json_fields.h"
#include "handlers.h"
#include "views.h"

namespace crossdock::server {

namespace {

core::Result<Response> issueToken(accounts::AuthService& auth, std::chrono::seconds retry_after,
                                  const RequestContext& ctx) {
    auto email = requiredString(ctx.json(), "email");
    if (!email) return email.takeError();
    auto password = requiredString(ctx.json(), "password");
    if (!password) return password.takeError();
    auto issued = auth.login(*email, *password);
    if (!issued) {
        Response refused = errorResponse(issued.error());
        if (issued.error().code == core::ErrorCode::RateLimited) {
            refused.headers.set("Retry-After", std::to_string(retry_after.count()));
        }
        return refused;
    }
    core::JsonWriter out(160);
    out.beginObject()
        .field("token", issued->token)
        .field("token_type", "Bearer")
        .field("expires_at", formatUtc(issued->expires_at))
        .endObject();
    Response response = Response::jsonText(200, out.take());
    response.headers.set("Cache-Control", "no-store");
    return response;
}

}  // namespace

void registerAuthRoutes(Router& router, accounts::AuthService& auth, std::chrono::seconds retry_after) {
    router.add({.method = "POST",
                .pattern = "/api/v1/auth/token",
                .handler = [&auth, retry_after](
                               const RequestContext& ctx) { return issueToken(auth, retry_after, ctx); },
                .access = Access::Public,
                .body = BodyKind::Json});
    router.add({.method = "GET",
                .pattern = "/api/v1/me",
                .handler = [](const RequestContext& ctx) -> core::Result<Response> {
                    core::JsonWriter out(160);
                    writeCaller(out, ctx.caller());
                    return Response::jsonText(200, out.take());
                }});
}

}  // namespace crossdock::server
