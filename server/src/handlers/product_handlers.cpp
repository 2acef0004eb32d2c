// GET /api/v1/products (search with facets) and GET /api/v1/products/{sku}.
// Everything comes from the live catalog and price snapshots: no database round trip.
// A buyer sees the items of their assortments at their prices; an item outside
// them answers 404 exactly as a missing one.
#include "crossdock/pricing/resolver.h"
#include "crossdock/server/pagination.h"
#include "handlers.h"
#include "handlers/product_views.h"
#include "state/catalog_state.h"
#include "state/pricing_state.h"

namespace crossdock::server {
namespace {

using core::ErrorCode;
using core::makeError;

/// The customer whose view this is: a buyer's company, or ?customer_id= for staff.
std::optional<std::string> viewerCustomer(const RequestContext& ctx) {
    if (auto scope = ctx.caller().scope()) return *scope;
    return ctx.request().queryParam("customer_id");
}

std::optional<catalog::AttributeId> attributeByCode(const catalog::CategoryTree& tree,
                                                    std::string_view code) {
    for (catalog::AttributeId id = 0; id < tree.attributeCount(); ++id) {
        if (tree.attribute(id).code == code) return id;
    }
    return std::nullopt;
}

/// attr.<code>=value (enum, boolean) and attr.<code>.min= / .max= (number).
core::Status addAttributeFilters(const Request& request, const catalog::CategoryTree& tree,
                                 catalog::SearchQuery& query) {
    std::string_view rest = request.query_string;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        auto name = percentDecode(pair.substr(0, eq), true);
        auto value = percentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
        if (!name || !value || name->rfind("attr.", 0) != 0) continue;
        std::string code = name->substr(5);
        std::string bound;
        if (const std::size_t dot = code.find('.'); dot != std::string::npos) {
            bound = code.substr(dot + 1);
            code.resize(dot);
        }
        auto id = attributeByCode(tree, code);
        if (!id) return makeError(ErrorCode::InvalidArgument, "no attribute '" + code + "'", *name);
        const catalog::AttributeDefinition& definition = tree.attribute(*id);
        auto data = catalog::parseAttributeValue(definition, *value);
        if (!data) return makeError(ErrorCode::InvalidArgument, data.error().message, *name);
        if (bound.empty() && definition.type != catalog::AttributeType::Number) {
            query.attributes.push_back({*id, std::move(*data)});
        } else if ((bound == "min" || bound == "max") && definition.type == catalog::AttributeType::Number) {
            catalog::NumericRange range{*id, {}, {}};
            (bound == "min" ? range.min : range.max) = std::get<core::Decimal>(*data);
            query.ranges.push_back(range);
        } else {
            return makeError(ErrorCode::InvalidArgument,
                             "use attr." + code +
                                 "=value for enum and boolean "
                                 "attributes, attr." +
                                 code + ".min= / .max= for numbers",
                             *name);
        }
    }
    return {};
}

std::vector<std::string> splitComma(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

core::Result<catalog::SearchQuery> searchQuery(const RequestContext& ctx, const CatalogSnapshot& catalog) {
    catalog::SearchQuery query;
    const Request& request = ctx.request();
    query.text = request.queryParam("q").value_or("");
    if (auto category = request.queryParam("category"); category && !category->empty()) {
        auto path = catalog::CategoryTree::normalizePath(*category);
        auto id = path ? catalog.tree().find(*path) : std::nullopt;
        if (!id) return makeError(ErrorCode::InvalidArgument, "no category '" + *category + "'", "category");
        query.category = *id;
    }
    if (auto brands = request.queryParam("brand")) query.brands = splitComma(*brands);
    query.in_stock_only = request.queryParam("in_stock").value_or("") == "true";
    query.include_drafts = ctx.caller().isStaff();
    const std::string sort = request.queryParam("sort").value_or("relevance");
    if (sort == "sku") {
        query.sort = catalog::SearchSort::Sku;
    } else if (sort == "name") {
        query.sort = catalog::SearchSort::Name;
    } else if (sort != "relevance") {
        return makeError(ErrorCode::InvalidArgument, "sort must be relevance, sku or name", "sort");
    }
    auto limit = pageLimit(request, 20, kMaxPageSize);
    if (!limit) return limit.takeError();
    query.limit = *limit;
    auto cursor = pageCursor(request);
    if (!cursor) return cursor.takeError();
    query.cursor = *cursor;
    query.with_facets = request.queryParam("facets").value_or("true") != "false";
    if (auto filters = addAttributeFilters(request, catalog.tree(), query); !filters)
        return filters.takeError();
    return query;
}

std::string_view facetKind(catalog::FacetKind kind) {
    switch (kind) {
        case catalog::FacetKind::Category:
            return "category";
        case catalog::FacetKind::Brand:
            return "brand";
        case catalog::FacetKind::Enum:
            return "enum";
        case catalog::FacetKind::Boolean:
            return "boolean";
        case catalog::FacetKind::Number:
            return "number";
    }
    return "";
}

void writeFacets(core::JsonWriter& out, const std::vector<catalog::Facet>& facets,
                 const catalog::CategoryTree& tree) {
    out.key("facets").beginArray();
    for (const catalog::Facet& facet : facets) {
        out.beginObject().field("code", facet.code).field("kind", facetKind(facet.kind));
        if (facet.kind == catalog::FacetKind::Number) {
            out.key("count").number(std::int64_t{facet.count});
            out.key("min");
            facet.min ? out.string(facet.min->toShortString()) : out.null();
            out.key("max");
            facet.max ? out.string(facet.max->toShortString()) : out.null();
        }
        out.key("values").beginArray();
        for (const catalog::FacetValue& value : facet.values) {
            out.beginObject().field("value", value.value).key("count").number(std::int64_t{value.count});
            if (value.category != catalog::kNoCategory)
                out.field("category", tree.category(value.category).path);
            out.endObject();
        }
        out.endArray().endObject();
    }
    out.endArray();
}

core::Result<Response> searchProducts(Runtime& runtime, const RequestContext& ctx) {
    auto catalog = runtime.catalog().current();
    auto query = searchQuery(ctx, *catalog);
    if (!query) return query.takeError();
    const std::optional<std::string> customer = viewerCustomer(ctx);
    catalog::CustomerVisibility visibility;
    if (customer) {
        visibility = catalog->assortments.visibilityFor(*customer);
        query->visibility = &visibility;
        query->part_numbers = [&](std::string_view part) {
            return catalog->part_numbers.skuFor(*customer, part);
        };
    }
    auto result = catalog->index.search(*query);
    if (!result) return makeError(ErrorCode::InvalidArgument, result.error().message, "cursor");
    pricing::Resolver resolver(runtime.pricing().current());
    const ProductViewer viewer{customer, core::Date::fromTimePoint(runtime.clock().now()), &resolver,
                               ctx.caller().isStaff()};
    core::JsonWriter out(1024 + 1536 * result->hits.size());
    out.beginObject().key("items").beginArray();
    writeProducts(out, result->hits, *catalog, viewer);
    out.endArray().key("next_cursor");
    result->next_cursor.empty() ? out.null() : out.string(encodeCursor(result->next_cursor));
    out.key("total").number(static_cast<std::int64_t>(result->total));
    writeFacets(out, result->facets, catalog->tree());
    out.endObject();
    return Response::jsonText(200, out.take());
}

core::Result<Response> getProduct(Runtime& runtime, const RequestContext& ctx) {
    auto catalog = runtime.catalog().current();
    const std::optional<std::string> customer = viewerCustomer(ctx);
    const catalog::Item* item = catalog->index.find(ctx.param("sku"));
    if (item != nullptr && customer && !catalog->assortments.canSee(*customer, catalog->tree(), *item))
        item = nullptr;
    if (item != nullptr && item->status == catalog::ItemStatus::Draft && !ctx.caller().isStaff())
        item = nullptr;
    if (item == nullptr) return makeError(ErrorCode::NotFound, "product not found");
    pricing::Resolver resolver(runtime.pricing().current());
    const ProductViewer viewer{customer, core::Date::fromTimePoint(runtime.clock().now()), &resolver,
                               ctx.caller().isStaff()};
    core::JsonWriter out(2048);
    writeProduct(out, *item, *catalog, viewer);
    return Response::jsonText(200, out.take());
}

}  // namespace

void registerProductRoutes(Router& router, Runtime& runtime) {
    router.add({.method = "GET",
                .pattern = "/api/v1/products",
                .handler = [&runtime](const RequestContext& ctx) { return searchProducts(runtime, ctx); },
                .action = accounts::Action::ReadCatalog});
    router.add({.method = "GET",
                .pattern = "/api/v1/products/{sku}",
                .handler = [&runtime](const RequestContext& ctx) { return getProduct(runtime, ctx); },
                .action = accounts::Action::ReadCatalog});
}

}  // namespace crossdock::server
