#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "crossdock/accounts/auth_service.h"
#include "crossdock/core/result.h"
#include "crossdock/server/runtime.h"

namespace crossdock::server {

/// Every setting `crossdock serve` reads, with its default. docs/configuration.md
/// and samples/crossdock.properties document the same keys: keep them in step.
struct ServerConfig {
    std::string host = "0.0.0.0";                    ///< server.host
    std::uint16_t port = 8080;                       ///< server.port (0: any free port)
    std::string db_url = "sqlite:var/crossdock.db";  ///< db.url
    int db_max_sessions = 32;                        ///< db.max_sessions
    /// server.threads. Poco serves each connection on one thread for its whole
    /// life, idle keep-alive time included, so this bounds open connections
    /// being served, not CPU parallelism.
    int threads = 256;
    int queue = 1024;                             ///< server.queue: accepted connections waiting for a thread
    std::chrono::seconds keep_alive_timeout{10};  ///< server.keep_alive_timeout_seconds
    std::chrono::seconds request_timeout{30};     ///< server.request_timeout_seconds (socket read/write)
    std::chrono::seconds shutdown_grace{30};      ///< server.shutdown_grace_seconds
    std::size_t max_body_bytes = std::size_t{1} << 20;  ///< server.max_body_bytes
    std::string tls_certificate;                        ///< tls.certificate (PEM); HTTPS when set
    std::string tls_private_key;                        ///< tls.private_key (PEM)
    std::string access_log = "-";                       ///< log.access: "-" stderr, "off", or a file
    accounts::AuthOptions auth;                         ///< auth.*
    RuntimeOptions runtime;                             ///< runtime.*
    std::string web_root;  ///< web.root: the portal's files; default the repository's web/ (build time)

    bool tlsEnabled() const { return !tls_certificate.empty() || !tls_private_key.empty(); }
};

/// Reads ServerConfig from `config`; absent keys keep their defaults.
/// InvalidArgument naming the key when a value is malformed or out of range
/// ("server.threads must be an integer in 1..4096, got 'many'"), or when only one
/// of tls.certificate / tls.private_key is set.
core::Result<ServerConfig> loadServerConfig(const Poco::Util::AbstractConfiguration& config);

}  // namespace crossdock::server
