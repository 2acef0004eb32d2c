#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/import_report.h"
#include "crossdock/catalog/item.h"

namespace crossdock::catalog {

/// Receives each validated item, in file order, while the import runs (e.g. to
/// insert it into an open database transaction). May throw: the exception ends
/// the import and propagates out of run().
using ItemSink = std::function<void(Item&& item)>;

/// A whole file's validated items: the change set a storage transaction writes.
struct CatalogChangeSet {
    ImportReport report;
    std::vector<CategoryId> created_categories;  ///< with ImportOptions::create_missing_categories
    std::vector<Item> items;                     ///< empty unless report.ok()
};

/// Streaming importer of the catalog CSV (docs/CONTRACT.md, docs/catalog.md).
///
/// Required columns `sku,name,category_path,base_uom`; optional
/// `description,brand,gtin,mpn,pack_uom,pack_qty,min_order_qty,order_multiple,cost,
/// status,family,family_axes`, further pack pairs `pack_uom2,pack_qty2`, ... and
/// `attr:<code>` columns; any other column is an error. Every row is checked
/// against the CategoryTree (categories must exist unless
/// ImportOptions::create_missing_categories; attribute values must fit the
/// definitions that apply to the item's category; required attributes must be
/// present). All errors are collected, up to ImportOptions::max_errors, each at
/// "file:line field X". Malformed CSV quoting ends the run (the reader cannot find
/// the next record reliably).
///
/// Memory is per row, plus the SKUs seen (duplicate check) and the variant
/// families seen (axis consistency). Nothing is applied anywhere: the caller
/// writes what the sink receives inside a transaction and commits only when the
/// report is ok(). One run per importer. Not thread-safe.
class CatalogCsvImporter {
public:
    /// `tree` must outlive the importer unless create_missing_categories is set, in
    /// which case the importer works on its own copy (see tree()).
    explicit CatalogCsvImporter(const CategoryTree& tree, ImportOptions options = {});
    CatalogCsvImporter(const CatalogCsvImporter&) = delete;  // tree_ may point into own_tree_
    CatalogCsvImporter& operator=(const CatalogCsvImporter&) = delete;

    /// Validates `in` (named `source` in positions: "catalog.csv") and hands each
    /// valid item to `sink` (may be empty: validation only). Once any error has
    /// been found the sink is no longer called, since the caller will roll back.
    ImportReport run(std::istream& in, const std::string& source, const ItemSink& sink);

    /// run() collecting the items in memory: for tests and small files.
    CatalogChangeSet importAll(std::istream& in, const std::string& source);

    /// The tree the items' category ids refer to: the one given, or the importer's
    /// copy with the created categories (reindexed after run()).
    const CategoryTree& tree() const;
    /// Categories created by this run (create_missing_categories), each after its parent.
    const std::vector<CategoryId>& createdCategories() const { return created_; }

private:
    const CategoryTree* tree_;
    std::optional<CategoryTree> own_tree_;
    ImportOptions options_;
    std::vector<CategoryId> created_;
};

}  // namespace crossdock::catalog
