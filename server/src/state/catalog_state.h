#pragma once
// The catalog as the server reads it: an immutable snapshot built from the
// database and swapped whole when the stored version moves.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "crossdock/catalog/assortment.h"
#include "crossdock/catalog/catalog_repository.h"
#include "crossdock/catalog/customer_part_numbers.h"
#include "crossdock/catalog/search_index.h"
#include "crossdock/catalog/stock.h"
#include "crossdock/pricing/item_facts.h"

namespace crossdock::server {

/// One version of the catalog in memory. Immutable once published: any number of
/// requests read it at once without locks.
struct CatalogSnapshot {
    std::int64_t version = 0;
    catalog::SearchIndex index{catalog::CategoryTree{}};  ///< items, tree, search
    catalog::AssortmentDirectory assortments;
    catalog::CustomerPartNumbers part_numbers;
    std::unordered_map<std::string, catalog::ItemStock, catalog::StringHash, std::equal_to<>> stock;
    /// GTIN-14 → SKU, so that a UPC-12 or EAN-13 in a purchase order (kept as GTIN-14) finds its item.
    std::unordered_map<std::string, std::string, catalog::StringHash, std::equal_to<>> sku_by_gtin;
    /// The items as pricing sees them (units, category path, brand, cost).
    std::shared_ptr<const pricing::InMemoryItemLookup> pricing_items;

    const catalog::CategoryTree& tree() const { return index.tree(); }
    /// The stock of `sku`, or nullptr when it is not stock-tracked.
    const catalog::ItemStock* stockOf(std::string_view sku) const;
};

/// Builds a snapshot from what the repository returned. Assortment rules naming an
/// unknown category or customers assigned to unknown assortments are skipped (the
/// importers refuse them, so only hand-edited tables have them).
std::shared_ptr<const CatalogSnapshot> buildCatalogSnapshot(catalog::CatalogData data);

/// Holds the current snapshot. Thread-safe.
class CatalogState {
public:
    /// Loads the catalog now. `repository` must outlive the state. Throws as
    /// CatalogRepository::load().
    explicit CatalogState(catalog::CatalogRepository& repository);

    std::shared_ptr<const CatalogSnapshot> current() const;
    catalog::CatalogRepository& repository() { return repository_; }

    /// Reloads when the stored version differs from the snapshot's. True when it did.
    bool refresh();
    /// Reloads unconditionally (after a write of this process).
    void reload();

private:
    catalog::CatalogRepository& repository_;
    std::mutex reload_mutex_;
    mutable std::mutex current_mutex_;
    std::shared_ptr<const CatalogSnapshot> current_;
};

}  // namespace crossdock::server
