#pragma once
// Route registration, one function per group of endpoints. Each takes only the
// services its handlers use, so a handler cannot reach the rest of the server.
// routes.cpp calls them all; a new module adds its own register*Routes here.

#include <chrono>
#include <string>

#include "crossdock/accounts/auth_service.h"
#include "crossdock/accounts/repositories.h"
#include "crossdock/edi/repositories.h"
#include "crossdock/server/metrics.h"
#include "crossdock/server/router.h"
#include "crossdock/server/runtime.h"

namespace crossdock::server {

/// GET /healthz, GET /metrics (public).
void registerHealthRoutes(Router& router, const HttpMetrics& metrics);

/// POST /api/v1/auth/token (public), GET /api/v1/me. `retry_after` is sent with 429.
void registerAuthRoutes(Router& router, accounts::AuthService& auth, std::chrono::seconds retry_after);

/// POST /api/v1/customers, GET /api/v1/customers/{id}, GET /api/v1/customers.
void registerCustomerRoutes(Router& router, Runtime& runtime);

/// GET /api/v1/products, GET /api/v1/products/{sku}.
void registerProductRoutes(Router& router, Runtime& runtime);

/// POST /api/v1/prices/resolve, POST /api/v1/prices/explain.
void registerPriceRoutes(Router& router, Runtime& runtime);

/// /api/v1/price-lists[/{id}[/entries]]: headers and entries (ManagePrices).
void registerPriceListRoutes(Router& router, Runtime& runtime);

/// POST /api/v1/imports/{kind} (CSV body; staff with the matching permission).
void registerImportRoutes(Router& router, Runtime& runtime);

/// POST /api/v1/users, GET /api/v1/users/{id}.
void registerUserRoutes(Router& router, accounts::UserRepository& users);

/// What the partner endpoints use.
struct PartnerRouteDeps {
    edi::PartnerRepository& partners;
    const accounts::CompanyRepository& companies;  ///< a partner's customer must exist
    accounts::AuthService& auth;                   ///< issues the partner's API key
};

/// POST /api/v1/partners (answers the API key once), PUT/GET /api/v1/partners/{id},
/// GET /api/v1/partners: admin only.
void registerPartnerRoutes(Router& router, const PartnerRouteDeps& deps);

struct EdiServices;  // state/edi_services.h

/// POST /edi/inbound (partner API key), GET /api/v1/edi/messages[/{id}[/raw]] (staff),
/// POST /api/v1/edi/messages/{id}/replay (admin).
void registerEdiRoutes(Router& router, EdiServices& edi);

struct SalesServices;  // state/sales_services.h

/// Quotes: POST/GET /api/v1/quotes, GET/PATCH /api/v1/quotes/{id}, POST /api/v1/quotes/{id}/{action},
/// GET /api/v1/quotes/{id}/versions/{version}, GET /api/v1/quotes/{id}/diff, /events (docs/sales.md).
void registerQuoteRoutes(Router& router, SalesServices& sales);

/// Orders: POST/GET /api/v1/orders, GET /api/v1/orders/{id}, POST /api/v1/orders/{id}/{action},
/// POST/GET /api/v1/orders/{id}/shipments and /invoices, GET /api/v1/orders/{id}/events.
void registerOrderRoutes(Router& router, SalesServices& sales, const core::Clock& clock);

/// GET /api/v1/outbox?state=dead_letter|pending|delivered (admin).
void registerOutboxRoutes(Router& router, SalesServices& sales);

/// The portal's static files under `web_root` (public): GET /, /{file}, /js/{file},
/// /img/{file}, with ETags and the portal's security headers (static_files.h).
void registerStaticRoutes(Router& router, const std::string& web_root);

}  // namespace crossdock::server
