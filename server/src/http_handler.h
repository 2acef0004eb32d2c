#pragma once

#include <cstddef>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "access_log.h"
#include "crossdock/server/metrics.h"
#include "pipeline.h"

namespace crossdock::server {

/// What every request handler shares; owned by the serve command, outlives the server.
struct HandlerEnvironment {
    const Router& router;
    const Pipeline& pipeline;
    HttpMetrics& metrics;
    AccessLog* access_log;  ///< null: no access log
    std::size_t max_body_bytes;
};

/// The bridge between Poco and the Pipeline: reads the request (enforcing the
/// body limit before reading: 413 on Content-Length, and as soon as a chunked body
/// crosses it), runs the pipeline, writes the answer with X-Request-Id, and
/// records metrics and the access log line.
class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(const HandlerEnvironment& environment) : environment_(environment) {}

    /// Also stops Poco from sending "100 Continue" for a body that will be refused.
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    const HandlerEnvironment& environment_;
};

}  // namespace crossdock::server
