// customers: the company (accounts), its price chain (pricing) and its assortments
// (catalog). Every customer is validated before anything is written.
#include <istream>

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

core::Error fieldError(const CustomerInput& input, const std::string& field, std::string message) {
    const bool json = !input.where.empty() && input.where.front() == '$';
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message),
                           json ? "$." + field : input.where + " field " + field);
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

void saveCompany(accounts::CompanyRepository& companies, const accounts::Company& company) {
    if (auto existing = companies.find(company.id)) {
        accounts::Company updated = company;
        if (updated.status.empty()) updated.status = existing->status;
        (void)companies.update(updated);
    } else {
        accounts::Company created = company;
        if (created.status.empty()) created.status = "active";
        if (!companies.create(created)) (void)companies.update(created);  // created meanwhile elsewhere
    }
}

}  // namespace

catalog::ImportReport storeCustomers(Runtime& runtime, const std::vector<CustomerInput>& customers) {
    catalog::ImportReport report;
    auto catalog = runtime.catalog().current();
    pricing::SnapshotBuilder builder(runtime.pricing().current());
    for (const CustomerInput& input : customers) {
        ++report.rows;
        auto errors = checkCustomer(input, *catalog, builder);
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
    for (const CustomerInput& input : customers) saveCompany(runtime.store().companies(), input.company);
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
    CustomerInput input{*company, {}, "priority", {}, {}};
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
        in, source, {"customer_id", "name", "currency", "price_lists"}, {"price_strategy", "assortments"},
        [&](const CsvRow& row) {
            customers.push_back({{std::string(row["customer_id"]), std::string(row["name"]),
                                  std::string(row["currency"]), ""},
                                 splitList(row["price_lists"]),
                                 std::string(row["price_strategy"]),
                                 splitList(row["assortments"]),
                                 row.where});
            return std::vector<core::Error>{};
        },
        progress);
    if (!report.ok()) return report;
    return storeCustomers(runtime, customers);
}

}  // namespace crossdock::server
