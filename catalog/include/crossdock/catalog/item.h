#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/catalog/attribute.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/core/unit.h"

namespace crossdock::catalog {

/// Whether an item can be ordered and shown.
enum class ItemStatus : std::uint8_t { Active, Discontinued, Draft };

/// "active", "discontinued" or "draft", as in the catalog CSV.
std::string_view toString(ItemStatus status);
/// Inverse of toString(). InvalidArgument, quoting the text, for anything else.
core::Result<ItemStatus> parseItemStatus(std::string_view text);

/// One SKU. Kept compact because a catalog holds a million of them in memory:
/// attribute values are a small vector sorted by attribute id rather than a map,
/// enum values are indexes, and the category is an id into the CategoryTree the
/// item was validated against. A value type.
struct Item {
    std::string sku;  ///< unique in the catalog
    std::string name;
    std::string description;  ///< may be empty
    std::string brand;        ///< may be empty
    std::string gtin;         ///< GTIN-14 (see validateGtin()), or empty
    std::string mpn;          ///< manufacturer part number, may be empty
    std::string family;       ///< variant family id, empty when the item stands alone
    CategoryId category = kNoCategory;
    ItemStatus status = ItemStatus::Active;
    /// At most one per attribute, sorted by attribute id; those with `axis` set are
    /// the item's values along its family's variant axes.
    std::vector<AttributeValue> attributes;
    /// Base unit and packaging levels (CS = 12 EA, PL = 480 EA).
    core::UnitConversions units{"EA"};
    /// Smallest quantity one order line may ask for, in base units (> 0).
    core::Decimal min_order_qty = core::Decimal::fromRaw(core::Decimal::kOne);
    /// Ordered quantities are multiples of this, in base units (> 0). Every pack
    /// level holds a whole number of order multiples.
    core::Decimal order_multiple = core::Decimal::fromRaw(core::Decimal::kOne);
    std::optional<core::Decimal> cost;  ///< purchase cost per base unit, when known
    /// Sales tax rate in percent (0..100, up to 4 fraction digits); nullopt: the configured
    /// default rate (sales.tax.default_rate_percent) applies.
    std::optional<core::Decimal> tax_rate;

    /// The value of `attribute`, or nullptr. O(log n) on the sorted vector.
    const AttributeValue* attributeValue(AttributeId attribute) const;

    /// Sets (or replaces) the value of `attribute`, keeping the vector sorted.
    void setAttribute(AttributeValue value);

    /// Checks an order quantity: `quantity` of `unit` (a unit of this item) must be
    /// positive, at least min_order_qty and a multiple of order_multiple once
    /// converted to base units. InvalidArgument naming the rule broken otherwise
    /// (FailedPrecondition is not used: the request, not the item, is wrong).
    core::Status checkOrderQuantity(core::Decimal quantity, std::string_view unit) const;

    /// Field-by-field equality (units compared by base unit and levels).
    friend bool operator==(const Item& a, const Item& b);
};

}  // namespace crossdock::catalog
