// Customer accounts (accounts::Company). Buyers see their own company only; any
// other id answers 404 exactly like a missing one.
#include <algorithm>
#include <map>

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

/// credit_limit (a decimal string or number ≥ 0, or null), rep_id (a user id or null),
/// rep_email (or null) and tax_exempt (a boolean) into `input`. The rep is checked by
/// storeCustomers.
core::Status readTerms(const core::Json& body, CustomerInput& input) {
    if (const core::Json* limit = body.find("credit_limit"); limit != nullptr && !limit->isNull()) {
        auto value = limit->asDecimal();
        if (!value || value->isNegative()) {
            return makeError(ErrorCode::InvalidArgument,
                             "credit_limit must be a decimal of at least 0 or null", "$.credit_limit");
        }
        input.company.credit_limit = *value;
    }
    if (const core::Json* rep = body.find("rep_id"); rep != nullptr && !rep->isNull()) {
        auto id = rep->asInt64();
        if (!id || *id <= 0)
            return makeError(ErrorCode::InvalidArgument, "rep_id must be a user id", "$.rep_id");
        input.company.rep_id = *id;
    }
    auto email = optionalString(body, "rep_email");
    if (!email) return email.takeError();
    if (email->has_value()) input.rep_email = **email;
    if (const core::Json* exempt = body.find("tax_exempt"); exempt != nullptr && !exempt->isNull()) {
        if (!exempt->isBool())
            return makeError(ErrorCode::InvalidArgument, "tax_exempt must be a boolean", "$.tax_exempt");
        input.company.tax_exempt = exempt->asBool();
    }
    return {};
}

core::Result<CustomerInput> customerFromBody(const core::Json& body) {
    auto company = companyFromBody(body);
    if (!company) return company.takeError();
    CustomerInput input;
    input.company = std::move(*company);
    input.price_strategy = "priority";
    input.where = "$";
    if (auto terms = readTerms(body, input); !terms) return terms.takeError();
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

/// credit_limit ("1000.0000" or null), rep_id and rep_email (or null), tax_exempt.
void writeCustomerTerms(core::JsonWriter& out, const CustomerInput& customer) {
    const accounts::Company& company = customer.company;
    out.key("credit_limit");
    company.credit_limit ? out.string(company.credit_limit->toString(core::Decimal::kScale)) : out.null();
    out.key("rep_id");
    company.rep_id != 0 ? out.number(company.rep_id) : out.null();
    out.key("rep_email");
    customer.rep_email.empty() ? out.null() : out.string(customer.rep_email);
    out.field("tax_exempt", company.tax_exempt);
}

std::string customerText(const CustomerInput& customer) {
    core::JsonWriter out(512);
    out.beginObject();
    writeCompanyFields(out, customer.company);
    writeCustomerTerms(out, customer);
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

/// The customers of a list page: company fields and terms (not chains and assortments).
std::string listItems(Runtime& runtime, const std::vector<accounts::Company>& page) {
    core::JsonWriter items(128 * page.size() + 16);
    std::map<std::int64_t, std::string> rep_emails;  // a page has few distinct reps
    for (const auto& company : page) {
        CustomerInput customer;
        customer.company = company;
        if (company.rep_id != 0) {
            auto [known, fresh] = rep_emails.try_emplace(company.rep_id);
            if (fresh) {
                if (auto rep = runtime.store().users().findById(company.rep_id)) known->second = rep->email;
            }
            customer.rep_email = known->second;
        }
        items.beginObject();
        writeCompanyFields(items, company);
        writeCustomerTerms(items, customer);
        items.endObject();
    }
    return items.take();
}

core::Result<Response> listCustomers(Runtime& runtime, const RequestContext& ctx) {
    const accounts::CompanyRepository& companies = runtime.store().companies();
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
    return Response::jsonText(200, listEnvelope(listItems(runtime, page), next));
}

}  // namespace

void registerCustomerRoutes(Router& router, Runtime& runtime) {
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
                .handler = [&runtime](const RequestContext& ctx) { return listCustomers(runtime, ctx); },
                .action = accounts::Action::ReadCompany});
}

}  // namespace crossdock::server
