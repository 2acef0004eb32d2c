// The Poco HTTP(S) server with our sizing. Poco serves a connection on one pool
// thread for its whole life, idle keep-alive time included: with N threads, N
// idle keep-alive clients would starve a new one. So the pool is sized well above
// the expected number of concurrent connections (256 by default) and idle
// connections are dropped after server.keep_alive_timeout_seconds (10 s).
#include "http_server.h"

#include <future>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "event_log.h"

namespace crossdock::server {

namespace {

constexpr int kListenBacklog = 1024;
constexpr int kThreadIdleSeconds = 60;

Poco::Net::HTTPServerParams::Ptr makeParams(const ServerConfig& config) {
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config.threads);
    params->setMaxQueued(config.queue);
    params->setThreadIdleTime(Poco::Timespan(kThreadIdleSeconds, 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(config.keep_alive_timeout.count(), 0));
    params->setMaxKeepAliveRequests(0);  // unlimited
    params->setTimeout(Poco::Timespan(config.request_timeout.count(), 0));
    return params;
}

Poco::Net::Context::Ptr makeTlsContext(const ServerConfig& config) {
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, config.tls_private_key,
                               config.tls_certificate, "", Poco::Net::Context::VERIFY_NONE);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    context->enableSessionCache(true, "crossdock");
    return context;
}

Poco::Net::ServerSocket bindSocket(const ServerConfig& config) {
    const Poco::Net::SocketAddress address(config.host, config.port);
    if (config.tlsEnabled()) {
        return Poco::Net::SecureServerSocket(address, kListenBacklog, makeTlsContext(config));
    }
    Poco::Net::ServerSocket socket;
    socket.bind(address, true);
    socket.listen(kListenBacklog);
    return socket;
}

}  // namespace

HttpServer::HttpServer(const ServerConfig& config, const Poco::Net::HTTPRequestHandlerFactory::Ptr& factory)
    : pool_(2, config.threads + 4, kThreadIdleSeconds) {
    Poco::Net::ServerSocket socket = bindSocket(config);
    port_ = socket.address().port();
    server_ = std::make_unique<Poco::Net::HTTPServer>(factory, pool_, socket, makeParams(config));
}

HttpServer::~HttpServer() {
    if (running_) stop(std::chrono::seconds(0));
}

void HttpServer::start() {
    server_->start();
    running_ = true;
}

void HttpServer::stop(std::chrono::seconds grace) {
    if (!running_) return;
    running_ = false;
    // stopAll(false) waits for each connection's request in flight, then closes
    // it. A client that never finishes its request would hold us forever, so a
    // watchdog aborts the remaining connections once the grace period is over.
    auto graceful = std::async(std::launch::async, [this] { server_->stopAll(false); });
    if (graceful.wait_for(grace) == std::future_status::timeout) {
        logEvent("warn", "shutdown grace period over: closing the remaining connections");
        server_->stopAll(true);
    }
    graceful.get();
    pool_.joinAll();
}

void initializeTls() { Poco::Net::initializeSSL(); }

void uninitializeTls() { Poco::Net::uninitializeSSL(); }

}  // namespace crossdock::server
