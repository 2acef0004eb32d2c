#pragma once

// A BMEcat product as a catalog record (catalog CSV columns) for
// catalog::CatalogRecordValidator, and its prices as PriceRows. Private.

#include <cstddef>
#include <string>
#include <vector>

#include "bmecat_groups.h"
#include "bmecat_records.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/edi/bmecat/bmecat_importer.h"

namespace crossdock::edi::bmecat::detail {

/// The element a record field came from, for error positions.
struct FieldSource {
    std::string_view element;  // a literal or a ParsedDocument name
    std::size_t line = 0;
};

/// A problem found while mapping, before the catalog rules run.
struct MappingError {
    std::string message;
    FieldSource at;
};

struct MappedProduct {
    std::vector<std::string> fields;   // one per column
    std::vector<FieldSource> sources;  // one per column
};

class ProductMapper {
public:
    /// `attribute_codes`: the attr: columns (codes some product's features use).
    ProductMapper(const catalog::CategoryTree& tree, std::vector<std::string> attribute_codes,
                  bool strict_features);

    /// The catalog CSV column names of every record.
    const std::vector<std::string>& columns() const { return columns_; }

    /// Fills `out` from `product` placed at `placement`; appends mapping errors.
    void map(const ProductRecord& product, const Placement& placement, MappedProduct& out,
             std::vector<MappingError>& errors);

    /// Features skipped so far (no attribute of that code for the product's category).
    std::size_t ignoredFeatures() const { return ignored_; }

private:
    void set(MappedProduct& out, std::size_t column, const Value& value, const FieldSource& fallback) const;
    void mapUnits(const ProductRecord& product, MappedProduct& out, std::vector<MappingError>& errors) const;
    void mapTax(const ProductRecord& product, MappedProduct& out, std::vector<MappingError>& errors) const;
    void mapFeatures(const ProductRecord& product, catalog::CategoryId category, MappedProduct& out,
                     std::vector<MappingError>& errors);

    const catalog::CategoryTree& tree_;
    std::vector<std::string> columns_;
    std::size_t first_attribute_ = 0;
    std::vector<std::string> codes_;
    bool strict_;
    std::size_t ignored_ = 0;
};

/// The attribute codes that `product`'s features name and that apply to `category`.
void collectAttributeCodes(const catalog::CategoryTree& tree, const ProductRecord& product,
                           catalog::CategoryId category, std::vector<std::string>& codes);

/// The prices of `product` (uom = its ORDER_UNIT); errors for bad amounts, dates or a
/// missing currency. `default_currency` is the header's CURRENCY.
void buildPrices(const ProductRecord& product, const std::string& default_currency,
                 std::vector<PriceRow>& rows, std::vector<MappingError>& errors);

}  // namespace crossdock::edi::bmecat::detail
