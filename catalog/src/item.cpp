#include "crossdock/catalog/item.h"

#include <algorithm>
#include <stdexcept>

namespace crossdock::catalog {

namespace {

bool sameUnits(const core::UnitConversions& a, const core::UnitConversions& b) {
    return a.baseUnit() == b.baseUnit() &&
           std::equal(a.levels().begin(), a.levels().end(), b.levels().begin(), b.levels().end(),
                      [](const core::PackLevel& x, const core::PackLevel& y) {
                          return x.unit == y.unit && x.base_qty == y.base_qty;
                      });
}

bool byAttribute(const AttributeValue& v, AttributeId id) { return v.attribute < id; }

}  // namespace

std::string_view toString(ItemStatus status) {
    switch (status) {
        case ItemStatus::Active:
            return "active";
        case ItemStatus::Discontinued:
            return "discontinued";
        case ItemStatus::Draft:
            return "draft";
    }
    throw std::logic_error("unknown ItemStatus");
}

core::Result<ItemStatus> parseItemStatus(std::string_view text) {
    for (auto status : {ItemStatus::Active, ItemStatus::Discontinued, ItemStatus::Draft}) {
        if (text == toString(status)) return status;
    }
    return core::makeError(
        core::ErrorCode::InvalidArgument,
        "unknown status '" + std::string(text.substr(0, 64)) + "' (expected active, discontinued or draft)");
}

const AttributeValue* Item::attributeValue(AttributeId attribute) const {
    auto it = std::lower_bound(attributes.begin(), attributes.end(), attribute, byAttribute);
    return it != attributes.end() && it->attribute == attribute ? &*it : nullptr;
}

void Item::setAttribute(AttributeValue value) {
    auto it = std::lower_bound(attributes.begin(), attributes.end(), value.attribute, byAttribute);
    if (it != attributes.end() && it->attribute == value.attribute) {
        *it = std::move(value);
    } else {
        attributes.insert(it, std::move(value));
    }
}

core::Status Item::checkOrderQuantity(core::Decimal quantity, std::string_view unit) const {
    using core::ErrorCode;
    if (quantity <= core::Decimal()) {
        return core::makeError(ErrorCode::InvalidArgument,
                               "quantity must be positive, got " + quantity.toShortString());
    }
    auto base = units.convert(quantity, unit, units.baseUnit());
    if (!base) return base.takeError();
    const std::string in_base = base->toShortString() + " " + units.baseUnit();
    if (*base < min_order_qty) {
        return core::makeError(ErrorCode::InvalidArgument,
                               "quantity " + in_base + " is below the minimum order of " +
                                   min_order_qty.toShortString() + " " + units.baseUnit());
    }
    if (!order_multiple.isZero() && base->raw() % order_multiple.raw() != 0) {
        return core::makeError(ErrorCode::InvalidArgument, "quantity " + in_base + " is not a multiple of " +
                                                               order_multiple.toShortString() + " " +
                                                               units.baseUnit());
    }
    return {};
}

bool operator==(const Item& a, const Item& b) {
    return a.sku == b.sku && a.name == b.name && a.description == b.description && a.brand == b.brand &&
           a.gtin == b.gtin && a.mpn == b.mpn && a.family == b.family && a.category == b.category &&
           a.status == b.status && a.attributes == b.attributes && sameUnits(a.units, b.units) &&
           a.min_order_qty == b.min_order_qty && a.order_multiple == b.order_multiple && a.cost == b.cost &&
           a.tax_rate == b.tax_rate;
}

}  // namespace crossdock::catalog
