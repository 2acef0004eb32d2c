// Trading partners (edi::Partner): admin only. Creating one issues its API key, shown once.
#include "crossdock/edi/partner.h"
#include "crossdock/server/pagination.h"
#include "handlers.h"

namespace crossdock::server {

namespace {

using core::ErrorCode;
using core::makeError;

core::Error notFound() { return makeError(ErrorCode::NotFound, "partner not found"); }

// The customer must exist: a partner orders for it.
core::Status checkCustomer(const accounts::CompanyRepository& companies, const edi::Partner& partner) {
    if (companies.find(partner.customer_id)) return {};
    return makeError(ErrorCode::InvalidArgument, "no customer '" + partner.customer_id + "'",
                     "$.customer_id");
}

core::Result<Response> createPartner(const PartnerRouteDeps& deps, const RequestContext& ctx) {
    auto partner = edi::partnerFromJson(ctx.json());
    if (!partner) return partner.takeError();
    if (auto customer = checkCustomer(deps.companies, *partner); !customer) return customer.takeError();
    if (auto created = deps.partners.create(*partner); !created) return created.takeError();
    const std::string key = deps.auth.issueApiKey(partner->id, partner->customer_id);
    std::string body = edi::partnerToJson(*partner);
    body.pop_back();  // the closing brace: the key goes beside the profile, this once
    core::JsonWriter api_key;
    api_key.string(key);
    body += ",\"api_key\":" + api_key.str() + "}";
    Response response = Response::jsonText(201, std::move(body));
    response.headers.set("Location", "/api/v1/partners/" + partner->id);
    return response;
}

core::Result<Response> updatePartner(const PartnerRouteDeps& deps, const RequestContext& ctx) {
    auto partner = edi::partnerFromJson(ctx.json());
    if (!partner) return partner.takeError();
    if (partner->id != ctx.param("id")) {
        return makeError(ErrorCode::InvalidArgument, "the body's id must be the partner's id", "$.id");
    }
    if (auto customer = checkCustomer(deps.companies, *partner); !customer) return customer.takeError();
    if (auto updated = deps.partners.update(*partner); !updated) return updated.takeError();
    return Response::jsonText(200, edi::partnerToJson(*partner));
}

core::Result<Response> getPartner(const PartnerRouteDeps& deps, const RequestContext& ctx) {
    auto partner = deps.partners.find(ctx.param("id"));
    if (!partner) return notFound();
    return Response::jsonText(200, edi::partnerToJson(*partner));
}

core::Result<Response> listPartners(const PartnerRouteDeps& deps, const RequestContext& ctx) {
    auto limit = pageLimit(ctx.request());
    if (!limit) return limit.takeError();
    auto after = pageCursor(ctx.request());
    if (!after) return after.takeError();
    auto page = deps.partners.list(*after, *limit + 1);
    std::optional<std::string> next;
    if (page.size() > *limit) {
        page.resize(*limit);
        next = page.back().id;
    }
    core::JsonWriter items(256 * page.size() + 16);
    for (const auto& partner : page) edi::writePartner(items, partner);
    return Response::jsonText(200, listEnvelope(items.str(), next));
}

}  // namespace

void registerPartnerRoutes(Router& router, const PartnerRouteDeps& deps) {
    const auto manage = accounts::Action::ManagePartners;
    router.add({.method = "POST",
                .pattern = "/api/v1/partners",
                .handler = [deps](const RequestContext& ctx) { return createPartner(deps, ctx); },
                .body = BodyKind::Json,
                .action = manage});
    router.add({.method = "PUT",
                .pattern = "/api/v1/partners/{id}",
                .handler = [deps](const RequestContext& ctx) { return updatePartner(deps, ctx); },
                .body = BodyKind::Json,
                .action = manage});
    router.add({.method = "GET",
                .pattern = "/api/v1/partners/{id}",
                .handler = [deps](const RequestContext& ctx) { return getPartner(deps, ctx); },
                .action = manage});
    router.add({.method = "GET",
                .pattern = "/api/v1/partners",
                .handler = [deps](const RequestContext& ctx) { return listPartners(deps, ctx); },
                .action = manage});
}

}  // namespace crossdock::server
