#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// The variable part of an exported catalog CSV header.
struct CatalogCsvColumns {
    std::size_t pack_levels = 0;               ///< pack_uom,pack_qty ... pack_uomN,pack_qtyN
    bool families = false;                     ///< family,family_axes columns
    std::vector<std::string> attribute_codes;  ///< attr:<code> columns, in this order
    bool tax_rates = false;                    ///< a tax_rate column (after status)

    /// Exactly what `items` need: the most pack levels of any item, the family
    /// columns when some item has a family, and each attribute code used (codes
    /// in attribute-id order, once each even when several categories define it).
    static CatalogCsvColumns forItems(const CategoryTree& tree, const std::vector<Item>& items);
    /// Every attribute code of `tree`: for a streaming export without a first pass.
    static CatalogCsvColumns forTree(const CategoryTree& tree, std::size_t pack_levels, bool families);
};

/// Writes items as the catalog CSV that CatalogCsvImporter reads, so that
/// importing the output yields equal Items (GTINs come out as GTIN-14, numbers in
/// their shortest form, defaults spelled out). Streaming: one row at a time.
/// `out` and `tree` must outlive the writer. Not thread-safe.
class CatalogCsvWriter {
public:
    /// Writes the header: the required columns, then description, brand, gtin, mpn,
    /// min_order_qty, order_multiple, cost, status, [family, family_axes], the pack
    /// pairs and the attr: columns.
    CatalogCsvWriter(std::ostream& out, const CategoryTree& tree, CatalogCsvColumns columns);

    /// Writes `item`. InvalidArgument (nothing written) when the header lacks a
    /// column the item needs: more pack levels, the family columns or an attribute code.
    core::Status write(const Item& item);

private:
    std::ostream& out_;
    const CategoryTree& tree_;
    CatalogCsvColumns columns_;
    std::vector<std::string> fields_;
    std::string line_;
};

/// Writes `items` with CatalogCsvColumns::forItems(). Items must be valid for `tree`
/// (as the importer produces them); throws std::invalid_argument otherwise.
void exportCatalogCsv(std::ostream& out, const CategoryTree& tree, const std::vector<Item>& items);

/// Writes `tree` as the categories CSV that CategoryCsvImporter reads: categories
/// in id order (parents first), one row per attribute definition, one row with
/// only the path for a category without attributes of its own.
void exportCategoriesCsv(std::ostream& out, const CategoryTree& tree);

}  // namespace crossdock::catalog
