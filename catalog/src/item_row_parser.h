#pragma once

// Validation of one catalog CSV row into an Item. Private to the module.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog_csv_layout.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "import_support.h"
#include "sku_set.h"

namespace crossdock::catalog::detail {

/// Turns rows into Items, reporting every problem of a row to the collector.
/// Remembers the SKUs and families seen, for the checks across rows.
class ItemRowParser {
public:
    /// `creatable` is the tree to add missing categories to, or nullptr when a
    /// missing category is an error; `tree` is the tree to read (the same object
    /// when creatable is set).
    ItemRowParser(const CatalogLayout& layout, const CategoryTree& tree, CategoryTree* creatable,
                  ErrorCollector& errors);

    /// Fills `item` from `row` (which has layout.width fields) at `position`
    /// ("catalog.csv:7") of line `line`. True when the row has no error.
    bool parse(const std::vector<std::string>& row, const std::string& position, std::size_t line,
               Item& item);

private:
    /// Which attribute each attr: column means for one category, and what it requires.
    struct CategoryColumns {
        std::vector<std::optional<AttributeId>> by_column;
        std::vector<AttributeId> required;
    };

    std::string_view field(std::optional<std::size_t> index) const;
    void fail(std::string_view column, std::string message);

    void parseText(Item& item);
    void parseCategory(Item& item);
    void parseUnits(Item& item);
    void parsePacks(Item& item);
    void parseAttributes(Item& item);
    void parseFamily(Item& item);
    void checkDuplicate(const Item& item);
    std::optional<core::Decimal> decimal(std::optional<std::size_t> index, std::string_view column,
                                         bool zero_ok);
    const CategoryColumns& columnsFor(CategoryId category);

    const CatalogLayout& layout_;
    const CategoryTree& tree_;
    CategoryTree* creatable_;
    ErrorCollector& errors_;
    const std::vector<std::string>* row_ = nullptr;
    const std::string* position_ = nullptr;
    std::size_t line_ = 0;
    bool row_ok_ = true;
    SkuSet seen_skus_;
    struct FamilyAxes {
        std::string axes;
        std::uint32_t line;
    };
    std::unordered_map<std::string, FamilyAxes> families_;
    std::unordered_map<CategoryId, CategoryColumns> columns_cache_;
};

}  // namespace crossdock::catalog::detail
