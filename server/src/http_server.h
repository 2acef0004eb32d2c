#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include "server_config.h"

namespace crossdock::server {

/// The listening HTTP(S) server: a socket bound to server.host:server.port (TLS
/// 1.2+ when tls.* are set), Poco's thread-per-connection model on a pool of
/// server.threads threads, HTTP/1.1 keep-alive with server.keep_alive_timeout.
class HttpServer {
public:
    /// Binds the socket (and loads the certificate). Throws Poco::Exception when
    /// the address is in use or the certificate or key cannot be loaded.
    HttpServer(const ServerConfig& config, const Poco::Net::HTTPRequestHandlerFactory::Ptr& factory);
    ~HttpServer();

    void start();

    /// Graceful stop: closes the listening socket, lets requests in flight finish
    /// (waiting at most `grace`, after which their connections are cut), closes
    /// idle keep-alive connections and waits for the worker threads.
    void stop(std::chrono::seconds grace);

    /// The bound port (useful with server.port=0).
    std::uint16_t port() const { return port_; }

private:
    Poco::ThreadPool pool_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    std::uint16_t port_ = 0;
    bool running_ = false;
};

/// Prepares OpenSSL for the process (idempotent; call before HttpServer with TLS).
void initializeTls();
/// Releases what initializeTls() set up.
void uninitializeTls();

}  // namespace crossdock::server
