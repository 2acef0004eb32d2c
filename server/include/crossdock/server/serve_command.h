#pragma once

#include <string>
#include <vector>

namespace crossdock::server {

/// `crossdock serve [--config FILE] [--port N] [--db URL] ...`: runs the server
/// until SIGTERM/SIGINT. `args` are the words after "serve". Returns the
/// process exit code (0 after a clean shutdown, 1 on a start-up failure such
/// as an unusable database, 2 on a usage error).
int serveCommand(const std::vector<std::string>& args);

}  // namespace crossdock::server
