#include "order_idempotency.h"

#include "crossdock/accounts/password.h"
#include "crossdock/server/error_mapping.h"

namespace crossdock::server {
namespace {

constexpr std::size_t kMaxKeyLength = 200;

std::string scopeOf(const accounts::Caller& caller) {
    if (caller.user_id != 0) return "user:" + std::to_string(caller.user_id);
    return "partner:" + caller.partner_id;
}

Response replay(const storage::IdempotentAnswer& answer, const std::string& hash) {
    if (answer.request_hash != hash) {
        return errorResponse(422, "idempotency_key_reused",
                             "this Idempotency-Key was used with another request body");
    }
    if (answer.status == 0) {
        return errorResponse(409, "conflict", "a request with this Idempotency-Key is still being processed");
    }
    Response response = Response::jsonText(answer.status, answer.body);
    response.headers.set("Idempotent-Replayed", "true");
    return response;
}

}  // namespace

core::Result<Response> withIdempotencyKey(storage::IdempotencyRepository& keys, const core::Clock& clock,
                                          const RequestContext& ctx,
                                          const std::function<core::Result<Response>()>& handle) {
    auto header = ctx.request().header("Idempotency-Key");
    if (!header) return handle();
    const std::string key(*header);
    if (key.empty() || key.size() > kMaxKeyLength) {
        return core::makeError(core::ErrorCode::InvalidArgument, "Idempotency-Key must be 1..200 characters",
                               "Idempotency-Key");
    }
    const std::string scope = scopeOf(ctx.caller());
    const std::string hash = accounts::sha256Hex(ctx.request().body);
    if (!keys.claim(scope, key, hash, clock.now())) {
        auto existing = keys.find(scope, key);
        if (existing) return replay(*existing, hash);
        if (!keys.claim(scope, key, hash, clock.now())) {
            return errorResponse(409, "conflict",
                                 "a request with this Idempotency-Key is still being processed");
        }
    }
    core::Result<Response> result = core::makeError(core::ErrorCode::Internal, "unset");
    try {
        result = handle();
    } catch (...) {
        keys.release(scope, key);
        throw;
    }
    Response response = result.ok() ? *result : errorResponse(result.error());
    if (response.status >= 500) {
        keys.release(scope, key);
    } else {
        keys.complete(scope, key, response.status, response.body);
    }
    return response;
}

}  // namespace crossdock::server
