// GET /api/v1/outbox?state=: the outbox events in one delivery state, for operators
// (dead letters above all: events webhooks gave up on).
#include <charconv>

#include "crossdock/server/pagination.h"
#include "handlers.h"
#include "handlers/sales_views.h"
#include "state/sales_services.h"

namespace crossdock::server {
namespace {

core::Result<Response> listOutbox(SalesServices& sales, const RequestContext& ctx) {
    const std::string state_text = ctx.request().queryParam("state").value_or("dead_letter");
    sales::OutboxState state = sales::OutboxState::DeadLetter;
    if (state_text == "pending") {
        state = sales::OutboxState::Pending;
    } else if (state_text == "delivered") {
        state = sales::OutboxState::Delivered;
    } else if (state_text != "dead_letter") {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "state must be pending, delivered or dead_letter", "state");
    }
    auto limit = pageLimit(ctx.request());
    if (!limit) return limit.takeError();
    auto cursor = pageCursor(ctx.request());
    if (!cursor) return cursor.takeError();
    std::int64_t after = 0;
    if (!cursor->empty()) {
        auto [end, error] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), after);
        if (error != std::errc{} || end != cursor->data() + cursor->size()) {
            return core::makeError(core::ErrorCode::InvalidArgument, "not a cursor of this list", "cursor");
        }
    }
    auto records = sales.outbox->listByState(state, after, *limit + 1);
    std::optional<std::string> next;
    if (records.size() > *limit) {
        records.resize(*limit);
        next = std::to_string(records.back().id);
    }
    core::JsonWriter items(512 * records.size() + 16);
    for (const auto& record : records) writeOutboxRecord(items, record);
    return Response::jsonText(200, listEnvelope(items.str(), next));
}

}  // namespace

void registerOutboxRoutes(Router& router, SalesServices& sales) {
    router.add({.method = "GET",
                .pattern = "/api/v1/outbox",
                .handler = [&sales](const RequestContext& ctx) { return listOutbox(sales, ctx); },
                .action = accounts::Action::ManagePartners});
}

}  // namespace crossdock::server
