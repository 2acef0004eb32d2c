// Liveness and metrics: public, cheap, no database.
#include "handlers.h"

namespace crossdock::server {

void registerHealthRoutes(Router& router, const HttpMetrics& metrics) {
    router.add({.method = "GET",
                .pattern = "/healthz",
                .handler = [](const RequestContext&) -> core::Result<Response> {
                    return Response::jsonText(200, R"({"status":"ok"})");
                },
                .access = Access::Public});
    router.add({.method = "GET",
                .pattern = "/metrics",
                .handler = [&metrics](const RequestContext&) -> core::Result<Response> {
                    return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
                },
                .access = Access::Public});
}

}  // namespace crossdock::server
