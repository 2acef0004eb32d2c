#pragma once

// Bulk imports (docs/CONTRACT.md "CSV import formats", docs/catalog.md,
// docs/pricing.md): the one implementation behind `crossdock import`, `crossdock
// init --demo` and POST /api/v1/imports/{kind}.
//
// Each file is validated whole before anything is written, and written in one
// transaction per area: all rows or none. Errors are collected (up to 100) and
// positioned "file:line field X". After a write the runtime's snapshots are
// rebuilt, so the next request (and, within runtime.refresh_interval_ms, every
// other instance) sees the change. Infrastructure failures throw.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/accounts/company.h"
#include "crossdock/catalog/import_report.h"

namespace crossdock::server {

class Runtime;

/// Called every 10,000 rows with the rows read so far.
using ImportProgress = std::function<void(std::size_t rows)>;

/// What import(kind, ...) accepts: "categories", "catalog", "price_lists",
/// "prices", "customers", "assortments", "part_numbers", "stock".
bool isImportKind(const std::string& kind);

/// Options of an import.
struct ImportSettings {
    ImportProgress progress;  ///< called every 10,000 rows
    bool create_missing_categories =
        false;  ///< catalog: create unknown category paths instead of refusing them
    /// BMEcat: a folder with bmecat_2005_1.xsd / bmecat_2005_2.xsd to validate 2005.x documents
    /// against with Xerces-C; empty: structural checks only (docs/bmecat.md).
    std::string bmecat_schema_dir;
    /// catalog: rebuild the runtime's snapshots after the write (a server must; a one-shot
    /// CLI import of a big file need not, its process ends).
    bool refresh_runtime = true;
};

/// Imports `in` (named `source` in error positions) as `kind`. A kind outside
/// isImportKind() is a logic error.
catalog::ImportReport importData(Runtime& runtime, const std::string& kind, std::istream& in,
                                 const std::string& source, const ImportSettings& settings = {});

/// The individual imports (importData dispatches to them).
/// categories: `category_path,code,label,type,unit,values,required,filterable,searchable`
/// (docs/catalog.md); a row without `code` only creates the category.
catalog::ImportReport importCategories(Runtime& runtime, std::istream& in, const std::string& source,
                                       const ImportProgress& progress);
/// catalog CSV, or BMEcat when `source` ends in ".xml" (its group system creates its
/// categories; T_UPDATE_PRODUCTS mode="delete" marks items discontinued); an unknown CSV
/// category is an error unless settings.create_missing_categories.
catalog::ImportReport importCatalog(Runtime& runtime, std::istream& in, const std::string& source,
                                    const ImportSettings& settings);
/// `price_list,name,currency,kind[,valid_from,valid_to]`.
catalog::ImportReport importPriceLists(Runtime& runtime, std::istream& in, const std::string& source,
                                       const ImportProgress& progress);
/// prices CSV; a list not yet defined is created (name = id, kind `base` for ids
/// starting with BASE, `group` otherwise, currency from the row).
catalog::ImportReport importPrices(Runtime& runtime, std::istream& in, const std::string& source,
                                   const ImportProgress& progress);
/// customers CSV: the company (accounts), its price chain (pricing) and its
/// assortments (catalog).
catalog::ImportReport importCustomers(Runtime& runtime, std::istream& in, const std::string& source,
                                      const ImportProgress& progress);
/// `customer_id,part_number,sku`: customers' own numbers for items (added or replaced).
catalog::ImportReport importPartNumbers(Runtime& runtime, std::istream& in, const std::string& source,
                                        const ImportProgress& progress);
/// `sku,warehouse,on_hand[,reserved,next_receipt]`: stock per warehouse (set, not added).
catalog::ImportReport importStock(Runtime& runtime, std::istream& in, const std::string& source,
                                  const ImportProgress& progress);
/// assortments CSV; replaces every rule of each assortment named in the file.
catalog::ImportReport importAssortments(Runtime& runtime, std::istream& in, const std::string& source,
                                        const ImportProgress& progress);

/// One customer as a customers CSV row (or POST /api/v1/customers) gives it.
struct CustomerInput {
    accounts::Company company;
    std::vector<std::string> price_lists;  ///< highest priority first
    std::string price_strategy;            ///< "priority" (when empty) or "lowest"
    std::vector<std::string> assortments;  ///< empty: the whole catalog
    std::string where;                     ///< position for errors: "customers.csv:3" or "$"
    /// The assigned rep's e-mail (CSV `rep`, JSON `rep_email`), or empty. storeCustomers
    /// resolves it (or a non-zero company.rep_id) to a user with role sales_rep or sales_manager.
    std::string rep_email = {};
    /// Which terms the input sets. A customers CSV without the column keeps the stored value
    /// of an existing customer (credit_limit, rep, tax_exempt).
    bool sets_credit_limit = true;
    bool sets_rep = true;
    bool sets_tax_exempt = true;
};

/// Validates every customer (currency, chain through the pricing builder,
/// assortments against the catalog), then stores companies, chains and
/// assortments. Nothing is written when any customer is invalid.
catalog::ImportReport storeCustomers(Runtime& runtime, const std::vector<CustomerInput>& customers);

/// A stored customer with its chain and assortments, or nullopt.
std::optional<CustomerInput> findCustomer(Runtime& runtime, const std::string& customer_id);

}  // namespace crossdock::server
