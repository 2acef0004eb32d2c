#pragma once

// Where the catalog is kept: categories with their attribute definitions, items,
// stock, assortments and customer part numbers. Implemented in storage/ (SQLite
// and PostgreSQL). The server reads everything once into memory (SearchIndex) and
// reloads when version() moves, so several instances sharing a database converge.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/catalog/stock.h"

namespace crossdock::catalog {

/// One rule of an assortment, as the assortments CSV has it.
struct AssortmentRule {
    std::string assortment;
    std::string kind;   ///< "category" (value: a category path, its whole subtree) or "sku"
    std::string value;  ///< the category path or the SKU
};

/// A customer's own number for an item.
struct PartNumberRow {
    std::string customer_id;
    std::string part_number;
    std::string sku;
};

/// A customer's assortments (empty: sees everything).
struct CustomerAssortments {
    std::string customer_id;
    std::vector<std::string> assortments;
};

/// Everything the repository holds, as plain values. Items refer to categories of `tree`.
struct CatalogData {
    CategoryTree tree;
    std::vector<Item> items;                                ///< by SKU
    std::vector<std::pair<std::string, StockLevel>> stock;  ///< (sku, level), by SKU then warehouse
    std::vector<AssortmentRule> assortment_rules;
    std::vector<CustomerAssortments> customer_assortments;
    std::vector<PartNumberRow> part_numbers;
    std::int64_t version = 0;  ///< version() at the time of reading
};

/// One write transaction. Nothing is visible to readers until commit(); destroying
/// it without commit() rolls everything back. Not thread-safe; infrastructure
/// failures throw (storage::StorageError).
class CatalogWrite {
public:
    virtual ~CatalogWrite() = default;

    /// Stores `tree` as the category tree: categories and attribute definitions
    /// not in it are removed (items must no longer use them).
    virtual void saveTree(const CategoryTree& tree) = 0;
    /// Inserts the item, or replaces the stored item with the same SKU. Its
    /// category and attribute ids refer to `tree` (stored as paths and codes).
    virtual void putItem(const Item& item, const CategoryTree& tree) = 0;
    /// Sets the stock of `sku` in `level.warehouse`.
    virtual void setStock(const std::string& sku, const StockLevel& level) = 0;
    /// Replaces every rule of the assortments named in `rules` by `rules`.
    virtual void replaceAssortments(const std::vector<AssortmentRule>& rules) = 0;
    /// Sets a customer's assortments (empty: everything).
    virtual void assignAssortments(const CustomerAssortments& assignment) = 0;
    /// Adds or replaces a customer's part number.
    virtual void putPartNumber(const PartNumberRow& row) = 0;
    /// Makes the changes durable and visible, and moves version().
    virtual void commit() = 0;
};

class CatalogRepository {
public:
    virtual ~CatalogRepository() = default;
    /// Reads everything (a consistent view). Throws std::runtime_error naming the
    /// table and key when a stored row cannot be turned back into a value.
    virtual CatalogData load() const = 0;
    /// Starts a write transaction (writers run one at a time).
    virtual std::unique_ptr<CatalogWrite> begin() = 0;
    /// A number that changes with every committed write, from any process.
    virtual std::int64_t version() const = 0;
};

}  // namespace crossdock::catalog
