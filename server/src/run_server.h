#pragma once

#include "server_config.h"

namespace crossdock::server {

/// Runs the server with `config` until SIGTERM, SIGINT or SIGQUIT: opens and
/// migrates the database, starts listening, then shuts down gracefully. Returns
/// 0 after a clean stop, 1 when start-up fails (message on stderr).
int runServer(const ServerConfig& config);

}  // namespace crossdock::server
