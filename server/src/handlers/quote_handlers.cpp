// Quotes: POST/GET /api/v1/quotes, GET/PATCH /api/v1/quotes/{id},
// POST /api/v1/quotes/{id}/{action}, GET /api/v1/quotes/{id}/versions/{version},
// GET /api/v1/quotes/{id}/diff?from=&to=, GET /api/v1/quotes/{id}/events. The workflow rules live in
// sales::QuoteService.
#include <charconv>

#include "crossdock/server/error_mapping.h"
#include "crossdock/server/json_fields.h"
#include "crossdock/server/pagination.h"
#include "handlers.h"
#include "sales_requests.h"
#include "sales_views.h"
#include "state/sales_services.h"

namespace crossdock::server {
namespace {

using core::ErrorCode;
using core::makeError;

Response quoteResponse(int status, const sales::Quote& quote, const accounts::Caller& caller) {
    core::JsonWriter out(1024);
    writeQuote(out, quote, caller.isStaff());
    Response response = Response::jsonText(status, out.take());
    response.headers.set("ETag", etagOf(quote.row_version));
    if (status == 201) response.headers.set("Location", "/api/v1/quotes/" + std::to_string(quote.id));
    return response;
}

core::Result<Response> createQuote(SalesServices& sales, const RequestContext& ctx) {
    const core::Json& body = ctx.json();
    if (auto object = requireObject(body); !object) return object.takeError();
    auto lines = quoteLinesFrom(body);
    if (!lines) return lines.takeError();
    auto notes = optionalString(body, "notes");
    if (!notes) return notes.takeError();
    const accounts::Caller& caller = ctx.caller();
    core::Result<sales::Quote> quote = makeError(ErrorCode::Internal, "unset");
    if (accounts::isBuyer(caller.role)) {
        quote = sales.quotes->requestQuote(caller, {std::move(*lines), notes->value_or("")});
    } else {
        auto customer = requiredString(body, "customer_id");
        if (!customer) return customer.takeError();
        auto valid_until = optionalDate(body, "valid_until");
        if (!valid_until) return valid_until.takeError();
        auto terms = optionalString(body, "terms");
        if (!terms) return terms.takeError();
        quote = sales.quotes->create(
            caller, {*customer, *valid_until, std::move(*lines), notes->value_or(""), terms->value_or("")});
    }
    if (!quote) return quote.takeError();
    return quoteResponse(201, *quote, caller);
}

core::Result<Response> getQuote(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto quote = sales.quotes->get(ctx.caller(), *id);
    if (!quote) return quote.takeError();
    return quoteResponse(200, *quote, ctx.caller());
}

/// ?status=&customer_id=&rep_id= and the page of GET /api/v1/quotes.
core::Result<sales::QuoteQuery> quoteQueryFrom(const Request& request, std::size_t limit,
                                               const std::string& after) {
    sales::QuoteQuery query;
    query.limit = limit + 1;
    if (!after.empty()) {
        auto [end, ec] = std::from_chars(after.data(), after.data() + after.size(), query.after_id);
        if (ec != std::errc{} || end != after.data() + after.size()) {
            return makeError(ErrorCode::InvalidArgument, "malformed cursor", "cursor");
        }
    }
    if (auto status = request.queryParam("status"); status && !status->empty()) {
        query.status = sales::parseQuoteStatus(*status);
        if (!query.status)
            return makeError(ErrorCode::InvalidArgument, "unknown status '" + *status + "'", "status");
    }
    query.customer_id = request.queryParam("customer_id").value_or("");
    if (auto rep = request.queryParam("rep_id"); rep && !rep->empty()) {
        auto [end, ec] = std::from_chars(rep->data(), rep->data() + rep->size(), query.rep_id);
        if (ec != std::errc{} || end != rep->data() + rep->size()) {
            return makeError(ErrorCode::InvalidArgument, "rep_id must be a user id", "rep_id");
        }
    }
    return query;
}

core::Result<Response> listQuotes(SalesServices& sales, const RequestContext& ctx) {
    auto limit = pageLimit(ctx.request());
    if (!limit) return limit.takeError();
    auto after = pageCursor(ctx.request());
    if (!after) return after.takeError();
    auto query = quoteQueryFrom(ctx.request(), *limit, *after);
    if (!query) return query.takeError();
    auto quotes = sales.quotes->list(ctx.caller(), *query);
    if (!quotes) return quotes.takeError();
    std::optional<std::string> next;
    if (quotes->size() > *limit) {
        quotes->resize(*limit);
        next = std::to_string(quotes->back().id);
    }
    std::string items;
    for (const sales::Quote& quote : *quotes) {
        core::JsonWriter out(1024);
        writeQuote(out, quote, ctx.caller().isStaff());
        if (!items.empty()) items += ',';
        items += out.take();
    }
    return Response::jsonText(200, listEnvelope(items, next));
}

core::Result<Response> editQuote(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto if_match = ifMatch(ctx.request());
    if (!if_match) return if_match.takeError();
    const core::Json& body = ctx.json();
    if (auto object = requireObject(body); !object) return object.takeError();
    sales::QuoteEdit edit;
    auto valid_until = optionalDate(body, "valid_until");
    if (!valid_until) return valid_until.takeError();
    edit.valid_until = *valid_until;
    if (body.contains("lines")) {
        auto lines = quoteLinesFrom(body);
        if (!lines) return lines.takeError();
        edit.lines = std::move(*lines);
    }
    auto notes = optionalString(body, "notes");
    if (!notes) return notes.takeError();
    edit.notes = *notes;
    auto terms = optionalString(body, "terms");
    if (!terms) return terms.takeError();
    edit.terms = *terms;
    auto quote = sales.quotes->edit(ctx.caller(), *id, edit, *if_match);
    if (!quote) return writeErrorResponse(quote.error(), *if_match);
    return quoteResponse(200, *quote, ctx.caller());
}

core::Result<Response> orderQuote(SalesServices& sales, const RequestContext& ctx, std::int64_t id,
                                  const ActionBody& body) {
    auto result = sales.orders->placeFromQuote(ctx.caller(), *sales.quotes, id, body.po_number);
    return placeAnswer(result);
}

core::Result<Response> quoteAction(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto body = actionBodyFrom(ctx.request());
    if (!body) return body.takeError();
    const std::string& name = ctx.param("action");
    if (name == "order") return orderQuote(sales, ctx, *id, *body);
    auto action = sales::parseQuoteAction(name);
    if (!action || *action == sales::QuoteAction::Create || *action == sales::QuoteAction::Expire) {
        return makeError(ErrorCode::NotFound, "no quote action '" + name + "'");
    }
    auto if_match = ifMatch(ctx.request());
    if (!if_match) return if_match.takeError();
    auto quote = sales.quotes->perform(ctx.caller(), *id, *action, {body->note, *if_match});
    if (!quote) return writeErrorResponse(quote.error(), *if_match);
    return quoteResponse(200, *quote, ctx.caller());
}

core::Result<Response> getVersion(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto version = salesIdParam(ctx, "version");
    if (!version) return version.takeError();
    auto found = sales.quotes->getVersion(ctx.caller(), *id, static_cast<int>(*version));
    if (!found) return found.takeError();
    core::JsonWriter out(1024);
    writeQuoteVersion(out, *found, ctx.caller().isStaff());
    return Response::jsonText(200, out.take());
}

core::Result<int> versionQuery(const Request& request, std::string_view key) {
    auto text = request.queryParam(key);
    int value = 0;
    if (!text)
        return makeError(ErrorCode::InvalidArgument, "missing ?" + std::string(key) + "=", std::string(key));
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || end != text->data() + text->size() || value < 1) {
        return makeError(ErrorCode::InvalidArgument, std::string(key) + " must be a version number",
                         std::string(key));
    }
    return value;
}

core::Result<Response> diffQuote(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto from = versionQuery(ctx.request(), "from");
    if (!from) return from.takeError();
    auto to = versionQuery(ctx.request(), "to");
    if (!to) return to.takeError();
    auto diff = sales.quotes->diff(ctx.caller(), *id, *from, *to);
    if (!diff) return diff.takeError();
    core::JsonWriter out(1024);
    writeQuoteDiff(out, *diff);
    return Response::jsonText(200, out.take());
}

core::Result<Response> quoteEvents(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto quote = sales.quotes->get(ctx.caller(), *id);
    if (!quote) return quote.takeError();
    std::string items;
    for (const auto& record : sales.outbox->listFor("quote", *id)) {
        core::JsonWriter out(512);
        writeOutboxRecord(out, record);
        if (!items.empty()) items += ',';
        items += out.take();
    }
    return Response::jsonText(200, listEnvelope(items, std::nullopt));
}

}  // namespace

void registerQuoteRoutes(Router& router, SalesServices& sales) {
    using accounts::Action;
    router.add({.method = "POST",
                .pattern = "/api/v1/quotes",
                .handler = [&sales](const RequestContext& ctx) { return createQuote(sales, ctx); },
                .body = BodyKind::Json,
                .action = Action::ReadQuotes});
    router.add({.method = "GET",
                .pattern = "/api/v1/quotes",
                .handler = [&sales](const RequestContext& ctx) { return listQuotes(sales, ctx); },
                .action = Action::ReadQuotes});
    router.add({.method = "GET",
                .pattern = "/api/v1/quotes/{id}",
                .handler = [&sales](const RequestContext& ctx) { return getQuote(sales, ctx); },
                .action = Action::ReadQuotes});
    router.add({.method = "PATCH",
                .pattern = "/api/v1/quotes/{id}",
                .handler = [&sales](const RequestContext& ctx) { return editQuote(sales, ctx); },
                .body = BodyKind::Json,
                .action = Action::WriteQuotes});
    router.add({.method = "POST",
                .pattern = "/api/v1/quotes/{id}/{action}",
                .handler = [&sales](const RequestContext& ctx) { return quoteAction(sales, ctx); },
                .action = Action::ReadQuotes});
    router.add({.method = "GET",
                .pattern = "/api/v1/quotes/{id}/versions/{version}",
                .handler = [&sales](const RequestContext& ctx) { return getVersion(sales, ctx); },
                .action = Action::ReadQuotes});
    router.add({.method = "GET",
                .pattern = "/api/v1/quotes/{id}/events",
                .handler = [&sales](const RequestContext& ctx) { return quoteEvents(sales, ctx); },
                .action = Action::ReadQuotes});
    router.add({.method = "GET",
                .pattern = "/api/v1/quotes/{id}/diff",
                .handler = [&sales](const RequestContext& ctx) { return diffQuote(sales, ctx); },
                .action = Action::ReadQuotes});
}

}  // namespace crossdock::server
