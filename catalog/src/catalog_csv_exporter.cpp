#include "crossdock/catalog/catalog_csv_exporter.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "catalog_csv_layout.h"
#include "import_support.h"

namespace crossdock::catalog {

namespace {

void addCode(std::vector<std::string>& codes, std::unordered_set<std::string>& seen,
             const std::string& code) {
    if (seen.insert(code).second) codes.push_back(code);
}

std::string optionalDecimal(const std::optional<core::Decimal>& value) {
    return value ? value->toShortString() : std::string();
}

}  // namespace

CatalogCsvColumns CatalogCsvColumns::forItems(const CategoryTree& tree, const std::vector<Item>& items) {
    CatalogCsvColumns columns;
    std::vector<bool> used(tree.attributeCount(), false);
    for (const auto& item : items) {
        columns.pack_levels = std::max(columns.pack_levels, item.units.levels().size());
        columns.families = columns.families || !item.family.empty();
        columns.tax_rates = columns.tax_rates || item.tax_rate.has_value();
        for (const auto& value : item.attributes) used.at(value.attribute) = true;
    }
    std::unordered_set<std::string> seen;
    for (AttributeId id = 0; id < used.size(); ++id) {
        if (used[id]) addCode(columns.attribute_codes, seen, tree.attribute(id).code);
    }
    return columns;
}

CatalogCsvColumns CatalogCsvColumns::forTree(const CategoryTree& tree, std::size_t pack_levels,
                                             bool families) {
    CatalogCsvColumns columns;
    columns.pack_levels = pack_levels;
    columns.families = families;
    std::unordered_set<std::string> seen;
    for (AttributeId id = 0; id < tree.attributeCount(); ++id)
        addCode(columns.attribute_codes, seen, tree.attribute(id).code);
    return columns;
}

CatalogCsvWriter::CatalogCsvWriter(std::ostream& out, const CategoryTree& tree, CatalogCsvColumns columns)
    : out_(out), tree_(tree), columns_(std::move(columns)) {
    std::vector<std::string> header(detail::kRequiredColumns.begin(), detail::kRequiredColumns.end());
    for (std::string_view column :
         {"description", "brand", "gtin", "mpn", "min_order_qty", "order_multiple", "cost", "status"}) {
        header.emplace_back(column);
    }
    if (columns_.tax_rates) header.emplace_back("tax_rate");
    if (columns_.families) {
        header.emplace_back("family");
        header.emplace_back("family_axes");
    }
    for (std::size_t level = 1; level <= columns_.pack_levels; ++level) {
        header.push_back(detail::packUomColumn(level));
        header.push_back(detail::packQtyColumn(level));
    }
    for (const auto& code : columns_.attribute_codes)
        header.push_back(std::string(detail::kAttributePrefix) + code);
    line_.clear();
    detail::writeCsvLine(line_, header);
    out_ << line_;
}

core::Status CatalogCsvWriter::write(const Item& item) {
    auto refuse = [&](const std::string& why) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "cannot export SKU '" + item.sku + "': " + why);
    };
    if (item.units.levels().size() > columns_.pack_levels)
        return refuse("more pack levels than the header has");
    if (!item.family.empty() && !columns_.families) return refuse("the header has no family columns");
    const auto& levels = item.units.levels();
    fields_ = {item.sku,
               item.name,
               item.category == kNoCategory ? std::string() : tree_.category(item.category).path,
               item.units.baseUnit(),
               item.description,
               item.brand,
               item.gtin,
               item.mpn,
               item.min_order_qty.toShortString(),
               item.order_multiple.toShortString(),
               optionalDecimal(item.cost),
               std::string(toString(item.status))};
    if (item.tax_rate && !columns_.tax_rates) return refuse("the header has no tax_rate column");
    if (columns_.tax_rates) fields_.push_back(optionalDecimal(item.tax_rate));
    if (columns_.families) {
        std::string axes;
        for (const auto& value : item.attributes) {
            if (value.axis) axes += (axes.empty() ? "" : ";") + tree_.attribute(value.attribute).code;
        }
        fields_.push_back(item.family);
        fields_.push_back(std::move(axes));
    }
    for (std::size_t level = 0; level < columns_.pack_levels; ++level) {
        fields_.push_back(level < levels.size() ? levels[level].unit : std::string());
        fields_.push_back(level < levels.size() ? levels[level].base_qty.toShortString() : std::string());
    }
    const std::size_t first_attribute = fields_.size();
    fields_.resize(first_attribute + columns_.attribute_codes.size());
    for (const auto& value : item.attributes) {
        const auto& definition = tree_.attribute(value.attribute);
        auto it =
            std::find(columns_.attribute_codes.begin(), columns_.attribute_codes.end(), definition.code);
        if (it == columns_.attribute_codes.end())
            return refuse("the header has no column attr:" + definition.code);
        fields_[first_attribute + static_cast<std::size_t>(it - columns_.attribute_codes.begin())] =
            formatAttributeValue(definition, value.data);
    }
    line_.clear();
    detail::writeCsvLine(line_, fields_);
    out_ << line_;
    return {};
}

void exportCatalogCsv(std::ostream& out, const CategoryTree& tree, const std::vector<Item>& items) {
    CatalogCsvWriter writer(out, tree, CatalogCsvColumns::forItems(tree, items));
    for (const auto& item : items) {
        if (auto written = writer.write(item); !written) throw std::invalid_argument(written.error().message);
    }
}

void exportCategoriesCsv(std::ostream& out, const CategoryTree& tree) {
    std::string line;
    detail::writeCsvLine(line, {"category_path", "code", "label", "type", "unit", "values", "required",
                                "filterable", "searchable"});
    for (CategoryId id = 0; id < tree.size(); ++id) {
        const auto& category = tree.category(id);
        if (category.attributes.empty())
            detail::writeCsvLine(line, {category.path, "", "", "", "", "", "", "", ""});
        for (AttributeId attribute : category.attributes) {
            const auto& d = tree.attribute(attribute);
            std::string values;
            for (const auto& value : d.allowed_values) values += (values.empty() ? "" : ";") + value;
            auto flag = [](bool on) { return std::string(on ? "true" : "false"); };
            detail::writeCsvLine(line, {category.path, d.code, d.label, std::string(toString(d.type)), d.unit,
                                        values, flag(d.required), flag(d.filterable), flag(d.searchable)});
        }
        out << line;
        line.clear();
    }
}

}  // namespace crossdock::catalog
