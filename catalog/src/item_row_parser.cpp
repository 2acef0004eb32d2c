#include "item_row_parser.h"

#include <algorithm>
#include <limits>

#include "crossdock/catalog/gtin.h"

namespace crossdock::catalog::detail {

namespace {

constexpr std::size_t kMaxSkuLength = 64;

std::uint32_t narrowLine(std::size_t line) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(line, std::numeric_limits<std::uint32_t>::max()));
}

bool hasControl(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::string sortedList(std::vector<std::string> list) {
    std::sort(list.begin(), list.end());
    std::string out;
    for (const auto& entry : list) out += (out.empty() ? "" : ";") + entry;
    return out;
}

}  // namespace

ItemRowParser::ItemRowParser(const CatalogLayout& layout, const CategoryTree& tree, CategoryTree* creatable,
                             ErrorCollector& errors)
    : layout_(layout), tree_(tree), creatable_(creatable), errors_(errors) {}

bool ItemRowParser::parse(const std::vector<std::string>& row, const std::string& position, std::size_t line,
                          Item& item) {
    row_ = &row;
    position_ = &position;
    line_ = line;
    row_ok_ = true;
    item = Item{};
    parseText(item);
    parseCategory(item);
    parseUnits(item);
    if (item.category != kNoCategory) parseAttributes(item);
    parseFamily(item);
    checkDuplicate(item);
    return row_ok_;
}

std::string_view ItemRowParser::field(std::optional<std::size_t> index) const {
    return index ? std::string_view((*row_)[*index]) : std::string_view();
}

void ItemRowParser::fail(std::string_view column, std::string message) {
    row_ok_ = false;
    errors_.add(std::move(message), fieldWhere(*position_, column));
}

void ItemRowParser::parseText(Item& item) {
    item.sku = std::string(field(layout_.sku));
    if (item.sku.empty()) {
        fail("sku", "sku is empty");
    } else if (item.sku.size() > kMaxSkuLength) {
        fail("sku", "sku " + quote(item.sku) + " is longer than 64 characters");
    } else if (hasControl(item.sku) || item.sku.front() == ' ' || item.sku.back() == ' ') {
        fail("sku", "sku " + quote(item.sku) + " has leading or trailing spaces or control characters");
    }
    item.name = std::string(field(layout_.name));
    if (item.name.empty()) fail("name", "name is empty");
    item.description = std::string(field(layout_.description));
    item.brand = std::string(field(layout_.brand));
    item.mpn = std::string(field(layout_.mpn));
    if (auto gtin = field(layout_.gtin); !gtin.empty()) {
        auto valid = validateGtin(gtin);
        if (valid) {
            item.gtin = std::move(*valid);
        } else {
            fail("gtin", valid.error().message);
        }
    }
    if (auto status = field(layout_.status); !status.empty()) {
        auto parsed = parseItemStatus(status);
        if (parsed) {
            item.status = *parsed;
        } else {
            fail("status", parsed.error().message);
        }
    }
}

void ItemRowParser::parseCategory(Item& item) {
    auto path = field(layout_.category_path);
    if (auto found = tree_.find(path)) {
        item.category = *found;
        return;
    }
    auto canonical = CategoryTree::normalizePath(path);
    if (!canonical) {
        fail("category_path", canonical.error().message);
    } else if (creatable_ == nullptr) {
        fail("category_path", "unknown category " + quote(*canonical));
    } else if (auto created = creatable_->addPath(*canonical)) {
        item.category = *created;
    } else {
        fail("category_path", created.error().message);
    }
}

std::optional<core::Decimal> ItemRowParser::decimal(std::optional<std::size_t> index, std::string_view column,
                                                    bool zero_ok) {
    auto text = field(index);
    if (text.empty()) return std::nullopt;
    auto parsed = core::Decimal::parse(text);
    if (!parsed) {
        fail(column, std::string(column) + ": " + parsed.error().message);
        return std::nullopt;
    }
    if (zero_ok ? parsed->isNegative() : *parsed <= core::Decimal()) {
        fail(column, std::string(column) + (zero_ok ? " must not be negative" : " must be positive") +
                         ", got " + parsed->toShortString());
        return std::nullopt;
    }
    return *parsed;
}

void ItemRowParser::parseUnits(Item& item) {
    auto units = core::UnitConversions::create(std::string(field(layout_.base_uom)));
    if (units) {
        item.units = std::move(*units);
    } else {
        fail("base_uom", "base_uom: " + units.error().message);
    }
    if (auto multiple = decimal(layout_.order_multiple, "order_multiple", false))
        item.order_multiple = *multiple;
    item.min_order_qty = decimal(layout_.min_order_qty, "min_order_qty", false).value_or(item.order_multiple);
    item.cost = decimal(layout_.cost, "cost", true);
    item.tax_rate = decimal(layout_.tax_rate, "tax_rate", true);
    if (item.tax_rate && *item.tax_rate > core::Decimal::fromRaw(100 * core::Decimal::kOne)) {
        fail("tax_rate",
             "tax_rate must be a percent between 0 and 100, got " + item.tax_rate->toShortString());
        item.tax_rate.reset();
    }
    if (units) parsePacks(item);
}

void ItemRowParser::parsePacks(Item& item) {
    for (const auto& pack : layout_.packs) {
        auto uom = field(pack.uom);
        auto qty_text = field(pack.qty);
        if (uom.empty() && qty_text.empty()) continue;
        if (uom.empty()) {
            fail(pack.uom_name, pack.uom_name + " is empty but " + pack.qty_name + " is set");
            continue;
        }
        if (qty_text.empty()) {
            fail(pack.qty_name, pack.qty_name + " is empty but " + pack.uom_name + " is set");
            continue;
        }
        auto qty = decimal(pack.qty, pack.qty_name, false);
        if (!qty) continue;
        if (auto added = item.units.addLevel(std::string(uom), *qty); !added) {
            fail(pack.uom_name, pack.uom_name + ": " + added.error().message);
            continue;
        }
        if (qty->raw() % item.order_multiple.raw() != 0) {
            fail(pack.qty_name, "pack " + std::string(uom) + " of " + qty->toShortString() + " " +
                                    item.units.baseUnit() + " is not a multiple of order_multiple " +
                                    item.order_multiple.toShortString());
        }
    }
}

const ItemRowParser::CategoryColumns& ItemRowParser::columnsFor(CategoryId category) {
    auto it = columns_cache_.find(category);
    if (it != columns_cache_.end()) return it->second;
    CategoryColumns columns;
    for (const auto& column : layout_.attributes)
        columns.by_column.push_back(tree_.findAttribute(category, column.code));
    for (AttributeId id : tree_.effectiveAttributes(category)) {
        if (tree_.attribute(id).required) columns.required.push_back(id);
    }
    return columns_cache_.emplace(category, std::move(columns)).first->second;
}

void ItemRowParser::parseAttributes(Item& item) {
    const auto& columns = columnsFor(item.category);
    std::vector<AttributeId> invalid;  // given but wrong: already reported, not "missing" as well
    for (std::size_t i = 0; i < layout_.attributes.size(); ++i) {
        const auto& column = layout_.attributes[i];
        auto text = field(column.index);
        if (text.empty()) continue;
        const auto& attribute = columns.by_column[i];
        if (!attribute) {
            fail(column.name, "attribute " + quote(column.code) + " is not defined for category " +
                                  quote(tree_.category(item.category).path));
            continue;
        }
        auto value = parseAttributeValue(tree_.attribute(*attribute), text);
        if (!value) {
            fail(column.name, value.error().message);
            invalid.push_back(*attribute);
            continue;
        }
        item.attributes.push_back(AttributeValue{*attribute, false, std::move(*value)});
    }
    std::sort(item.attributes.begin(), item.attributes.end(),
              [](const AttributeValue& a, const AttributeValue& b) { return a.attribute < b.attribute; });
    for (AttributeId required : columns.required) {
        if (item.attributeValue(required) != nullptr ||
            std::find(invalid.begin(), invalid.end(), required) != invalid.end()) {
            continue;
        }
        const auto& code = tree_.attribute(required).code;
        fail(std::string(kAttributePrefix) + code, "required attribute " + quote(code) + " is missing");
    }
}

void ItemRowParser::parseFamily(Item& item) {
    item.family = std::string(field(layout_.family));
    auto axes = splitList(field(layout_.family_axes));
    if (!axes.empty() && item.family.empty()) {
        fail("family_axes", "family_axes is given without a family");
        return;
    }
    for (std::size_t i = 0; i < axes.size(); ++i) {
        if (std::find(axes.begin(), axes.begin() + static_cast<std::ptrdiff_t>(i), axes[i]) !=
            axes.begin() + static_cast<std::ptrdiff_t>(i)) {
            fail("family_axes", "family axis " + quote(axes[i]) + " is listed twice");
            continue;
        }
        auto value = std::find_if(
            item.attributes.begin(), item.attributes.end(),
            [&](const AttributeValue& v) { return tree_.attribute(v.attribute).code == axes[i]; });
        if (value == item.attributes.end()) {
            fail("family_axes", "family axis " + quote(axes[i]) + " has no value on this item");
        } else {
            value->axis = true;
        }
    }
    if (item.family.empty()) return;
    std::string key = sortedList(std::move(axes));
    auto [it, fresh] = families_.try_emplace(item.family, FamilyAxes{key, narrowLine(line_)});
    if (!fresh && it->second.axes != key) {
        fail("family_axes", "family " + quote(item.family) + " has the axes " + quote(it->second.axes) +
                                " on line " + std::to_string(it->second.line));
    }
}

void ItemRowParser::checkDuplicate(const Item& item) {
    if (item.sku.empty()) return;
    if (auto first = seen_skus_.insert(item.sku, narrowLine(line_))) {
        fail("sku", "duplicate SKU " + quote(item.sku) + " (first on line " + std::to_string(*first) + ")");
    }
}

}  // namespace crossdock::catalog::detail
