#pragma once

// What pricing needs to know about an item, and the lookup a snapshot is built
// with. The catalog (or an adapter over it) implements ItemLookup; pricing never
// includes catalog internals.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "crossdock/core/decimal.h"
#include "crossdock/core/unit.h"

namespace crossdock::pricing {

/// The facts of one item that rules and unit conversion read.
struct ItemFacts {
    std::string sku;
    std::string category_path;          ///< "Hardware > Fasteners > Screws"; may be empty
    std::string brand;                  ///< may be empty
    std::optional<core::Decimal> cost;  ///< per base unit; read by cost-based rule lists
    core::UnitConversions units;        ///< base unit and packaging levels
};

/// Finds items by SKU. Implementations must be immutable once handed to a
/// snapshot, and find() safe to call from many threads at once.
class ItemLookup {
public:
    virtual ~ItemLookup() = default;
    /// The item with exactly this SKU, or nullptr. The pointer stays valid as long
    /// as the lookup lives.
    virtual const ItemFacts* find(std::string_view sku) const = 0;
    /// Calls `visit` once for every item, in no particular order. A snapshot built
    /// over the lookup interns every item into its dense tables this way (once per
    /// catalog version, not per line). The references stay valid as long as the
    /// lookup lives; find(item.sku) returns the same object.
    virtual void forEach(const std::function<void(const ItemFacts&)>& visit) const = 0;
};

/// An ItemLookup over a hash map: for tests, tools and small catalogs.
class InMemoryItemLookup final : public ItemLookup {
public:
    /// Adds or replaces the item with the same SKU. Not thread-safe: fill first,
    /// then share.
    void put(ItemFacts item);
    const ItemFacts* find(std::string_view sku) const override;
    void forEach(const std::function<void(const ItemFacts&)>& visit) const override;
    std::size_t size() const { return items_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, ItemFacts, Hash, std::equal_to<>> items_;
};

}  // namespace crossdock::pricing
