#include "edi_services.h"

#include <unistd.h>

#include <cstring>
#include <random>

#include "crossdock/server/runtime.h"
#include "event_log.h"
#include "state/sales_services.h"

namespace crossdock::server {
namespace {

// Orders from EDI go through the same OrderService as every other source.
edi::OrderPlacer makeOrderPlacer(Runtime& runtime) {
    SalesServices& services = runtime.sales();
    return [&services](const accounts::Caller& caller, sales::OrderRequest request) {
        if (!services.orders) {
            sales::PlaceResult result;
            result.error =
                core::makeError(core::ErrorCode::Unavailable, "the order service is not available");
            return result;
        }
        return services.orders->place(caller, std::move(request));
    };
}

}  // namespace

std::unique_ptr<EdiServices> makeEdiServices(Runtime& runtime) {
    auto services = std::make_unique<EdiServices>();
    services->options = runtime.options().edi;
    services->repositories = storage::makeEdiRepositories(runtime.store());
    auto& repos = services->repositories;
    services->pipeline = std::make_unique<edi::InboundPipeline>(
        *repos.partners, *repos.messages, *repos.control_numbers, runtime.clock(), services->options.pipeline,
        makeOrderPlacer(runtime), &runtime.itemLookup());
    EdiServices* raw = services.get();
    const core::Clock& clock = runtime.clock();
    runtime.addJob("edi delivery", services->options.delivery_interval, [raw, &clock, &runtime] {
        deliverDueMessages(*raw, clock, [&runtime] { return runtime.stopping(); });
    });
    const std::string worker = inboundWorkerName();
    runtime.addJob("edi inbound", services->options.inbound_poll, [raw, worker, &runtime] {
        processInbound(*raw, worker, [&runtime] { return runtime.stopping(); });
    });
    return services;
}

std::size_t processInbound(EdiServices& services, const std::string& worker,
                           const std::function<bool()>& stop) {
    constexpr std::size_t kBatch = 50;
    std::size_t total = 0;
    for (;;) {
        const std::size_t processed = services.pipeline->processPending(worker, kBatch, stop);
        total += processed;
        if (processed == 0 || (stop && stop())) return total;
    }
}

std::string inboundWorkerName() {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) std::strcpy(host, "host");
    std::random_device random;
    return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(random() % 100000);
}

}  // namespace crossdock::server
