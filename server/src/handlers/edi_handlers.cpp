// The EDI endpoints: partners send documents (POST /edi/inbound); staff read the message log,
// fetch the stored bytes and replay failed messages.
#include <charconv>

#include "crossdock/server/error_mapping.h"
#include "crossdock/server/pagination.h"
#include "event_log.h"
#include "handlers.h"
#include "state/edi_services.h"

namespace crossdock::server {

namespace {

using core::ErrorCode;
using core::makeError;

core::Error notFound() { return makeError(ErrorCode::NotFound, "message not found"); }

std::optional<std::int64_t> parseId(std::string_view text) {
    std::int64_t id = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

std::string resultJson(const edi::ProcessResult& result) {
    core::JsonWriter out(128);
    out.beginObject().field("message_id", result.message_id).field("status", edi::toString(result.status));
    out.key("order_ids").beginArray();
    for (auto id : result.order_ids) out.number(id);
    out.endArray().endObject();
    return out.take();
}

// Stored durably (raw bytes, hash, partner, time: one commit), then answered 202; the "edi
// inbound" background job claims and processes it (state/edi_services.cpp), so a slow or
// failing pipeline never holds the partner's connection, and a crash loses nothing.
core::Result<Response> receive(EdiServices& edi, const RequestContext& ctx) {
    const std::string& body = ctx.request().body;
    if (body.empty())
        return makeError(ErrorCode::InvalidArgument, "the request body is empty: send the document");
    if (body.size() > edi.options.max_inbound_bytes) {
        return errorResponse(413, "payload_too_large",
                             "the document exceeds " + std::to_string(edi.options.max_inbound_bytes) +
                                 " bytes (edi.max_inbound_bytes)");
    }
    auto stored = edi.pipeline->store(ctx.caller().partner_id, body);
    if (!stored) return stored.takeError();
    edi::ProcessResult result;
    result.message_id = *stored;
    result.status = edi::MessageStatus::Received;
    return Response::jsonText(202, resultJson(result));
}

std::vector<std::int64_t> relatedOf(const EdiServices& edi, const edi::Message& message) {
    if (message.direction == edi::Direction::Outbound) {
        return message.related_to ? std::vector<std::int64_t>{*message.related_to}
                                  : std::vector<std::int64_t>{};
    }
    return edi.repositories.messages->relatedTo(message.id);
}

core::Result<edi::MessageQuery> queryOf(const RequestContext& ctx) {
    edi::MessageQuery query;
    const Request& request = ctx.request();
    query.partner_id = request.queryParam("partner_id").value_or("");
    if (auto direction = request.queryParam("direction"); direction && !direction->empty()) {
        query.direction = edi::parseDirection(*direction);
        if (!query.direction)
            return makeError(ErrorCode::InvalidArgument, "direction must be inbound or outbound",
                             "direction");
    }
    if (auto status = request.queryParam("status"); status && !status->empty()) {
        query.status = edi::parseMessageStatus(*status);
        if (!query.status)
            return makeError(ErrorCode::InvalidArgument, "unknown status '" + *status + "'", "status");
    }
    auto limit = pageLimit(request);
    if (!limit) return limit.takeError();
    query.limit = *limit + 1;
    auto cursor = pageCursor(request);
    if (!cursor) return cursor.takeError();
    if (!cursor->empty()) {
        auto before = parseId(*cursor);
        if (!before) return makeError(ErrorCode::InvalidArgument, "invalid cursor", "cursor");
        query.before_id = *before;
    }
    return query;
}

core::Result<Response> listMessages(const EdiServices& edi, const RequestContext& ctx) {
    auto query = queryOf(ctx);
    if (!query) return query.takeError();
    auto page = edi.repositories.messages->list(*query);
    std::optional<std::string> next;
    if (page.size() >= query->limit) {
        page.resize(query->limit - 1);
        next = std::to_string(page.back().id);
    }
    core::JsonWriter items(256 * page.size() + 16);
    for (const auto& message : page) edi::writeMessage(items, message, relatedOf(edi, message));
    return Response::jsonText(200, listEnvelope(items.str(), next));
}

core::Result<edi::Message> findMessage(const EdiServices& edi, const RequestContext& ctx) {
    auto id = parseId(ctx.param("id"));
    if (!id) return notFound();
    auto message = edi.repositories.messages->find(*id);
    if (!message) return notFound();
    return std::move(*message);
}

core::Result<Response> getMessage(const EdiServices& edi, const RequestContext& ctx) {
    auto message = findMessage(edi, ctx);
    if (!message) return message.takeError();
    core::JsonWriter out(512);
    edi::writeMessage(out, *message, relatedOf(edi, *message));
    return Response::jsonText(200, out.take());
}

std::string contentTypeOf(const std::string& format) {
    if (format == "x12") return "application/edi-x12";
    if (format == "edifact") return "application/edifact";
    if (format == "cxml" || format == "ubl") return "application/xml";
    return "application/octet-stream";
}

core::Result<Response> getRaw(const EdiServices& edi, const RequestContext& ctx) {
    auto message = findMessage(edi, ctx);
    if (!message) return message.takeError();
    return Response::text(200, std::move(message->raw), contentTypeOf(message->format));
}

core::Result<Response> replay(EdiServices& edi, const RequestContext& ctx) {
    auto id = parseId(ctx.param("id"));
    if (!id) return notFound();
    auto result = edi.pipeline->replay(*id);
    if (!result) return result.takeError();
    return Response::jsonText(200, resultJson(*result));
}

}  // namespace

void registerEdiRoutes(Router& router, EdiServices& edi) {
    EdiServices* services = &edi;
    router.add({.method = "POST",
                .pattern = "/edi/inbound",
                .handler = [services](const RequestContext& ctx) { return receive(*services, ctx); },
                .action = accounts::Action::SendEdi,
                .max_body_bytes = edi.options.max_inbound_bytes});
    router.add({.method = "GET",
                .pattern = "/api/v1/edi/messages",
                .handler = [services](const RequestContext& ctx) { return listMessages(*services, ctx); },
                .action = accounts::Action::ReadEdiMessages});
    router.add({.method = "GET",
                .pattern = "/api/v1/edi/messages/{id}",
                .handler = [services](const RequestContext& ctx) { return getMessage(*services, ctx); },
                .action = accounts::Action::ReadEdiMessages});
    router.add({.method = "GET",
                .pattern = "/api/v1/edi/messages/{id}/raw",
                .handler = [services](const RequestContext& ctx) { return getRaw(*services, ctx); },
                .action = accounts::Action::ReadEdiMessages});
    router.add({.method = "POST",
                .pattern = "/api/v1/edi/messages/{id}/replay",
                .handler = [services](const RequestContext& ctx) { return replay(*services, ctx); },
                .action = accounts::Action::ReplayEdiMessages});
}

}  // namespace crossdock::server
