#pragma once
// Idempotency-Key on API writes (POST /api/v1/orders): the same key with the same body
// answers what the first request answered; the same key with another body answers 422.

#include <functional>

#include "crossdock/core/clock.h"
#include "crossdock/core/result.h"
#include "crossdock/server/http.h"
#include "crossdock/server/request_context.h"
#include "crossdock/storage/sales_repositories.h"

namespace crossdock::server {

/// Runs `handle` once per (caller, Idempotency-Key) and replays its answer (status and
/// body, with `Idempotent-Replayed: true`) to repeats with the same body (SHA-256 of the
/// bytes). A repeat with another body: 422 idempotency_key_reused. A repeat while the
/// first is still running: 409. Without the header, just runs `handle`. Answers of
/// status 5xx and exceptions are not kept (the key can be retried).
core::Result<Response> withIdempotencyKey(storage::IdempotencyRepository& keys, const core::Clock& clock,
                                          const RequestContext& ctx,
                                          const std::function<core::Result<Response>()>& handle);

}  // namespace crossdock::server
