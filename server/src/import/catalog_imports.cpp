// categories, catalog and assortments imports.
#include <istream>
#include <unordered_map>

#include "crossdock/catalog/catalog_csv_importer.h"
#include "crossdock/catalog/category_csv_importer.h"
#include "crossdock/server/runtime.h"
#include "import/bmecat_import.h"
#include "import/csv_rows.h"
#include "state/catalog_state.h"
#include "state/pricing_state.h"

namespace crossdock::server {
namespace {

catalog::ImportOptions optionsWith(const ImportProgress& progress) {
    catalog::ImportOptions options;
    options.on_progress = progress;
    return options;
}

// A catalog change can change what prices may refer to (units of an item), so prices follow.
void reloadCatalog(Runtime& runtime) {
    runtime.catalog().reload();
    runtime.pricing().refresh();
}

}  // namespace

catalog::ImportReport importCategories(Runtime& runtime, std::istream& in, const std::string& source,
                                       const ImportProgress& progress) {
    catalog::CategoryCsvImporter importer(runtime.catalog().current()->tree(), optionsWith(progress));
    catalog::ImportReport report = importer.run(in, source);
    if (!report.ok()) return report;
    auto write = runtime.catalog().repository().begin();
    write->saveTree(importer.tree());
    write->commit();
    reloadCatalog(runtime);
    return report;
}

catalog::ImportReport importCatalog(Runtime& runtime, std::istream& in, const std::string& source,
                                    const ImportSettings& settings) {
    if (source.size() >= 4 && source.compare(source.size() - 4, 4, ".xml") == 0) {
        catalog::ImportReport report = importBmecat(runtime, in, source, settings);
        if (report.ok() && settings.refresh_runtime) reloadCatalog(runtime);
        return report;
    }
    auto snapshot = runtime.catalog().current();
    catalog::ImportOptions options = optionsWith(settings.progress);
    options.create_missing_categories = settings.create_missing_categories;
    catalog::CatalogCsvImporter importer(snapshot->tree(), options);
    auto write = runtime.catalog().repository().begin();
    // Rows go to the open transaction as they are read: memory stays per row. The first
    // error stops the sink; the transaction is then dropped (rolled back).
    catalog::ImportReport report =
        importer.run(in, source, [&](catalog::Item&& item) { write->putItem(item, importer.tree()); });
    if (!report.ok()) return report;
    if (!importer.createdCategories().empty()) write->saveTree(importer.tree());
    write->commit();
    if (settings.refresh_runtime) reloadCatalog(runtime);
    return report;
}

catalog::ImportReport importAssortments(Runtime& runtime, std::istream& in, const std::string& source,
                                        const ImportProgress& progress) {
    auto snapshot = runtime.catalog().current();
    std::vector<catalog::AssortmentRule> rules;
    auto report = readCsvRows(
        in, source, {"assortment", "kind", "value"}, {},
        [&](const CsvRow& row) {
            std::vector<core::Error> errors;
            catalog::AssortmentRule rule{std::string(row["assortment"]), std::string(row["kind"]),
                                         std::string(row["value"])};
            if (rule.assortment.empty()) errors.push_back(row.error("assortment", "must not be empty"));
            if (rule.kind == "category") {
                auto path = catalog::CategoryTree::normalizePath(rule.value);
                if (!path || !snapshot->tree().find(*path)) {
                    errors.push_back(row.error("value", "no category '" + rule.value + "'"));
                } else {
                    rule.value = *path;
                }
            } else if (rule.kind == "sku") {
                if (snapshot->index.find(rule.value) == nullptr) {
                    errors.push_back(row.error("value", "no item with SKU '" + rule.value + "'"));
                }
            } else {
                errors.push_back(row.error("kind", "must be 'category' or 'sku', got '" + rule.kind + "'"));
            }
            if (errors.empty()) rules.push_back(std::move(rule));
            return errors;
        },
        progress);
    if (!report.ok()) return report;
    auto write = runtime.catalog().repository().begin();
    write->replaceAssortments(rules);
    write->commit();
    reloadCatalog(runtime);
    return report;
}

catalog::ImportReport importPartNumbers(Runtime& runtime, std::istream& in, const std::string& source,
                                        const ImportProgress& progress) {
    auto snapshot = runtime.catalog().current();
    accounts::CompanyRepository& companies = runtime.store().companies();
    std::vector<catalog::PartNumberRow> rows;
    std::unordered_map<std::string, bool> known_customers;
    auto report = readCsvRows(
        in, source, {"customer_id", "part_number", "sku"}, {},
        [&](const CsvRow& row) {
            std::vector<core::Error> errors;
            catalog::PartNumberRow part{std::string(row["customer_id"]), std::string(row["part_number"]),
                                        std::string(row["sku"])};
            auto known = known_customers.find(part.customer_id);
            if (known == known_customers.end()) {
                known =
                    known_customers.emplace(part.customer_id, companies.find(part.customer_id).has_value())
                        .first;
            }
            if (!known->second)
                errors.push_back(row.error("customer_id", "no customer '" + part.customer_id + "'"));
            if (part.part_number.empty()) errors.push_back(row.error("part_number", "must not be empty"));
            if (snapshot->index.find(part.sku) == nullptr) {
                errors.push_back(row.error("sku", "no item with SKU '" + part.sku + "'"));
            }
            if (errors.empty()) rows.push_back(std::move(part));
            return errors;
        },
        progress);
    if (!report.ok()) return report;
    auto write = runtime.catalog().repository().begin();
    for (const catalog::PartNumberRow& row : rows) write->putPartNumber(row);
    write->commit();
    reloadCatalog(runtime);
    return report;
}

catalog::ImportReport importStock(Runtime& runtime, std::istream& in, const std::string& source,
                                  const ImportProgress& progress) {
    auto snapshot = runtime.catalog().current();
    std::vector<std::pair<std::string, catalog::StockLevel>> levels;
    auto report = readCsvRows(
        in, source, {"sku", "warehouse", "on_hand"}, {"reserved", "next_receipt"},
        [&](const CsvRow& row) {
            std::vector<core::Error> errors;
            const std::string sku(row["sku"]);
            catalog::StockLevel level;
            level.warehouse = std::string(row["warehouse"]);
            if (snapshot->index.find(sku) == nullptr)
                errors.push_back(row.error("sku", "no item with SKU '" + sku + "'"));
            if (level.warehouse.empty()) errors.push_back(row.error("warehouse", "must not be empty"));
            auto on_hand = core::Decimal::parse(row["on_hand"]);
            if (!on_hand)
                errors.push_back(
                    row.error("on_hand", "'" + std::string(row["on_hand"]) + "' is not a number"));
            auto reserved = core::Decimal::parse(row["reserved"].empty() ? "0" : row["reserved"]);
            if (!reserved || reserved->raw() < 0) {
                errors.push_back(row.error("reserved", "must be a number >= 0"));
            }
            auto receipt = optionalDate(row, "next_receipt");
            if (!receipt) errors.push_back(receipt.error());
            if (!errors.empty()) return errors;
            level.on_hand = *on_hand;
            level.reserved = *reserved;
            level.next_receipt = *receipt;
            levels.emplace_back(sku, std::move(level));
            return errors;
        },
        progress);
    if (!report.ok()) return report;
    auto write = runtime.catalog().repository().begin();
    for (const auto& [sku, level] : levels) write->setStock(sku, level);
    write->commit();
    reloadCatalog(runtime);
    return report;
}

bool isImportKind(const std::string& kind) {
    return kind == "categories" || kind == "catalog" || kind == "price_lists" || kind == "prices" ||
           kind == "customers" || kind == "assortments" || kind == "part_numbers" || kind == "stock";
}

catalog::ImportReport importData(Runtime& runtime, const std::string& kind, std::istream& in,
                                 const std::string& source, const ImportSettings& settings) {
    const ImportProgress& progress = settings.progress;
    if (kind == "categories") return importCategories(runtime, in, source, progress);
    if (kind == "catalog") return importCatalog(runtime, in, source, settings);
    if (kind == "price_lists") return importPriceLists(runtime, in, source, progress);
    if (kind == "prices") return importPrices(runtime, in, source, progress);
    if (kind == "customers") return importCustomers(runtime, in, source, progress);
    if (kind == "assortments") return importAssortments(runtime, in, source, progress);
    if (kind == "part_numbers") return importPartNumbers(runtime, in, source, progress);
    if (kind == "stock") return importStock(runtime, in, source, progress);
    throw std::logic_error("importData: unknown kind " + kind);
}

}  // namespace crossdock::server
