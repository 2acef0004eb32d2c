// Customer accounts (accounts::Company). Buyers see their own company only; any
// other id answers 404 exactly like a missing one.
#include <algorithm>

#include "crossdock/core/currency.h"
#include "crossdock/server/data_import.h"
#include "crossdock/server/json_fields.h"
#include "crossdock/server/pagination.h"
#include "crossdock/server/runtime.h"
#include "handlers.h"
#include "views.h"

namespace crossdock::server {

namespace {

using core::ErrorCode;
using core::makeError;

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxNameLength = 200;

core::Error notFound() { return makeError(ErrorCode::NotFound, "customer not found"); }

bool isValidCustomerId(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdLength) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '-';
    });
}

core::Result<accounts::Company> companyFromBody(const core::Json& body) {
    auto id =
        requiredString(body, body.contains("customer_id") || !body.contains("id") ? "customer_id" : "id");
    if (!id) return id.takeError();
    if (!isValidCustomerId(*id)) {
        return makeError(ErrorCode::InvalidArgument,
                         "customer_id must be 1..64 characters from A-Z a-z 0-9 . _ -", "$.customer_id");
    }
    auto name = requiredString(body, "name");
    if (!name) return name.takeError();
    if (name->find_first_not_of(" \t") == std::string::npos || name->size() > kMaxNameLength) {
        return makeError(ErrorCode::InvalidArgument, "name must be 1..200 characters", "$.name");
    }
    auto currency = requiredString(body, "currency");
    if (!currency) return currency.takeError();
    if (!core::findCurrency(*currency)) {
        return makeError(ErrorCode::InvalidArgument, "unknown ISO 4217 currency '" + *currency + "'",
                         "$.currency");
    }
    auto status = optionalString(body, "status");
    if (!status) return status.takeError();
    accounts::Company company;
    company.id = std::move(*id);
    company.name = std::move(*name);
    company.currency = std::move(*currency);
    if (status->has_value()) {
        if (**status != "active" && **status != "suspended") {
            return makeError(ErrorCode::InvalidArgument, "status must be \"active\" or \"suspended\"",
                             "$.status");
        }
        company.status = **status;
    }
    return company;
}

core::Result<CustomerInput> customerFromBody(const core::Json& body) {
    auto company = companyFromBody(body);
    if (!company) return company.takeError();
    CustomerInput input{std::move(*company), {}, "priority", {}, "$"};
    auto lists = optionalStringArray(body, "price_lists");
    if (!lists) return lists.takeError();
    if (lists->has_value()) input.price_lists = std::move(**lists);  // absent: the default list only
    auto strategy = optionalString(body, "price_strategy");
    if (!strategy) return strategy.takeError();
    if (strategy->has_value()) input.price_strategy = **strategy;
    auto assortments = optionalStringArray(body, "assortments");
    if (!assortments) return assortments.takeError();
    if (assortments->has_value()) input.assortments = std::move(**assortments);
    return input;
}

std::string customerText(const CustomerInput& customer) {
    core::JsonWriter out(512);
    out.beginObject();
    writeCompanyFields(out, customer.company);
    out.key("price_lists").beginArray();
    for (const auto& list : customer.price_lists) out.string(list);
    out.endArray().field("price_strategy", customer.price_strategy).key("assortments").beginArray();
    for (const auto& name : customer.assortments) out.string(name);
    out.endArray().endObject();
    return out.take();
}

core::Result<Response> createCustomer(Runtime& runtime, const RequestContext& ctx) {
    auto customer = customerFromBody(ctx.json());
    if (!customer) return customer.takeError();
    if (runtime.store().companies().find(customer->company.id)) {
        return makeError(ErrorCode::Conflict, "customer '" + customer->company.id + "' already exists",
                         "$.customer_id");
    }
    catalog::ImportReport report = storeCustomers(runtime, {*customer});
    if (!report.ok()) return report.errors.front();
    auto stored = findCustomer(runtime, customer->company.id);
    if (!stored) return notFound();
    Response response = Response::jsonText(201, customerText(*stored));
    response.headers.set("Location", "/api/v1/customers/" + customer->company.id);
    return response;
}

core::Result<Response> getCustomer(Runtime& runtime, const RequestContext& ctx) {
    const std::string& id = ctx.param("id");
    if (!ctx.caller().canSee(id)) return notFound();
    auto customer = findCustomer(runtime, id);
    if (!customer) return notFound();
    return Response::jsonText(200, customerText(*customer));
}

core::Result<Response> listCustomers(const accounts::CompanyRepository& companies,
                                     const RequestContext& ctx) {
    auto limit = pageLimit(ctx.request());
    if (!limit) return limit.takeError();
    auto after = pageCursor(ctx.request());
    if (!after) return after.takeError();
    std::vector<accounts::Company> page;
    if (auto scope = ctx.caller().scope()) {
        // Confined callers list their own company, and only on the first page.
        if (after->empty() && !scope->empty()) {
            if (auto own = companies.find(*scope)) page.push_back(std::move(*own));
        }
    } else {
        page = companies.list(*after, *limit + 1);
    }
    std::optional<std::string> next;
    if (page.size() > *limit) {
        page.resize(*limit);
        next = page.back().id;
    }
    core::JsonWriter items(64 * page.size() + 16);
    for (const auto& company : page) writeCompany(items, company);
    return Response::jsonText(200, listEnvelope(items.str(), next));
}

}  // namespace

void registerCustomerRoutes(Router& router, Runtime& runtime) {
    accounts::CompanyRepository& companies = runtime.store().companies();
    router.add({.method = "POST",
                .pattern = "/api/v1/customers",
                .handler = [&runtime](const RequestContext& ctx) { return createCustomer(runtime, ctx); },
                .body = BodyKind::Json,
                .action = accounts::Action::ManageCompanies});
    router.add({.method = "GET",
                .pattern = "/api/v1/customers/{id}",
                .handler = [&runtime](const RequestContext& ctx) { return getCustomer(runtime, ctx); },
                .action = accounts::Action::ReadCompany});
    router.add({.method = "GET",
                .pattern = "/api/v1/customers",
                .handler = [&companies](const RequestContext& ctx) { return listCustomers(companies, ctx); },
                .action = accounts::Action::ReadCompany});
}

}  // namespace crossdock::server
