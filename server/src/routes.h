#pragma once

#include "crossdock/accounts/auth_service.h"
#include "crossdock/core/clock.h"
#include "crossdock/server/metrics.h"
#include "crossdock/server/router.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"
#include "server_config.h"

namespace crossdock::server {

/// The long-lived objects endpoints are built from. Owned by the serve command;
/// register*Routes functions take only the parts they need from it.
struct Services {
    storage::Store& store;
    accounts::AuthService& auth;
    const core::Clock& clock;
    HttpMetrics& metrics;
    const ServerConfig& config;
    Runtime& runtime;  ///< live catalog and prices, sales and EDI services, background jobs
};

/// Registers every endpoint of the server: the one list to extend when a module
/// gains an HTTP API.
void registerRoutes(Router& router, const Services& services);

}  // namespace crossdock::server
