// customers: the company (accounts), its price chain (pricing) and its assortments
// (catalog). Every customer is validated before anything is written.
#include <istream>

#include "crossdock/accounts/auth_service.h"
#include "crossdock/core/currency.h"
#include "crossdock/server/runtime.h"
#include "import/csv_rows.h"
#include "state/catalog_state.h"
#include "state/pricing_state.h"

namespace crossdock::server {
namespace {

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty()) parts.emplace_back(part);
        start = end + 1;
    }
    return parts;
}

bool fromJson(const CustomerInput& input) { return !input.where.empty() && input.where.front() == '$'; }

core::Error fieldError(const CustomerInput& input, const std::string& field, std::string message) {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message),
                           fromJson(input) ? "$." + field : input.where + " field " + field);
}

bool canBeRep(const accounts::User& user) {
    return user.active &&
           (user.role == accounts::Role::SalesRep || user.role == accounts::Role::SalesManager);
}

/// The user id of the input's rep (rep_email, else a non-zero company.rep_id); 0 for none.
core::Result<std::int64_t> resolveRep(const accounts::UserRepository& users, const CustomerInput& input) {
    const std::string email_field = fromJson(input) ? "rep_email" : "rep";
    std::optional<accounts::User> user;
    if (!input.rep_email.empty()) {
        auto email = accounts::normalizeEmail(input.rep_email);
        if (email) user = users.findByEmail(*email);
        if (!user) return fieldError(input, email_field, "no user with e-mail '" + input.rep_email + "'");
        if (input.company.rep_id != 0 && input.company.rep_id != user->id)
            return fieldError(input, "rep_id", "rep_id and rep_email name different users");
    } else if (input.company.rep_id != 0) {
        user = users.findById(input.company.rep_id);
        if (!user) return fieldError(input, "rep_id", "no user " + std::to_string(input.company.rep_id));
    } else {
        return std::int64_t{0};
    }
    if (!canBeRep(*user)) {
        return fieldError(input, !input.rep_email.empty() ? email_field : "rep_id",
                          "user '" + user->email + "' is not an active sales_rep or sales_manager");
    }
    return user->id;
}

/// Errors of one customer; on success puts its chain into `builder`.
std::vector<core::Error> checkCustomer(const CustomerInput& input, const CatalogSnapshot& catalog,
                                       pricing::SnapshotBuilder& builder) {
    std::vector<core::Error> errors;
    if (input.company.id.empty()) errors.push_back(fieldError(input, "customer_id", "must not be empty"));
    if (input.company.name.empty()) errors.push_back(fieldError(input, "name", "must not be empty"));
    if (!core::findCurrency(input.company.currency)) {
        errors.push_back(
            fieldError(input, "currency", "'" + input.company.currency + "' is not an ISO 4217 currency"));
    }
    auto strategy = pricing::parseStrategy(input.price_strategy.empty() ? "priority" : input.price_strategy);
    if (!strategy) errors.push_back(fieldError(input, "price_strategy", "must be 'priority' or 'lowest'"));
    for (const std::string& name : input.assortments) {
        if (!catalog.assortments.find(name))
            errors.push_back(fieldError(input, "assortments", "no assortment '" + name + "'"));
    }
    if (errors.empty()) {
        builder.putCustomer({input.company.id, input.company.currency, input.price_lists, *strategy},
                            input.where);
    }
    return errors;
}

void saveCompany(accounts::CompanyRepository& companies, const CustomerInput& input,
                 const accounts::Company& company) {
    if (auto existing = companies.find(company.id)) {
        accounts::Company updated = company;
        if (updated.status.empty()) updated.status = existing->status;
        if (!input.sets_credit_limit) updated.credit_limit = existing->credit_limit;
        if (!input.sets_rep) updated.rep_id = existing->rep_id;
        if (!input.sets_tax_exempt) updated.tax_exempt = existing->tax_exempt;
        (void)companies.update(updated);
    } else {
        accounts::Company created = company;
        if (created.status.empty()) created.status = "active";
        if (!companies.create(created)) (void)companies.update(created);  // created meanwhile elsewhere
    }
}

/// The optional columns credit_limit (a decimal ≥ 0; empty: no limit), rep (a user's
/// e-mail, resolved later) and tax_exempt (true/false; empty: false).
std::vector<core::Error> readTerms(const CsvRow& row, CustomerInput& input) {
    std::vector<core::Error> errors;
    input.sets_credit_limit = row.header.index("credit_limit").has_value();
    input.sets_rep = row.header.index("rep").has_value();
    input.sets_tax_exempt = row.header.index("tax_exempt").has_value();
    if (auto text = row["credit_limit"]; !text.empty()) {
        auto limit = core::Decimal::parse(text);
        if (!limit || limit->isNegative()) {
            errors.push_back(row.error("credit_limit", "credit_limit must be a decimal of at least 0, got '" +
                                                           std::string(text) + "'"));
        } else {
            input.company.credit_limit = *limit;
        }
    }
    input.rep_email = std::string(row["rep"]);
    if (auto text = row["tax_exempt"]; text == "true" || text == "false") {
        input.company.tax_exempt = text == "true";
    } else if (!text.empty()) {
        errors.push_back(
            row.error("tax_exempt", "tax_exempt must be true or false, got '" + std::string(text) + "'"));
    }
    return errors;
}

}  // namespace

catalog::ImportReport storeCustomers(Runtime& runtime, const std::vector<CustomerInput>& customers) {
    catalog::ImportReport report;
    auto catalog = runtime.catalog().current();
    pricing::SnapshotBuilder builder(runtime.pricing().current());
    std::vector<accounts::Company> companies;
    for (const CustomerInput& input : customers) {
        ++report.rows;
        companies.push_back(input.company);
        auto errors = checkCustomer(input, *catalog, builder);
        if (auto rep = resolveRep(runtime.store().users(), input))
            companies.back().rep_id = *rep;
        else
            errors.push_back(rep.takeError());
        if (errors.empty()) ++report.accepted;
        for (auto& error : errors) report.errors.push_back(std::move(error));
    }
    if (!report.ok()) return report;
    auto built = builder.build();
    if (!built) {
        report.errors.push_back(built.error());
        report.accepted = 0;
        return report;
    }
    for (std::size_t i = 0; i < customers.size(); ++i)
        saveCompany(runtime.store().companies(), customers[i], companies[i]);
    auto pricing_write = runtime.pricing().repository().begin();
    for (const CustomerInput& input : customers) {
        pricing_write->putCustomer(
            {input.company.id, input.company.currency, input.price_lists,
             *pricing::parseStrategy(input.price_strategy.empty() ? "priority" : input.price_strategy)});
    }
    runtime.pricing().adopt(*built, pricing_write->commit());
    auto catalog_write = runtime.catalog().repository().begin();
    for (const CustomerInput& input : customers)
        catalog_write->assignAssortments({input.company.id, input.assortments});
    catalog_write->commit();
    runtime.catalog().reload();
    return report;
}

std::optional<CustomerInput> findCustomer(Runtime& runtime, const std::string& customer_id) {
    auto company = runtime.store().companies().find(customer_id);
    if (!company) return std::nullopt;
    CustomerInput input;
    input.company = *company;
    input.price_strategy = "priority";
    if (company->rep_id != 0) {
        if (auto rep = runtime.store().users().findById(company->rep_id)) input.rep_email = rep->email;
    }
    if (auto chain = runtime.pricing().current()->customer(customer_id)) {
        input.price_lists = chain->chain;
        input.price_strategy = std::string(pricing::toString(chain->strategy));
    }
    input.assortments = runtime.catalog().current()->assortments.assignment(customer_id);
    return input;
}

catalog::ImportReport importCustomers(Runtime& runtime, std::istream& in, const std::string& source,
                                      const ImportProgress& progress) {
    std::vector<CustomerInput> customers;
    auto report = readCsvRows(
        in, source, {"customer_id", "name", "currency", "price_lists"},
        {"price_strategy", "assortments", "credit_limit", "rep", "tax_exempt"},
        [&](const CsvRow& row) {
            CustomerInput input;
            input.price_lists = splitList(row["price_lists"]);
            input.price_strategy = std::string(row["price_strategy"]);
            input.assortments = splitList(row["assortments"]);
            input.where = row.where;
            input.company.id = std::string(row["customer_id"]);
            input.company.name = std::string(row["name"]);
            input.company.currency = std::string(row["currency"]);
            input.company.status = "";
            auto errors = readTerms(row, input);
            customers.push_back(std::move(input));
            return errors;
        },
        progress);
    if (!report.ok()) return report;
    return storeCustomers(runtime, customers);
}

}  // namespace crossdock::server
