#pragma once

// The column layout of a catalog CSV, resolved once from its header. Private.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/result.h"

namespace crossdock::catalog::detail {

inline constexpr std::string_view kAttributePrefix = "attr:";

/// The fixed columns, in the order the exporter writes them.
inline const std::vector<std::string_view> kRequiredColumns = {"sku", "name", "category_path", "base_uom"};
inline const std::vector<std::string_view> kOptionalColumns = {
    "description", "brand",  "gtin",        "mpn",      "min_order_qty", "order_multiple", "cost",
    "status",      "family", "family_axes", "pack_uom", "pack_qty",      "tax_rate"};

/// "pack_uom" / "pack_qty" for level 1, "pack_uom2" / "pack_qty2" for level 2, ...
std::string packUomColumn(std::size_t level);
std::string packQtyColumn(std::size_t level);

struct PackColumns {
    std::string uom_name;
    std::string qty_name;
    std::size_t uom = 0;
    std::size_t qty = 0;
};

struct AttributeColumn {
    std::string name;  ///< "attr:colour"
    std::string code;  ///< "colour"
    std::size_t index = 0;
};

struct CatalogLayout {
    std::size_t width = 0;  ///< number of columns
    std::size_t sku = 0, name = 0, category_path = 0, base_uom = 0;
    std::optional<std::size_t> description, brand, gtin, mpn, min_order_qty, order_multiple, cost, status,
        family, family_axes, tax_rate;
    std::vector<PackColumns> packs;           ///< level 1 first
    std::vector<AttributeColumn> attributes;  ///< in header order

    /// Checks `header` (unknown, duplicate or missing columns; a pack_uomN without
    /// its pack_qtyN or the reverse; an invalid attribute code) at `where`.
    static core::Result<CatalogLayout> fromHeader(const std::vector<std::string>& header,
                                                  const std::string& where);
};

}  // namespace crossdock::catalog::detail
