// POST /api/v1/prices/resolve: a cart priced for one customer, line by line, with
// explanations. Reads the live snapshots only: no database round trip.
#include "crossdock/pricing/resolver.h"
#include "crossdock/server/json_fields.h"
#include "handlers.h"
#include "handlers/price_views.h"
#include "state/catalog_state.h"
#include "state/pricing_state.h"

namespace crossdock::server {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr std::size_t kMaxLines = 10'000;

/// The customer a caller prices for: a buyer's own company; staff name one.
core::Result<std::string> pricingCustomer(const RequestContext& ctx) {
    auto requested = optionalString(ctx.json(), "customer_id");
    if (!requested) return requested.takeError();
    if (auto scope = ctx.caller().scope()) {
        if (requested->has_value() && **requested != *scope) {
            return makeError(ErrorCode::NotFound, "customer not found", "$.customer_id");
        }
        return *scope;
    }
    if (!requested->has_value()) {
        return makeError(ErrorCode::InvalidArgument, "customer_id is required for staff", "$.customer_id");
    }
    return **requested;
}

core::Result<core::Date> pricingDate(const RequestContext& ctx, const core::Clock& clock) {
    auto at = optionalString(ctx.json(), "at");
    if (!at) return at.takeError();
    if (!at->has_value()) return core::Date::fromTimePoint(clock.now());
    auto date = core::Date::parse(**at);
    if (!date) return makeError(ErrorCode::InvalidArgument, "at must be an ISO date (YYYY-MM-DD)", "$.at");
    return *date;
}

struct LineTotals {
    core::Decimal total;
    std::string currency;
};

/// One line of a request, checked: what to price, and whether the caller may see the SKU.
struct ParsedLine {
    std::string sku;
    core::Decimal quantity;
    std::string unit;
    bool visible = false;
};

/// Where a line sits in the request body, for error messages: "$" (the explain body)
/// or "$.lines[i]". Built only when a line is refused.
struct LinePlace {
    std::size_t index = 0;
    bool whole_body = false;
    std::string text() const { return whole_body ? "$" : "$.lines[" + std::to_string(index) + "]"; }
};

core::Result<ParsedLine> parseLine(const core::Json& line, LinePlace place, const std::string& customer,
                                   const CatalogSnapshot& catalog) {
    if (!line.isObject())
        return makeError(ErrorCode::InvalidArgument, "a line must be an object", place.text());
    auto sku = requiredString(line, "sku");
    if (!sku) return makeError(ErrorCode::InvalidArgument, sku.error().message, place.text() + ".sku");
    auto quantity = requiredDecimal(line, "quantity");
    if (!quantity)
        return makeError(ErrorCode::InvalidArgument, quantity.error().message, place.text() + ".quantity");
    auto uom = optionalString(line, "uom");
    if (!uom) return makeError(ErrorCode::InvalidArgument, uom.error().message, place.text() + ".uom");
    const catalog::Item* item = catalog.index.find(*sku);
    const bool visible = item != nullptr && catalog.assortments.canSee(customer, catalog.tree(), *item);
    std::string unit = uom->value_or(visible ? item->units.baseUnit() : std::string());
    return ParsedLine{std::move(*sku), *quantity, std::move(unit), visible};
}

/// A line the caller may not see answers exactly as an unknown SKU.
core::Result<pricing::PricedLine> invisibleLine(const ParsedLine& line) {
    return core::Result<pricing::PricedLine>(
        makeError(ErrorCode::NotFound, "unknown_sku: no item " + line.sku));
}

/// Writes one line (priced, or with its error); adds priced lines to `totals`.
core::Status writeLine(JsonText& out, const ParsedLine& line, const core::Result<pricing::PricedLine>& priced,
                       LineTotals& totals) {
    out.raw(R"({"sku":)").string(line.sku);
    out.raw(R"(,"quantity":)").shortDecimal(line.quantity);
    out.raw(R"(,"uom":)").string(line.unit);
    if (!priced) {
        std::string_view reason = pricing::errorReason(priced.error());
        out.raw(R"(,"error":{"code":)").string(reason.empty() ? std::string_view("error") : reason);
        out.raw(R"(,"message":)").string(priced.error().message).raw("}}");
        return {};
    }
    out.raw(R"(,"unit_price":)").money(priced->unit_price);
    out.raw(R"(,"extended":)").money(priced->extended);
    out.raw(R"(,"list_id":)").string(priced->list_id);
    out.raw(R"(,"explanation":)");
    writeExplanation(out, *priced);
    out.raw("}");
    if (totals.currency != priced->currency.code) totals.currency = std::string(priced->currency.code);
    auto sum = core::Decimal::add(totals.total, priced->extended);
    if (!sum) return sum.takeError();
    totals.total = *sum;
    return {};
}

/// The answer to /prices/resolve: `priced` holds the visible lines of `parsed`, in order.
core::Result<Response> writeAnswer(const std::string& customer, core::Date date,
                                   const std::vector<ParsedLine>& parsed,
                                   const std::vector<core::Result<pricing::PricedLine>>& priced,
                                   LineTotals& totals) {
    JsonText out(256 + 1280 * parsed.size());
    out.raw(R"({"customer_id":)").string(customer);
    out.raw(R"(,"at":)").string(date.toString()).raw(R"(,"lines":[)");
    std::size_t next = 0;
    for (const ParsedLine& line : parsed) {
        if (&line != parsed.data()) out.raw(",");
        const auto written = line.visible ? writeLine(out, line, priced[next++], totals)
                                          : writeLine(out, line, invisibleLine(line), totals);
        if (!written) return written.error();
    }
    out.raw(R"(],"currency":)").string(totals.currency);
    out.raw(R"(,"total":)").money(totals.total).raw("}");
    return Response::jsonText(200, out.take());
}

core::Result<Response> resolvePrices(Runtime& runtime, const RequestContext& ctx) {
    auto customer = pricingCustomer(ctx);
    if (!customer) return customer.takeError();
    auto date = pricingDate(ctx, runtime.clock());
    if (!date) return date.takeError();
    const core::Json* lines = ctx.json().find("lines");
    if (lines == nullptr || !lines->isArray()) {
        return makeError(ErrorCode::InvalidArgument, "lines must be an array", "$.lines");
    }
    if (lines->size() > kMaxLines) {
        return makeError(ErrorCode::InvalidArgument, "at most 10000 lines per request", "$.lines");
    }
    auto catalog = runtime.catalog().current();
    pricing::Resolver resolver(runtime.pricing().current());
    auto chain = resolver.snapshot().customer(*customer);
    if (!chain) return makeError(ErrorCode::NotFound, "customer not found", "$.customer_id");
    LineTotals totals{core::Decimal(), chain->currency};
    // Check every line first, then price the visible ones in one resolveAll()
    // (its prefetch pipeline overlaps the lines' cache misses), then write.
    std::vector<ParsedLine> parsed;
    parsed.reserve(lines->size());
    for (std::size_t i = 0; i < lines->size(); ++i) {
        auto line = parseLine(lines->items()[i], LinePlace{i, false}, *customer, *catalog);
        if (!line) return line.takeError();
        parsed.push_back(std::move(*line));
    }
    std::vector<pricing::PriceRequest> requests;
    requests.reserve(parsed.size());
    for (const ParsedLine& line : parsed) {
        if (line.visible) requests.push_back({*customer, line.sku, line.unit, line.quantity, *date});
    }
    return writeAnswer(*customer, *date, parsed, resolver.resolveAll(requests), totals);
}

/// One line, its explanation in full: the body is the line itself plus customer_id and at.
core::Result<Response> explainPrice(Runtime& runtime, const RequestContext& ctx) {
    auto customer = pricingCustomer(ctx);
    if (!customer) return customer.takeError();
    auto date = pricingDate(ctx, runtime.clock());
    if (!date) return date.takeError();
    auto catalog = runtime.catalog().current();
    pricing::Resolver resolver(runtime.pricing().current());
    if (!resolver.snapshot().customer(*customer)) {
        return makeError(ErrorCode::NotFound, "customer not found", "$.customer_id");
    }
    LineTotals totals;
    auto line = parseLine(ctx.json(), LinePlace{0, true}, *customer, *catalog);
    if (!line) return line.takeError();
    JsonText out(2048);
    const auto priced = line->visible
                            ? resolver.resolve({*customer, line->sku, line->unit, line->quantity, *date})
                            : invisibleLine(*line);
    if (auto written = writeLine(out, *line, priced, totals); !written) return written.takeError();
    return Response::jsonText(200, out.take());
}

}  // namespace

void registerPriceRoutes(Router& router, Runtime& runtime) {
    router.add({.method = "POST",
                .pattern = "/api/v1/prices/explain",
                .handler = [&runtime](const RequestContext& ctx) { return explainPrice(runtime, ctx); },
                .body = BodyKind::Json,
                .action = accounts::Action::ResolvePrices});
    router.add({.method = "POST",
                .pattern = "/api/v1/prices/resolve",
                .handler = [&runtime](const RequestContext& ctx) { return resolvePrices(runtime, ctx); },
                .body = BodyKind::Json,
                .action = accounts::Action::ResolvePrices});
}

}  // namespace crossdock::server
