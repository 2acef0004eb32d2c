// Price lists and their entries over HTTP. Every change is validated by a
// SnapshotBuilder over the live snapshot (the same checks as an import), written in
// one transaction, and published: the next /prices/resolve uses it.
#include "crossdock/core/currency.h"
#include "crossdock/server/json_fields.h"
#include "crossdock/server/pagination.h"
#include "handlers.h"
#include "handlers/price_views.h"
#include "state/pricing_state.h"

namespace crossdock::server {
namespace {

using core::ErrorCode;
using core::makeError;

core::Result<std::optional<core::Date>> dateField(const core::Json& body, std::string_view key,
                                                  const std::string& where) {
    auto text = optionalString(body, key);
    if (!text)
        return makeError(ErrorCode::InvalidArgument, text.error().message, where + "." + std::string(key));
    if (!text->has_value() || (*text)->empty()) return std::optional<core::Date>();
    auto date = core::Date::parse(**text);
    if (!date)
        return makeError(ErrorCode::InvalidArgument, "must be an ISO date (YYYY-MM-DD)",
                         where + "." + std::string(key));
    return std::optional<core::Date>(*date);
}

void writeList(core::JsonWriter& out, const pricing::PriceList& list) {
    out.beginObject().field("id", list.id).field("name", list.name).field("currency", list.currency);
    out.field("kind", pricing::toString(list.kind));
    out.key("valid_from");
    list.valid_from ? out.string(list.valid_from->toString()) : out.null();
    out.key("valid_to");
    list.valid_to ? out.string(list.valid_to->toString()) : out.null();
    out.endObject();
}

void writeEntry(core::JsonWriter& out, const pricing::PriceEntry& entry) {
    out.beginObject()
        .field("sku", entry.sku)
        .field("uom", entry.uom)
        .field("min_qty", entry.min_qty.toShortString());
    out.field("unit_price", moneyText(entry.unit_price));
    out.key("valid_from");
    entry.valid_from ? out.string(entry.valid_from->toString()) : out.null();
    out.key("valid_to");
    entry.valid_to ? out.string(entry.valid_to->toString()) : out.null();
    out.endObject();
}

/// Builds from the live snapshot with `change`, writes with `write`, publishes.
template <typename Change, typename Write>
core::Status applyChange(Runtime& runtime, const Change& change, const Write& write) {
    pricing::SnapshotBuilder builder(runtime.pricing().current());
    change(builder);
    auto built = builder.build();
    if (!built) {
        // The builder says not_found for an unknown SKU or list inside the request: to the
        // client that is a bad request, not a missing resource.
        core::Error error = built.takeError();
        if (error.code == ErrorCode::NotFound) error.code = ErrorCode::InvalidArgument;
        return error;
    }
    auto transaction = runtime.pricing().repository().begin();
    write(*transaction);
    runtime.pricing().adopt(*built, transaction->commit());
    return {};
}

core::Result<pricing::PriceList> listFromBody(const core::Json& body, const std::string& id) {
    pricing::PriceList list;
    list.id = id;
    auto name = requiredString(body, "name");
    if (!name) return name.takeError();
    auto currency = requiredString(body, "currency");
    if (!currency) return currency.takeError();
    auto kind = optionalString(body, "kind");
    if (!kind) return kind.takeError();
    auto parsed_kind = pricing::parseListKind(kind->value_or("group"));
    if (!parsed_kind)
        return makeError(ErrorCode::InvalidArgument, "kind must be base, group, contract or promotion",
                         "$.kind");
    auto from = dateField(body, "valid_from", "$");
    if (!from) return from.takeError();
    auto to = dateField(body, "valid_to", "$");
    if (!to) return to.takeError();
    list.name = *name;
    list.currency = *currency;
    list.kind = *parsed_kind;
    list.valid_from = *from;
    list.valid_to = *to;
    return list;
}

core::Result<Response> putList(Runtime& runtime, const RequestContext& ctx, bool create) {
    auto id = create ? requiredString(ctx.json(), "id") : core::Result<std::string>(ctx.param("id"));
    if (!id) return id.takeError();
    const bool exists = runtime.pricing().current()->list(*id).has_value();
    if (create && exists)
        return makeError(ErrorCode::Conflict, "price list " + *id + " already exists", "$.id");
    if (!create && !exists) return makeError(ErrorCode::NotFound, "price list not found");
    auto list = listFromBody(ctx.json(), *id);
    if (!list) return list.takeError();
    auto applied = applyChange(
        runtime, [&](pricing::SnapshotBuilder& b) { b.putList(*list, "$"); },
        [&](pricing::PricingWrite& w) { w.putList(*list); });
    if (!applied) return applied.takeError();
    core::JsonWriter out(256);
    writeList(out, *list);
    return Response::jsonText(create ? 201 : 200, out.take());
}

core::Result<Response> listLists(Runtime& runtime) {
    core::JsonWriter items(4096);
    for (const pricing::PriceList& list : runtime.pricing().repository().lists()) writeList(items, list);
    return Response::jsonText(200, listEnvelope(items.str(), std::nullopt));
}

core::Result<Response> getList(Runtime& runtime, const RequestContext& ctx) {
    auto list = runtime.pricing().current()->list(ctx.param("id"));
    if (!list) return makeError(ErrorCode::NotFound, "price list not found");
    core::JsonWriter out(256);
    writeList(out, *list);
    return Response::jsonText(200, out.take());
}

core::Result<Response> listEntries(Runtime& runtime, const RequestContext& ctx) {
    const std::string& id = ctx.param("id");
    if (!runtime.pricing().current()->list(id)) return makeError(ErrorCode::NotFound, "price list not found");
    auto limit = pageLimit(ctx.request());
    if (!limit) return limit.takeError();
    auto after = pageCursor(ctx.request());
    if (!after) return after.takeError();
    const std::string sku = ctx.request().queryParam("sku").value_or("");
    auto entries = runtime.pricing().repository().entries(id, sku, *after, *limit + 1);
    std::optional<std::string> next;
    std::size_t skus = 0;
    core::JsonWriter items(128 * entries.size() + 16);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i == 0 || entries[i].sku != entries[i - 1].sku) ++skus;
        if (sku.empty() && skus > *limit) {
            next = entries[i - 1].sku;
            break;
        }
        writeEntry(items, entries[i]);
    }
    return Response::jsonText(200, listEnvelope(items.str(), next));
}

core::Result<pricing::PriceEntry> entryFromJson(const core::Json& line, const pricing::PriceList& list,
                                                const std::string& where) {
    if (!line.isObject()) return makeError(ErrorCode::InvalidArgument, "an entry must be an object", where);
    pricing::PriceEntry entry;
    entry.list_id = list.id;
    auto sku = requiredString(line, "sku");
    auto uom = requiredString(line, "uom");
    auto min_qty = requiredDecimal(line, "min_qty");
    auto price = requiredDecimal(line, "unit_price");
    for (const core::Error* error :
         {sku ? nullptr : &sku.error(), uom ? nullptr : &uom.error(), min_qty ? nullptr : &min_qty.error(),
          price ? nullptr : &price.error()}) {
        if (error != nullptr)
            return makeError(ErrorCode::InvalidArgument, error->message, where + error->where.substr(1));
    }
    auto from = dateField(line, "valid_from", where);
    if (!from) return from.takeError();
    auto to = dateField(line, "valid_to", where);
    if (!to) return to.takeError();
    entry.sku = *sku;
    entry.uom = *uom;
    entry.min_qty = *min_qty;
    entry.unit_price = *price;
    entry.valid_from = *from;
    entry.valid_to = *to;
    return entry;
}

core::Result<Response> putEntries(Runtime& runtime, const RequestContext& ctx) {
    auto list = runtime.pricing().current()->list(ctx.param("id"));
    if (!list) return makeError(ErrorCode::NotFound, "price list not found");
    const core::Json* array = ctx.json().find("entries");
    if (array == nullptr || !array->isArray())
        return makeError(ErrorCode::InvalidArgument, "entries must be an array", "$.entries");
    std::vector<pricing::PriceEntry> entries;
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto entry = entryFromJson(array->items()[i], *list, "$.entries[" + std::to_string(i) + "]");
        if (!entry) return entry.takeError();
        entries.push_back(std::move(*entry));
    }
    auto applied = applyChange(
        runtime,
        [&](pricing::SnapshotBuilder& b) {
            for (std::size_t i = 0; i < entries.size(); ++i)
                b.putEntry(entries[i], "$.entries[" + std::to_string(i) + "]");
        },
        [&](pricing::PricingWrite& w) {
            for (const auto& entry : entries) w.putEntry(entry);
        });
    if (!applied) return applied.takeError();
    core::JsonWriter out(64);
    out.beginObject().key("updated").number(static_cast<std::int64_t>(entries.size())).endObject();
    return Response::jsonText(200, out.take());
}

core::Result<Response> deleteEntry(Runtime& runtime, const RequestContext& ctx) {
    const Request& request = ctx.request();
    pricing::EntryKey key{ctx.param("id"),
                          request.queryParam("sku").value_or(""),
                          request.queryParam("uom").value_or(""),
                          {},
                          std::nullopt};
    auto min_qty = core::Decimal::parse(request.queryParam("min_qty").value_or(""));
    if (key.sku.empty() || key.uom.empty() || !min_qty) {
        return makeError(ErrorCode::InvalidArgument, "sku, uom and min_qty are required query parameters",
                         "min_qty");
    }
    key.min_qty = *min_qty;
    if (auto from = request.queryParam("valid_from"); from && !from->empty()) {
        auto date = core::Date::parse(*from);
        if (!date)
            return makeError(ErrorCode::InvalidArgument, "valid_from must be an ISO date", "valid_from");
        key.valid_from = *date;
    }
    auto applied = applyChange(
        runtime, [&](pricing::SnapshotBuilder& b) { b.removeEntry(key, "entry"); },
        [&](pricing::PricingWrite& w) { w.removeEntry(key); });
    if (!applied) return applied.takeError();
    return Response::noContent();
}

}  // namespace

void registerPriceListRoutes(Router& router, Runtime& runtime) {
    using accounts::Action;
    auto handler = [&runtime](auto function) {
        return [&runtime, function](const RequestContext& ctx) { return function(runtime, ctx); };
    };
    router.add({.method = "GET",
                .pattern = "/api/v1/price-lists",
                .handler = [&runtime](const RequestContext&) { return listLists(runtime); },
                .action = Action::ManagePrices});
    router.add({.method = "POST",
                .pattern = "/api/v1/price-lists",
                .handler = [&runtime](const RequestContext& ctx) { return putList(runtime, ctx, true); },
                .body = BodyKind::Json,
                .action = Action::ManagePrices});
    router.add({.method = "GET",
                .pattern = "/api/v1/price-lists/{id}",
                .handler = handler(getList),
                .action = Action::ManagePrices});
    router.add({.method = "PUT",
                .pattern = "/api/v1/price-lists/{id}",
                .handler = [&runtime](const RequestContext& ctx) { return putList(runtime, ctx, false); },
                .body = BodyKind::Json,
                .action = Action::ManagePrices});
    router.add({.method = "GET",
                .pattern = "/api/v1/price-lists/{id}/entries",
                .handler = handler(listEntries),
                .action = Action::ManagePrices});
    router.add({.method = "POST",
                .pattern = "/api/v1/price-lists/{id}/entries",
                .handler = handler(putEntries),
                .body = BodyKind::Json,
                .action = Action::ManagePrices});
    router.add({.method = "DELETE",
                .pattern = "/api/v1/price-lists/{id}/entries",
                .handler = handler(deleteEntry),
                .action = Action::ManagePrices});
}

}  // namespace crossdock::server
