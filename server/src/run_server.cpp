// Start-up and shutdown of the server process. Signals are blocked before any
// thread exists (the database pool, the access log writer and the HTTP workers
// all inherit the mask), and the main thread waits for them with sigwait: no
// async-signal handler, no race with the threads that serve requests.
#include "run_server.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>

#include <Poco/Exception.h>

#include "access_log.h"
#include "crossdock/accounts/auth_service.h"
#include "crossdock/core/clock.h"
#include "crossdock/server/metrics.h"
#include "crossdock/server/router.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"
#include "event_log.h"
#include "http_handler.h"
#include "http_server.h"
#include "pipeline.h"
#include "routes.h"

namespace crossdock::server {

namespace {

sigset_t shutdownSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGQUIT);
    return set;
}

void blockShutdownSignals() {
    const sigset_t set = shutdownSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    // A peer that closes early must cost us an EPIPE, not the process (OpenSSL
    // writes with write(2), which raises SIGPIPE).
    signal(SIGPIPE, SIG_IGN);
}

int waitForShutdownSignal() {
    const sigset_t set = shutdownSignals();
    int signal_number = 0;
    while (sigwait(&set, &signal_number) != 0) {
    }
    return signal_number;
}

std::unique_ptr<storage::Store> openStore(const ServerConfig& config) {
    storage::StoreOptions options;
    options.max_sessions = config.db_max_sessions;
    auto store = storage::Store::open(config.db_url, options);
    const int applied = store->migrate();
    logEvent("info", "database " + store->displayUrl() + ": schema version " +
                         std::to_string(store->schemaVersion()) + " (" + std::to_string(applied) +
                         " migrations applied)");
    return store;
}

std::string listenUrl(const ServerConfig& config, std::uint16_t port) {
    return std::string(config.tlsEnabled() ? "https://" : "http://") + config.host + ":" +
           std::to_string(port);
}

/// Listens until a shutdown signal, then stops gracefully. The exit code.
int serveUntilSignal(const ServerConfig& config, const HandlerEnvironment& environment) {
    if (config.tlsEnabled()) initializeTls();
    std::unique_ptr<HttpServer> server;
    try {
        server = std::make_unique<HttpServer>(config, new HandlerFactory(environment));
    } catch (const Poco::Exception& e) {
        std::cerr << "crossdock serve: cannot listen on " << config.host << ":" << config.port << ": "
                  << e.displayText() << "\n";
        return 1;
    }
    server->start();
    logEvent("info", "crossdock " CROSSDOCK_VERSION " listening on " + listenUrl(config, server->port()));

    const int signal_number = waitForShutdownSignal();
    const char* signal_name = signal_number == SIGINT    ? "SIGINT"
                              : signal_number == SIGQUIT ? "SIGQUIT"
                                                         : "SIGTERM";
    logEvent("info", std::string("received ") + signal_name + ": finishing requests in flight");
    server->stop(config.shutdown_grace);
    server.reset();
    if (config.tlsEnabled()) uninitializeTls();
    logEvent("info", "stopped");
    return 0;
}

}  // namespace

int runServer(const ServerConfig& config) {
    blockShutdownSignals();
    std::unique_ptr<storage::Store> store;
    std::unique_ptr<AccessLog> access_log;
    try {
        store = openStore(config);
    } catch (const std::exception& e) {
        std::cerr << "crossdock serve: cannot open the database: " << e.what() << "\n";
        return 1;
    }
    try {
        access_log = AccessLog::open(config.access_log);
    } catch (const std::exception& e) {
        std::cerr << "crossdock serve: " << e.what() << "\n";
        return 1;
    }
    core::SystemClock clock;
    std::unique_ptr<Runtime> runtime;
    try {
        runtime = std::make_unique<Runtime>(*store, clock, config.runtime);
    } catch (const std::exception& e) {
        std::cerr << "crossdock serve: cannot load the catalog and prices: " << e.what() << "\n";
        return 1;
    }
    accounts::AuthService auth(store->users(), store->credentials(), clock, config.auth);
    HttpMetrics metrics(CROSSDOCK_VERSION);
    Router router;
    registerRoutes(router, Services{*store, auth, clock, metrics, config, *runtime});
    metrics.setRoutes(router.routeLabels());
    Pipeline pipeline(router, [&auth](const std::string& bearer) { return auth.authenticate(bearer); });
    const HandlerEnvironment environment{router, pipeline, metrics, access_log.get(), config.max_body_bytes};
    runtime->start();
    const int exit_code = serveUntilSignal(config, environment);
    runtime->stop();
    return exit_code;
}

}  // namespace crossdock::server
