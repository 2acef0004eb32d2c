// The item table and the category table: the catalog interned to dense ids once
// per catalog version, so that the hot path compares integers.

#include "item_table.h"

#include <algorithm>
#include <stdexcept>

#include "builder_state.h"

namespace crossdock::pricing::detail {

namespace {

constexpr std::string_view kLevelSeparator = " > ";

// Fills `record` with the units of `item` (base unit first, then the levels in order).
void putUnits(ItemRecord& record, const ItemFacts& item, ItemTable& table, CowTable& units) {
    const auto& levels = item.units.levels();
    const std::size_t count = 1 + levels.size();
    if (count > 0xff) throw std::length_error("item " + item.sku + " has too many units");
    record.unit_count = static_cast<std::uint8_t>(count);
    const auto put = [&](std::size_t i, std::uint32_t uom, std::int64_t factor) {
        if (count <= ItemRecord::kInlineUnits) {
            record.units[i] = uom;
            record.factors[i] = factor;
        } else {
            table.spill[record.spill + i] = UnitFactor{uom, factor};
            if (i == 0) record.units[0] = uom;
        }
    };
    if (count > ItemRecord::kInlineUnits) {
        record.spill = static_cast<std::uint32_t>(table.spill.size());
        table.spill.resize(table.spill.size() + count);
    }
    put(0, units.intern(item.units.baseUnit()), core::Decimal::kOne);
    for (std::size_t i = 0; i < levels.size(); ++i)
        put(i + 1, units.intern(levels[i].unit), levels[i].base_qty.raw());
}

}  // namespace

std::uint32_t CategoryTable::intern(std::string_view path) {
    if (path.empty()) return StringTable::kNone;
    if (const auto id = names_.find(path); id != StringTable::kNone) return id;
    const auto pos = path.rfind(kLevelSeparator);
    const auto parent = pos == std::string_view::npos ? StringTable::kNone : intern(path.substr(0, pos));
    const auto id = names_.intern(path);
    if (id >= parents_.size()) parents_.resize(id + 1, StringTable::kNone);
    parents_[id] = parent;
    return id;
}

bool IdMap::insert(std::uint32_t key, std::uint32_t value) {
    if (find(key) >= 0) return false;
    if (2 * (size_ + 1) > slots_.size()) {
        const std::vector<Slot> old = std::move(slots_);
        std::size_t count = old.empty() ? 8 : 2 * old.size();
        unsigned bits = 0;
        while ((std::size_t{1} << bits) < count) ++bits;
        slots_.assign(count, Slot{});
        mask_ = count - 1;
        shift_ = 64U - bits;
        size_ = 0;
        for (const Slot& slot : old) {
            if (slot.key != kEmpty) insert(slot.key, slot.value);
        }
    }
    std::size_t i = slotOf(key);
    while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
    slots_[i] = Slot{key, value};
    ++size_;
    return true;
}

std::shared_ptr<const ItemTable> buildItemTable(const ItemLookup& items, InternTables tables) {
    auto table = std::make_shared<ItemTable>();
    // Consecutive items often share a category: intern each distinct path once in a row.
    std::string_view last_path;
    std::uint32_t last_category = StringTable::kNone;
    items.forEach([&](const ItemFacts& item) {
        const auto id = tables.skus.intern(item.sku);
        if (id >= table->records.size()) {
            if (id >= table->records.capacity()) table->records.reserve(2 * (std::size_t{id} + 1));
            table->records.resize(std::size_t{id} + 1);
        }
        ItemRecord& record = table->records[id];
        record = ItemRecord{};
        putUnits(record, item, *table, tables.units);
        if (item.cost) {
            record.has_cost = true;
            record.cost = item.cost->raw();
        }
        if (item.category_path != last_path || last_path.empty()) {
            last_path = item.category_path;
            last_category = tables.category(item.category_path);
        }
        record.category = last_category;
        record.brand = tables.brand(item.brand);
        record.sku_offset = tables.skus.current().offsetOf(id);
        record.sku_size =
            static_cast<std::uint16_t>(std::min<std::size_t>(item.sku.size(), ItemRecord::kLongSku));
    });
    table->records.shrink_to_fit();
    return table;
}

}  // namespace crossdock::pricing::detail
