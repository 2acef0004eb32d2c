#pragma once

// The catalog's items as the hot path reads them: one 64-byte record per dense
// SKU id (the id of the SKU in SnapshotState::skus, the same id rows carry), with
// the units as (unit id, factor) pairs, the category and brand as ids and the cost
// as a raw Decimal. Built once per catalog version from ItemLookup::forEach(), so
// that pricing a line hashes the SKU once and never hashes a unit, a category or
// a brand.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "crossdock/pricing/item_facts.h"
#include "string_table.h"

namespace crossdock::pricing::detail {

/// A value shared with the base snapshot until the first change (copy on write).
template <class T>
class Cow {
public:
    explicit Cow(std::shared_ptr<const T> shared)
        : shared_(shared ? std::move(shared) : std::make_shared<T>()) {}
    const T& current() const { return own_ ? *own_ : *shared_; }
    T& mutate() {
        if (!own_) own_ = std::make_shared<T>(*shared_);
        return *own_;
    }
    std::shared_ptr<const T> result() const { return own_ ? own_ : shared_; }

private:
    std::shared_ptr<const T> shared_;
    std::shared_ptr<T> own_;
};

/// Category paths with dense ids and the id of each path's parent, the path up to
/// its last " > " ("A > B > C" → "A > B" → "A"), so that matching a subtree walks
/// integers. Ids never change; paths are only added.
class CategoryTable {
public:
    /// The id of `path`, or StringTable::kNone (also for an empty path).
    std::uint32_t find(std::string_view path) const { return names_.find(path); }
    /// The id of `path`, adding it and its ancestors when missing; kNone for "".
    std::uint32_t intern(std::string_view path);
    /// The parent of a category, or kNone for a top level one.
    std::uint32_t parent(std::uint32_t id) const { return parents_[id]; }
    const std::uint32_t* parents() const { return parents_.data(); }
    std::size_t memoryBytes() const {
        return names_.memoryBytes() + parents_.capacity() * sizeof(std::uint32_t);
    }

private:
    StringTable names_;
    std::vector<std::uint32_t> parents_;
};

/// A unit of an item and its size in base units (raw Decimal).
struct UnitFactor {
    std::uint32_t uom = StringTable::kNone;
    std::int64_t factor = 0;
};

/// One item, by dense SKU id: one cache line.
struct alignas(64) ItemRecord {
    static constexpr std::size_t kInlineUnits = 3;

    std::int64_t cost = 0;                        // raw, per base unit, when has_cost
    std::int64_t factors[kInlineUnits] = {};      // base units per unit, raw
    std::uint32_t units[kInlineUnits] = {};       // unit ids; units[0] is the base unit
    std::uint32_t category = StringTable::kNone;  // id in SnapshotState::categories
    std::uint32_t brand = StringTable::kNone;     // id in SnapshotState::brands
    std::uint32_t spill = 0;  // unit_count > kInlineUnits: all units at ItemTable::spill[spill]
    // The SKU's text in the SKU table (StringTable::textAt), so that the explanation's
    // view of it reads no other array; kLongSku: longer, ask the table by id.
    std::uint32_t sku_offset = 0;
    std::uint16_t sku_size = 0;
    std::uint8_t unit_count = 0;  // 0: the catalog has no item with this SKU
    bool has_cost = false;

    static constexpr std::size_t kLongSku = 0xffff;

    bool present() const { return unit_count != 0; }
    std::uint32_t baseUnit() const { return units[0]; }
    /// The item's SKU, a view into `skus` (the table its id `id` comes from).
    std::string_view sku(const StringTable& skus, std::uint32_t id) const {
        return sku_size != kLongSku ? skus.textAt(sku_offset, sku_size) : skus.name(id);
    }
};
static_assert(sizeof(ItemRecord) == 64);

struct ItemTable {
    LargeVector<ItemRecord> records;  // by SKU id; ids past the end have no item
    std::vector<UnitFactor> spill;    // units of items with more than kInlineUnits

    /// The item with SKU id `id`, or nullptr.
    const ItemRecord* find(std::uint32_t id) const {
        return id < records.size() && records[id].present() ? &records[id] : nullptr;
    }
    /// Base units per unit `uom` of `item` (raw), or 0 when the item has no such unit.
    std::int64_t factor(const ItemRecord& item, std::uint32_t uom) const {
        if (item.unit_count <= ItemRecord::kInlineUnits) {
            for (std::size_t i = 0; i < item.unit_count; ++i)
                if (item.units[i] == uom) return item.factors[i];
            return 0;
        }
        for (std::size_t i = 0; i < item.unit_count; ++i)
            if (spill[item.spill + i].uom == uom) return spill[item.spill + i].factor;
        return 0;
    }
    std::size_t memoryBytes() const {
        return records.capacity() * sizeof(ItemRecord) + spill.capacity() * sizeof(UnitFactor);
    }
};

}  // namespace crossdock::pricing::detail
