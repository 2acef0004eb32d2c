// POST /api/v1/imports/{kind}: the bulk imports of `crossdock import` over HTTP, for
// files up to server.max_body_bytes (the CLI takes any size). The body is the CSV
// itself; the answer is the import report.
#include <sstream>

#include "crossdock/server/data_import.h"
#include "handlers.h"

namespace crossdock::server {
namespace {

std::string reportJson(const std::string& kind, const catalog::ImportReport& report) {
    core::JsonWriter out(256 + 160 * report.errors.size());
    out.beginObject().field("kind", kind);
    out.key("rows").number(static_cast<std::int64_t>(report.rows));
    out.key("imported").number(static_cast<std::int64_t>(report.ok() ? report.accepted : 0));
    out.key("errors").beginArray();
    for (const core::Error& error : report.errors) {
        out.beginObject().field("where", error.where).field("message", error.message).endObject();
    }
    out.endArray().field("error_limit_reached", report.error_limit_reached).endObject();
    return out.take();
}

core::Result<Response> runImport(Runtime& runtime, const std::string& kind, const RequestContext& ctx) {
    std::istringstream in(ctx.request().body);
    ImportSettings settings;
    settings.create_missing_categories = ctx.request().queryParam("create_categories").value_or("") == "true";
    // A BMEcat document comes as XML; everything else is CSV.
    const std::string content_type(ctx.request().header("Content-Type").value_or(""));
    const bool xml = kind == "catalog" && content_type.find("xml") != std::string::npos;
    catalog::ImportReport report = importData(runtime, kind, in, kind + (xml ? ".xml" : ".csv"), settings);
    return Response::jsonText(report.ok() ? 200 : 422, reportJson(kind, report));
}

}  // namespace

void registerImportRoutes(Router& router, Runtime& runtime) {
    const std::pair<const char*, accounts::Action> kinds[] = {
        {"categories", accounts::Action::ManageCatalog},  {"catalog", accounts::Action::ManageCatalog},
        {"assortments", accounts::Action::ManageCatalog}, {"part_numbers", accounts::Action::ManageCatalog},
        {"stock", accounts::Action::ManageCatalog},       {"price_lists", accounts::Action::ManagePrices},
        {"prices", accounts::Action::ManagePrices},       {"customers", accounts::Action::ManageCompanies},
    };
    for (const auto& [kind, action] : kinds) {
        const std::string name = kind;
        router.add(
            {.method = "POST",
             .pattern = "/api/v1/imports/" + name,
             .handler = [&runtime, name](const RequestContext& ctx) { return runImport(runtime, name, ctx); },
             .action = action});
    }
}

}  // namespace crossdock::server
