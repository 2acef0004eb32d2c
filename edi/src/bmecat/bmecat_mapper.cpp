#include "bmecat_mapper.h"

#include <algorithm>
#include <optional>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"

namespace crossdock::edi::bmecat::detail {

namespace {

using core::Decimal;

// Positions in kColumns.
constexpr std::size_t kSku = 0, kName = 1, kCategory = 2, kBaseUom = 3, kDescription = 4, kBrand = 5,
                      kGtin = 6, kMpn = 7, kMinQty = 8, kMultiple = 9, kPackUom = 10, kPackQty = 11,
                      kTaxRate = 12, kFirstAttribute = 13;

const std::vector<std::string> kColumns = {
    "sku", "name",          "category_path",  "base_uom", "description", "brand",   "gtin",
    "mpn", "min_order_qty", "order_multiple", "pack_uom", "pack_qty",    "tax_rate"};

std::string quoted(const std::string& text) {
    return "'" + text.substr(0, 64) + (text.size() > 64 ? "...'" : "'");
}

// "0.19" and "0.190" are one rate; text that does not parse is compared as text.
bool sameNumber(const std::string& a, const std::string& b) {
    const auto x = Decimal::parse(a);
    const auto y = Decimal::parse(b);
    return x && y ? *x == *y : a == b;
}

FieldSource sourceOf(const Value& value, const char* element, std::size_t line) {
    return value.present() ? FieldSource{value.element, value.line} : FieldSource{element, line};
}

/// `quantity` (in order units) × `factor` as text, or the quantity as given when either
/// does not parse (the catalog rules then report it).
std::string timesFactor(const Value& quantity, const core::Result<Decimal>& factor) {
    auto parsed = Decimal::parse(quantity.text);
    if (!parsed || !factor) return quantity.text;
    auto product = Decimal::multiply(*parsed, *factor);
    return product ? product->toShortString() : quantity.text;
}

}  // namespace

ProductMapper::ProductMapper(const catalog::CategoryTree& tree, std::vector<std::string> attribute_codes,
                             bool strict_features)
    : tree_(tree),
      columns_(kColumns),
      first_attribute_(kFirstAttribute),
      codes_(std::move(attribute_codes)),
      strict_(strict_features) {
    for (const auto& code : codes_) columns_.push_back("attr:" + code);
}

void ProductMapper::set(MappedProduct& out, std::size_t column, const Value& value,
                        const FieldSource& fallback) const {
    out.fields[column] = value.text;
    out.sources[column] = value.present() ? FieldSource{value.element, value.line} : fallback;
}

void ProductMapper::map(const ProductRecord& product, const Placement& placement, MappedProduct& out,
                        std::vector<MappingError>& errors) {
    const FieldSource here{product.element, product.line};
    out.fields.assign(columns_.size(), std::string());
    out.sources.assign(columns_.size(), here);
    set(out, kSku, product.sku,
        {product.element == "ARTICLE" ? "SUPPLIER_AID" : "SUPPLIER_PID", product.line});
    set(out, kName, product.name, {"DESCRIPTION_SHORT", product.line});
    set(out, kDescription, product.description, here);
    set(out, kBrand, product.brand, here);
    set(out, kGtin, product.gtin, here);
    set(out, kMpn, product.mpn, here);
    out.fields[kCategory] = tree_.category(placement.category).path;
    out.sources[kCategory] = {placement.element, placement.line};
    mapUnits(product, out, errors);
    mapTax(product, out, errors);
    mapFeatures(product, placement.category, out, errors);
}

void ProductMapper::mapTax(const ProductRecord& p, MappedProduct& out,
                           std::vector<MappingError>& errors) const {
    // TAX is a fraction (0.19) on each price; the item's tax_rate is a percent (19).
    const Value* first = nullptr;
    for (const auto& details : p.price_details) {
        for (const auto& price : details.prices) {
            if (!price.tax.present()) continue;
            if (first == nullptr) {
                first = &price.tax;
            } else if (!sameNumber(price.tax.text, first->text)) {
                errors.push_back({"TAX " + quoted(price.tax.text) + " differs from the product's first TAX " +
                                      quoted(first->text) + ": an item has one tax rate",
                                  {price.tax.element, price.tax.line}});
            }
        }
    }
    if (first == nullptr) return;
    set(out, kTaxRate, *first, {});
    const auto fraction = Decimal::parse(first->text);
    const auto percent = fraction ? Decimal::multiply(*fraction, Decimal::fromInt(100)) : fraction;
    if (percent) out.fields[kTaxRate] = percent->toShortString();  // else the catalog rules report the text
}

void ProductMapper::mapUnits(const ProductRecord& p, MappedProduct& out,
                             std::vector<MappingError>& errors) const {
    const FieldSource order_unit = sourceOf(p.order_unit, "ORDER_UNIT", p.line);
    const bool packed =
        p.order_unit.present() && !p.content_unit.text.empty() && p.content_unit.text != p.order_unit.text;
    if (!packed) {
        set(out, kBaseUom, p.order_unit.present() ? p.order_unit : p.content_unit, order_unit);
        set(out, kMinQty, p.quantity_min, order_unit);
        set(out, kMultiple, p.quantity_interval, order_unit);
        auto factor = Decimal::parse(p.units_per_order_unit.text);
        if (p.units_per_order_unit.present() && factor && *factor != Decimal::fromInt(1)) {
            errors.push_back({"NO_CU_PER_OU is " + factor->toShortString() +
                                  " but the order unit is the content unit " + quoted(out.fields[kBaseUom]),
                              sourceOf(p.units_per_order_unit, "NO_CU_PER_OU", p.line)});
        }
        return;
    }
    const FieldSource per_unit = sourceOf(p.units_per_order_unit, "NO_CU_PER_OU", p.line);
    set(out, kBaseUom, p.content_unit, order_unit);
    set(out, kPackUom, p.order_unit, order_unit);
    set(out, kPackQty, p.units_per_order_unit, per_unit);
    // Quantities are in order units; the catalog counts base (content) units.
    auto factor = Decimal::parse(p.units_per_order_unit.text);
    if (p.quantity_min.present()) {
        out.fields[kMinQty] = timesFactor(p.quantity_min, factor);
        out.sources[kMinQty] = sourceOf(p.quantity_min, "QUANTITY_MIN", p.line);
    }
    if (p.quantity_interval.present()) {
        out.fields[kMultiple] = timesFactor(p.quantity_interval, factor);
        out.sources[kMultiple] = sourceOf(p.quantity_interval, "QUANTITY_INTERVAL", p.line);
    } else if (factor) {
        out.fields[kMultiple] = factor->toShortString();  // one whole order unit
        out.sources[kMultiple] = per_unit;
    }
}

void ProductMapper::mapFeatures(const ProductRecord& product, catalog::CategoryId category,
                                MappedProduct& out, std::vector<MappingError>& errors) {
    for (const auto& feature : product.features) {
        const FieldSource at{"FEATURE", feature.line};
        auto attribute = tree_.findAttribute(category, feature.name);
        auto code = std::find(codes_.begin(), codes_.end(), feature.name);
        if (!attribute || code == codes_.end()) {
            if (strict_) {
                errors.push_back({"attribute " + quoted(feature.name) + " is not defined for category " +
                                      quoted(tree_.category(category).path),
                                  at});
            } else {
                ++ignored_;
            }
            continue;
        }
        if (feature.values.empty()) continue;
        const auto column = first_attribute_ + static_cast<std::size_t>(code - codes_.begin());
        const auto& definition = tree_.attribute(*attribute);
        std::string text = feature.values.front();
        if (!out.fields[column].empty()) {
            errors.push_back({"feature " + quoted(feature.name) + " is given twice", at});
            continue;
        }
        if (feature.values.size() > 1) {
            if (definition.type != catalog::AttributeType::Text) {
                errors.push_back({"feature " + quoted(feature.name) + " has " +
                                      std::to_string(feature.values.size()) + " values; attribute " +
                                      quoted(definition.code) + " takes one",
                                  at});
                continue;
            }
            for (std::size_t i = 1; i < feature.values.size(); ++i) text += ", " + feature.values[i];
        }
        if (definition.type == catalog::AttributeType::Number && !feature.unit.empty())
            text += " " + feature.unit;
        out.fields[column] = std::move(text);
        out.sources[column] = at;
    }
}

void collectAttributeCodes(const catalog::CategoryTree& tree, const ProductRecord& product,
                           catalog::CategoryId category, std::vector<std::string>& codes) {
    for (const auto& feature : product.features) {
        if (!tree.findAttribute(category, feature.name)) continue;
        if (std::find(codes.begin(), codes.end(), feature.name) == codes.end()) codes.push_back(feature.name);
    }
}

namespace {

std::optional<Decimal> decimalOr(const Value& value, Decimal fallback, std::vector<MappingError>& errors,
                                 std::size_t line) {
    if (!value.present()) return fallback;
    auto parsed = Decimal::parse(value.text);
    if (!parsed) {
        errors.push_back(
            {std::string(value.element) + ": " + parsed.error().message, sourceOf(value, "", line)});
        return std::nullopt;
    }
    return *parsed;
}

std::optional<core::Date> dateOf(const Value& value, std::vector<MappingError>& errors, bool& ok) {
    if (!value.present()) return std::nullopt;
    // DATE holds a date; VALID_START_DATE (2005.1) may be a dateTime: its date part counts.
    auto parsed = core::Date::parse(std::string_view(value.text).substr(0, value.text.find('T')));
    if (!parsed) {
        errors.push_back(
            {std::string(value.element) + ": " + parsed.error().message, {value.element, value.line}});
        ok = false;
        return std::nullopt;
    }
    return *parsed;
}

}  // namespace

namespace {

/// The fields of a price row that need no checking.
PriceRow baseRow(const ProductRecord& product, const Price& price, const std::string& default_currency) {
    PriceRow row;
    row.sku = product.sku.text;
    row.price_type = price.price_type;
    row.uom = product.order_unit.text;
    row.territories = price.territories;
    row.line = price.line;
    row.currency = price.currency.present() ? price.currency.text : default_currency;
    return row;
}

/// One PRODUCT_PRICE as a row, or nullopt after reporting why not.
std::optional<PriceRow> priceRow(const ProductRecord& product, const Price& price,
                                 const std::string& default_currency, Decimal per,
                                 std::vector<MappingError>& errors) {
    PriceRow row = baseRow(product, price, default_currency);
    bool ok = true;
    if (!price.amount.present()) {
        errors.push_back({"price has no PRICE_AMOUNT", {"PRICE_AMOUNT", price.line}});
        ok = false;
    }
    if (row.currency.empty()) {
        errors.push_back(
            {"price has no PRICE_CURRENCY and the HEADER no CURRENCY", {"PRICE_CURRENCY", price.line}});
        ok = false;
    }
    const Decimal one = Decimal::fromInt(1);
    auto amount = decimalOr(price.amount, Decimal(), errors, price.line);
    auto factor = decimalOr(price.factor, one, errors, price.line);
    auto lower = decimalOr(price.lower_bound, one, errors, price.line);
    if (price.tax.present()) row.tax = decimalOr(price.tax, Decimal(), errors, price.line);
    if (amount && amount->isNegative()) {
        errors.push_back({"PRICE_AMOUNT must not be negative, got " + amount->toShortString(),
                          {price.amount.element, price.amount.line}});
        ok = false;
    }
    if (!ok || !amount || !factor || !lower) return std::nullopt;
    auto gross = Decimal::multiply(*amount, *factor);
    auto unit = gross ? Decimal::divide(*gross, per) : gross;
    if (!unit) {
        errors.push_back(
            {"PRICE_AMOUNT: " + unit.error().message, {price.amount.element, price.amount.line}});
        return std::nullopt;
    }
    row.unit_price = *unit;
    row.min_qty = *lower;
    return row;
}

}  // namespace

void buildPrices(const ProductRecord& product, const std::string& default_currency,
                 std::vector<PriceRow>& rows, std::vector<MappingError>& errors) {
    auto per = decimalOr(product.price_quantity, Decimal::fromInt(1), errors, product.line);
    if (per && *per <= Decimal()) {
        errors.push_back({"PRICE_QUANTITY must be positive, got " + per->toShortString(),
                          sourceOf(product.price_quantity, "PRICE_QUANTITY", product.line)});
        per.reset();
    }
    for (const auto& details : product.price_details) {
        bool dates_ok = true;
        auto from = dateOf(details.valid_from, errors, dates_ok);
        auto to = dateOf(details.valid_to, errors, dates_ok);
        for (const auto& price : details.prices) {
            auto row = priceRow(product, price, default_currency, per.value_or(Decimal::fromInt(1)), errors);
            if (!row || !dates_ok || !per) continue;
            row->valid_from = from;
            row->valid_to = to;
            rows.push_back(std::move(*row));
        }
    }
}

}  // namespace crossdock::edi::bmecat::detail
