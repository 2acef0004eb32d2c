#include "edi_services.h"

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
    runtime.addJob("edi delivery", services->options.delivery_interval,
                   [raw, &clock] { deliverDueMessages(*raw, clock); });
    runtime.addJob("edi recovery", std::chrono::minutes(1),
                   [raw, &clock] { recoverStalledMessages(*raw, clock); });
    return services;
}

// A message still Received long after it was stored lost its processing (a crash between the
// 202 and the end of the pipeline): process it now. Sales is idempotent on the message id.
std::size_t recoverStalledMessages(EdiServices& services, const core::Clock& clock) {
    edi::MessageQuery query;
    query.direction = edi::Direction::Inbound;
    query.status = edi::MessageStatus::Received;
    query.limit = 100;
    const auto stalled_before = clock.now() - services.options.recovery_after;
    std::size_t recovered = 0;
    for (const auto& message : services.repositories.messages->list(query)) {
        if (message.received_at > stalled_before) continue;
        if (services.pipeline->process(message.id)) ++recovered;
        logEvent("warn",
                 "edi message " + std::to_string(message.id) + " was stalled in received: reprocessed");
    }
    return recovered;
}

}  // namespace crossdock::server
