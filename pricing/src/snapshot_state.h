#pragma once

// The inside of a PriceSnapshot: lists compiled to sorted rows with a SKU index,
// rule lists compiled to lookup maps, customers with their chains as list slots.
// Everything is immutable once built and shared between snapshot versions through
// shared_ptr, so a change to one list copies that list only.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crossdock/core/currency.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"
#include "huge_pages.h"
#include "item_table.h"
#include "sku_index.h"
#include "string_table.h"

namespace crossdock::pricing::detail {

inline constexpr std::int32_t kOpenStart = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int32_t kOpenEnd = std::numeric_limits<std::int32_t>::max();

inline std::int32_t dayOrOpenStart(const std::optional<core::Date>& d) {
    return d ? d->daysSinceEpoch() : kOpenStart;
}
inline std::int32_t dayOrOpenEnd(const std::optional<core::Date>& d) {
    return d ? d->daysSinceEpoch() : kOpenEnd;
}

/// One entry of a list, compiled. Rows of a list are sorted by
/// (sku, uom, min_qty, from_day): a SKU's rows are contiguous, its units grouped.
struct Row {
    std::int64_t min_qty = 0;  // raw Decimal, in uom units
    std::int64_t price = 0;    // raw Decimal, per uom
    std::int32_t from_day = kOpenStart;
    std::int32_t to_day = kOpenEnd;
    std::uint32_t sku = 0;  // id in SnapshotState::skus
    std::uint32_t uom = 0;  // id in SnapshotState::units

    bool validOn(std::int32_t day) const { return from_day <= day && day <= to_day; }
};

/// A list's rows: huge-page backed once large (BASE's rows are read at random).
using Rows = LargeVector<Row>;

inline bool rowOrder(const Row& a, const Row& b) {
    if (a.sku != b.sku) return a.sku < b.sku;
    if (a.uom != b.uom) return a.uom < b.uom;
    if (a.min_qty != b.min_qty) return a.min_qty < b.min_qty;
    return a.from_day < b.from_day;
}

struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// A small map from a dense id (SKU, category, brand) to a rule index: open
/// addressing with Fibonacci hashing, at most half full.
class IdMap {
public:
    /// Adds `key`; false (and no change) when it is there already.
    bool insert(std::uint32_t key, std::uint32_t value);
    /// The value of `key`, or -1.
    std::int32_t find(std::uint32_t key) const {
        if (size_ == 0) return -1;
        for (std::size_t i = slotOf(key);; i = (i + 1) & mask_) {
            if (slots_[i].key == key) return static_cast<std::int32_t>(slots_[i].value);
            if (slots_[i].key == kEmpty) return -1;
        }
    }
    bool empty() const { return size_ == 0; }

private:
    static constexpr std::uint32_t kEmpty = 0xffff'ffffU;
    struct Slot {
        std::uint32_t key = kEmpty;
        std::uint32_t value = 0;
    };
    std::size_t slotOf(std::uint32_t key) const {
        return static_cast<std::size_t>((key * 0x9E37'79B9'7F4A'7C15ULL) >> shift_);
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    unsigned shift_ = 64;
    std::size_t size_ = 0;
};

/// A rule list ready for matching: the scopes' values as dense ids.
struct CompiledRules {
    RuleList definition;
    std::uint32_t source_slot = StringTable::kNone;  // for RuleSource::List
    IdMap by_sku;                                    // SKU id → rule
    IdMap by_category;                               // category id → rule
    IdMap by_brand;                                  // brand id → rule
    std::int32_t all_rule = -1;

    /// The most specific rule for the item `sku` (index into definition.rules), or
    /// -1. `parents` is the category table's parent array.
    std::int32_t match(std::uint32_t sku, const ItemRecord& item, const std::uint32_t* parents) const {
        if (!by_sku.empty()) {
            if (const auto rule = by_sku.find(sku); rule >= 0) return rule;
        }
        if (!by_category.empty()) {
            // Deepest first: the item's category, then each ancestor.
            for (auto category = item.category; category != StringTable::kNone;
                 category = parents[category]) {
                if (const auto rule = by_category.find(category); rule >= 0) return rule;
            }
        }
        if (!by_brand.empty() && item.brand != StringTable::kNone) {
            if (const auto rule = by_brand.find(item.brand); rule >= 0) return rule;
        }
        return all_rule;
    }
};

/// One price list: header plus either rows or rules. What the hot path reads
/// (validity, rules, raw views of rows and index, the id when it is short) fits
/// the first cache line, so that a line touches one line of each list it walks.
struct alignas(64) ListData {
    static constexpr std::size_t kInlineId = 15;

    // Raw views of rows and index for the hot path (no pointer chase through
    // the shared_ptr control blocks); always set through setRows().
    const Row* row_data = nullptr;
    SkuIndex::View index_view;
    std::int32_t from_day = kOpenStart;
    std::int32_t to_day = kOpenEnd;
    std::shared_ptr<const CompiledRules> rules;  // null for entry lists
    // A copy of header.id when it has at most kInlineId characters, else
    // kLongId: id() views it. Inside the object, so that a copy of the list views
    // its own; set by setHeader() only.
    static constexpr std::uint8_t kLongId = 0xff;
    std::uint8_t id_size = kLongId;
    char id_text[kInlineId] = {};

    PriceList header;  // always set through setHeader()
    core::Currency currency{};
    std::shared_ptr<const Rows> rows;       // never null; empty for derived lists
    std::shared_ptr<const SkuIndex> index;  // never null

    void setRows(std::shared_ptr<const Rows> new_rows, std::shared_ptr<const SkuIndex> new_index) {
        rows = std::move(new_rows);
        index = std::move(new_index);
        row_data = rows->data();
        index_view = index->view();
    }
    /// The header, its validity as days and the inline copy of its id.
    void setHeader(PriceList new_header) {
        header = std::move(new_header);
        from_day = dayOrOpenStart(header.valid_from);
        to_day = dayOrOpenEnd(header.valid_to);
        id_size = header.id.size() <= kInlineId ? static_cast<std::uint8_t>(header.id.size()) : kLongId;
        if (id_size != kLongId) std::memcpy(id_text, header.id.data(), header.id.size());
    }
    /// header.id, read from the first cache line when it is short.
    std::string_view id() const {
        return id_size != kLongId ? std::string_view(id_text, id_size) : std::string_view(header.id);
    }
    bool validOn(std::int32_t day) const { return from_day <= day && day <= to_day; }
};
static_assert(offsetof(ListData, header) == 64, "the hot fields and a short id fill the first cache line");

/// One customer: one cache line, with the chain inline when it has up to
/// kInlineChain lists (the usual case), so that a line reads no other array.
struct alignas(64) CustomerRecord {
    static constexpr std::size_t kInlineChain = 5;

    core::Currency currency{};
    Strategy strategy = Strategy::Priority;
    bool active = false;                            // false once removed
    std::uint32_t chain_begin = 0;                  // into CustomerTable::chains
    std::uint32_t explicit_count = 0;               // lists the customer named
    std::uint32_t chain_count = 0;                  // explicit_count, plus one when a default list applies
    std::uint32_t inline_chain[kInlineChain] = {};  // the first lists of the chain
};
static_assert(sizeof(CustomerRecord) == 64);

struct CustomerTable {
    StringTable ids;  // customer id → index into records
    LargeVector<CustomerRecord> records;
    std::vector<std::uint32_t> chains;  // list slots

    /// The chain of a record of this table, as list slots.
    std::span<const std::uint32_t> chainOf(const CustomerRecord& record) const {
        if (record.chain_count <= CustomerRecord::kInlineChain)
            return {record.inline_chain, record.chain_count};
        return {chains.data() + record.chain_begin, record.chain_count};
    }
};

struct SnapshotState {
    std::uint64_t version = 0;
    std::shared_ptr<const ItemLookup> items;
    std::shared_ptr<const StringTable> skus;   // every item's SKU (and SKU rules'): the dense item id
    std::shared_ptr<const StringTable> units;  // every unit of an item or an entry
    std::shared_ptr<const CategoryTable> categories;
    std::shared_ptr<const StringTable> brands;
    std::shared_ptr<const ItemTable> item_table;         // by SKU id, for `items`
    std::shared_ptr<const StringTable> list_ids;         // list id → slot
    std::vector<std::shared_ptr<const ListData>> lists;  // by slot; null when removed
    std::shared_ptr<const CustomerTable> customers;
    std::size_t entry_count = 0;

    const ListData* listById(std::string_view id) const {
        const auto slot = list_ids->find(id);
        return slot == StringTable::kNone || slot >= lists.size() ? nullptr : lists[slot].get();
    }
};

/// An empty row vector and index, shared by every list without rows.
std::shared_ptr<const Rows> emptyRows();
std::shared_ptr<const SkuIndex> emptyIndex();

/// Builds the SKU index over rows sorted by rowOrder().
std::shared_ptr<const SkuIndex> indexRows(const Rows& rows);

}  // namespace crossdock::pricing::detail
