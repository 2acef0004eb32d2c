#pragma once
// Route registration, one function per group of endpoints. Each takes only the
// services its handlers use, so a handler cannot reach the rest of the server.
// routes.cpp calls them all; a new module adds its own register*Routes here.

#include <chrono>

#include "crossdock/accounts/auth_service.h"
#include "crossdock/accounts/repositories.h"
#include "crossdock/server/metrics.h"
#include "crossdock/server/router.h"

namespace crossdock::server {

/// GET /healthz, GET /metrics (public).
void registerHealthRoutes(Router& router, const HttpMetrics& metrics);

/// POST /api/v1/auth/token (public), GET /api/v1/me. `retry_after` is sent with 429.
void registerAuthRoutes(Router& router, accounts::AuthService& auth, std::chrono::seconds retry_after);

/// POST /api/v1/customers, GET /api/v1/customers/{id}, GET /api/v1/customers.
void registerCustomerRoutes(Router& router, accounts::CompanyRepository& companies);

/// POST /api/v1/users, GET /api/v1/users/{id}.
void registerUserRoutes(Router& router, accounts::UserRepository& users);

}  // namespace crossdock::server
