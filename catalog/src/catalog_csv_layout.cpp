#include "catalog_csv_layout.h"

#include <algorithm>

#include "crossdock/catalog/attribute.h"
#include "crossdock/core/csv.h"

namespace crossdock::catalog::detail {

namespace {

/// The level N ≥ 2 of "pack_uomN" / "pack_qtyN", or 0.
std::size_t packLevelOf(std::string_view column) {
    for (std::string_view prefix : {"pack_uom", "pack_qty"}) {
        if (!column.starts_with(prefix)) continue;
        auto digits = column.substr(prefix.size());
        if (digits.empty() || digits.size() > 3 || digits.front() == '0') return 0;
        std::size_t level = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return 0;
            level = level * 10 + static_cast<std::size_t>(c - '0');
        }
        return level >= 2 ? level : 0;
    }
    return 0;
}

}  // namespace

std::string packUomColumn(std::size_t level) {
    return level <= 1 ? "pack_uom" : "pack_uom" + std::to_string(level);
}
std::string packQtyColumn(std::size_t level) {
    return level <= 1 ? "pack_qty" : "pack_qty" + std::to_string(level);
}

core::Result<CatalogLayout> CatalogLayout::fromHeader(const std::vector<std::string>& header,
                                                      const std::string& where) {
    using core::ErrorCode;
    // Numbered pack columns are open-ended: admit the ones this header has.
    std::vector<std::string> numbered;
    for (const auto& column : header) {
        if (packLevelOf(column) != 0) numbered.push_back(column);
    }
    std::vector<std::string_view> optional(kOptionalColumns.begin(), kOptionalColumns.end());
    optional.insert(optional.end(), numbered.begin(), numbered.end());
    auto checked = core::CsvHeader::check(header, kRequiredColumns, optional, {kAttributePrefix}, where);
    if (!checked) return checked.takeError();
    const core::CsvHeader& h = *checked;

    CatalogLayout layout;
    layout.width = h.columns().size();
    layout.sku = *h.index("sku");
    layout.name = *h.index("name");
    layout.category_path = *h.index("category_path");
    layout.base_uom = *h.index("base_uom");
    layout.description = h.index("description");
    layout.brand = h.index("brand");
    layout.gtin = h.index("gtin");
    layout.mpn = h.index("mpn");
    layout.min_order_qty = h.index("min_order_qty");
    layout.order_multiple = h.index("order_multiple");
    layout.cost = h.index("cost");
    layout.tax_rate = h.index("tax_rate");
    layout.status = h.index("status");
    layout.family = h.index("family");
    layout.family_axes = h.index("family_axes");

    std::size_t max_level = 0;
    for (const auto& column : h.columns()) {
        if (auto level = packLevelOf(column); level > max_level) max_level = level;
    }
    for (std::size_t level = 1; level <= std::max<std::size_t>(max_level, 1); ++level) {
        PackColumns pack{packUomColumn(level), packQtyColumn(level), 0, 0};
        auto uom = h.index(pack.uom_name);
        auto qty = h.index(pack.qty_name);
        if (!uom && !qty) continue;
        if (!uom || !qty) {
            const auto& present = uom ? pack.uom_name : pack.qty_name;
            const auto& missing = uom ? pack.qty_name : pack.uom_name;
            std::string message = "column '";
            message.append(present).append("' needs its partner column '").append(missing).append("'");
            return core::makeError(ErrorCode::InvalidArgument, std::move(message), where);
        }
        pack.uom = *uom;
        pack.qty = *qty;
        layout.packs.push_back(std::move(pack));
    }

    for (std::size_t i = 0; i < h.columns().size(); ++i) {
        const auto& column = h.columns()[i];
        if (!column.starts_with(kAttributePrefix)) continue;
        auto code = column.substr(kAttributePrefix.size());
        if (!isValidAttributeCode(code)) {
            return core::makeError(
                ErrorCode::InvalidArgument,
                "invalid attribute column '" + column + "': a code is 1-64 letters, digits, '_', '-' or '.'",
                where);
        }
        layout.attributes.push_back(AttributeColumn{column, std::move(code), i});
    }
    return layout;
}

}  // namespace crossdock::catalog::detail
