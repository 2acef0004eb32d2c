// Orders: POST/GET /api/v1/orders, GET /api/v1/orders/{id}, POST /api/v1/orders/{id}/{action}
// (acknowledge, hold, release, cancel, close), POST/GET /api/v1/orders/{id}/shipments,
// POST/GET /api/v1/orders/{id}/invoices, GET /api/v1/orders/{id}/events.
// The rules live in sales::OrderService; Idempotency-Key handling is in order_idempotency.cpp.
#include <charconv>

#include "crossdock/server/error_mapping.h"
#include "crossdock/server/pagination.h"
#include "handlers.h"
#include "order_idempotency.h"
#include "sales_requests.h"
#include "sales_views.h"
#include "state/sales_services.h"

namespace crossdock::server {
namespace {

using core::ErrorCode;
using core::makeError;

Response orderResponse(const sales::Order& order) {
    core::JsonWriter out(2048);
    writeOrder(out, order);
    Response response = Response::jsonText(200, out.take());
    response.headers.set("ETag", etagOf(order.row_version));
    return response;
}

core::Result<Response> placeOrder(SalesServices& sales, const RequestContext& ctx) {
    auto request = orderRequestFrom(ctx.json());
    if (!request) return request.takeError();
    request->requested_by = ctx.caller().user_id;
    return placeAnswer(sales.orders->place(ctx.caller(), std::move(*request)));
}

core::Result<Response> getOrder(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto order = sales.orders->get(ctx.caller(), *id);
    if (!order) return order.takeError();
    return orderResponse(*order);
}

core::Result<Response> listOrders(SalesServices& sales, const RequestContext& ctx) {
    auto limit = pageLimit(ctx.request());
    if (!limit) return limit.takeError();
    auto after = pageCursor(ctx.request());
    if (!after) return after.takeError();
    sales::OrderQuery query;
    query.scope = ctx.caller().scope();
    query.limit = *limit + 1;
    if (!after->empty()) {
        auto [end, ec] = std::from_chars(after->data(), after->data() + after->size(), query.after_id);
        if (ec != std::errc{} || end != after->data() + after->size()) {
            return makeError(ErrorCode::InvalidArgument, "malformed cursor", "cursor");
        }
    }
    const Request& request = ctx.request();
    if (auto status = request.queryParam("status"); status && !status->empty()) {
        query.status = sales::parseOrderStatus(*status);
        if (!query.status)
            return makeError(ErrorCode::InvalidArgument, "unknown status '" + *status + "'", "status");
    }
    query.po_number = request.queryParam("po_number").value_or("");
    query.customer_id = request.queryParam("customer_id").value_or("");
    auto orders = sales.order_repository->list(query);
    std::optional<std::string> next;
    if (orders.size() > *limit) {
        orders.resize(*limit);
        next = std::to_string(orders.back().id);
    }
    std::string items;
    for (const sales::Order& order : orders) {
        core::JsonWriter out(2048);
        writeOrder(out, order);
        if (!items.empty()) items += ',';
        items += out.take();
    }
    return Response::jsonText(200, listEnvelope(items, next));
}

core::Result<sales::OrderStatus> targetOf(SalesServices& sales, const RequestContext& ctx, std::int64_t id,
                                          const std::string& action) {
    if (action == "acknowledge") return sales::OrderStatus::Acknowledged;
    if (action == "hold") return sales::OrderStatus::OnHold;
    if (action == "cancel") return sales::OrderStatus::Cancelled;
    if (action == "close") return sales::OrderStatus::Closed;
    if (action != "release") return makeError(ErrorCode::NotFound, "no order action '" + action + "'");
    auto order = sales.orders->get(ctx.caller(), id);
    if (!order) return order.takeError();
    if (order->status != sales::OrderStatus::OnHold || !order->held_from) {
        return makeError(ErrorCode::FailedPrecondition, "only an order on hold can be released; order is " +
                                                            std::string(sales::toString(order->status)));
    }
    return *order->held_from;
}

core::Result<Response> orderAction(SalesServices& sales, const RequestContext& ctx) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto body = actionBodyFrom(ctx.request());
    if (!body) return body.takeError();
    auto if_match = ifMatch(ctx.request());
    if (!if_match) return if_match.takeError();
    auto target = targetOf(sales, ctx, *id, ctx.param("action"));
    if (!target) return target.takeError();
    auto order = sales.orders->transition(ctx.caller(), *id, *target, {body->note, *if_match});
    if (!order) return writeErrorResponse(order.error(), *if_match);
    return orderResponse(*order);
}

core::Result<Response> createShipment(SalesServices& sales, const RequestContext& ctx,
                                      const core::Clock& clock) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto if_match = ifMatch(ctx.request());
    if (!if_match) return if_match.takeError();
    auto input = shipmentInputFrom(ctx.json(), core::Date::fromTimePoint(clock.now()));
    if (!input) return input.takeError();
    auto shipment = sales.orders->ship(ctx.caller(), *id, *input, *if_match);
    if (!shipment) return writeErrorResponse(shipment.error(), *if_match);
    core::JsonWriter out(1024);
    writeShipment(out, *shipment);
    return Response::jsonText(201, out.take());
}

core::Result<Response> createInvoice(SalesServices& sales, const RequestContext& ctx,
                                     const core::Clock& clock) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto if_match = ifMatch(ctx.request());
    if (!if_match) return if_match.takeError();
    auto body = actionBodyFrom(ctx.request());
    if (!body) return body.takeError();
    auto issue_date = body->issue_date.value_or(core::Date::fromTimePoint(clock.now()));
    auto invoice = sales.orders->invoice(ctx.caller(), *id, issue_date, *if_match);
    if (!invoice) return writeErrorResponse(invoice.error(), *if_match);
    core::JsonWriter out(1024);
    writeInvoice(out, *invoice);
    return Response::jsonText(201, out.take());
}

/// GET /orders/{id}/shipments | invoices | events: the order must be visible first.
core::Result<Response> orderChildren(SalesServices& sales, const RequestContext& ctx, std::string_view kind) {
    auto id = salesIdParam(ctx, "id");
    if (!id) return id.takeError();
    auto order = sales.orders->get(ctx.caller(), *id);
    if (!order) return order.takeError();
    std::string items;
    auto append = [&items](core::JsonWriter& out) {
        if (!items.empty()) items += ',';
        items += out.take();
    };
    if (kind == "shipments") {
        for (const auto& s : sales.order_repository->shipmentsOf(*id)) {
            core::JsonWriter out(512);
            writeShipment(out, s);
            append(out);
        }
    } else if (kind == "invoices") {
        for (const auto& v : sales.order_repository->invoicesOf(*id)) {
            core::JsonWriter out(512);
            writeInvoice(out, v);
            append(out);
        }
    } else {
        for (const auto& r : sales.outbox->listFor("order", *id)) {
            core::JsonWriter out(512);
            writeOutboxRecord(out, r);
            append(out);
        }
    }
    return Response::jsonText(200, listEnvelope(items, std::nullopt));
}

}  // namespace

void registerOrderRoutes(Router& router, SalesServices& sales, const core::Clock& clock) {
    using accounts::Action;
    router.add({.method = "POST",
                .pattern = "/api/v1/orders",
                .handler =
                    [&sales, &clock](const RequestContext& ctx) {
                        return withIdempotencyKey(*sales.idempotency, clock, ctx,
                                                  [&] { return placeOrder(sales, ctx); });
                    },
                .body = BodyKind::Json,
                .action = Action::WriteOrders});
    router.add({.method = "GET",
                .pattern = "/api/v1/orders",
                .handler = [&sales](const RequestContext& ctx) { return listOrders(sales, ctx); },
                .action = Action::ReadOrders});
    router.add({.method = "GET",
                .pattern = "/api/v1/orders/{id}",
                .handler = [&sales](const RequestContext& ctx) { return getOrder(sales, ctx); },
                .action = Action::ReadOrders});
    router.add({.method = "POST",
                .pattern = "/api/v1/orders/{id}/{action}",
                .handler = [&sales](const RequestContext& ctx) { return orderAction(sales, ctx); },
                .action = Action::ReadOrders});
    router.add(
        {.method = "POST",
         .pattern = "/api/v1/orders/{id}/shipments",
         .handler = [&sales, &clock](const RequestContext& ctx) { return createShipment(sales, ctx, clock); },
         .body = BodyKind::Json,
         .action = Action::WriteOrders});
    router.add(
        {.method = "POST",
         .pattern = "/api/v1/orders/{id}/invoices",
         .handler = [&sales, &clock](const RequestContext& ctx) { return createInvoice(sales, ctx, clock); },
         .action = Action::WriteOrders});
    for (const char* kind : {"shipments", "invoices", "events"}) {
        std::string kind_text = kind;
        router.add(
            {.method = "GET",
             .pattern = "/api/v1/orders/{id}/" + kind_text,
             .handler = [&sales, kind_text](
                            const RequestContext& ctx) { return orderChildren(sales, ctx, kind_text); },
             .action = Action::ReadOrders});
    }
}

}  // namespace crossdock::server
