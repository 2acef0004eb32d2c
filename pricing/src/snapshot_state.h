#pragma once

// The inside of a PriceSnapshot: lists compiled to sorted rows with a SKU index,
// rule lists compiled to lookup maps, customers with their chains as list slots.
// Everything is immutable once built and shared between snapshot versions through
// shared_ptr, so a change to one list copies that list only.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crossdock/core/currency.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"
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
using RuleMap = std::unordered_map<std::string, std::uint32_t, TransparentHash, std::equal_to<>>;

/// A rule list ready for matching.
struct CompiledRules {
    RuleList definition;
    std::uint32_t source_slot = StringTable::kNone;  // for RuleSource::List
    RuleMap by_sku;
    RuleMap by_category;
    RuleMap by_brand;
    std::int32_t all_rule = -1;

    /// The most specific rule for `item` (index into definition.rules), or -1.
    std::int32_t match(const ItemFacts& item) const;
};

/// One price list: header plus either rows or rules. What the hot path reads
/// (validity, rules, raw views of rows and index) comes first and fits one cache
/// line; the header's id ends within the next one.
struct alignas(64) ListData {
    // Raw views of rows and index for the hot path (no pointer chase through
    // the shared_ptr control blocks); always set through setRows().
    const Row* row_data = nullptr;
    SkuIndex::View index_view;
    std::int32_t from_day = kOpenStart;
    std::int32_t to_day = kOpenEnd;
    std::shared_ptr<const CompiledRules> rules;  // null for entry lists
    PriceList header;
    core::Currency currency{};
    std::shared_ptr<const std::vector<Row>> rows;  // never null; empty for derived lists
    std::shared_ptr<const SkuIndex> index;         // never null

    void setRows(std::shared_ptr<const std::vector<Row>> new_rows,
                 std::shared_ptr<const SkuIndex> new_index) {
        rows = std::move(new_rows);
        index = std::move(new_index);
        row_data = rows->data();
        index_view = index->view();
    }
    bool validOn(std::int32_t day) const { return from_day <= day && day <= to_day; }
    /// Starts loading every cache line of a SKU's rows (a cache hint only).
    void prefetchRows(RowRange range) const {
        if (range.count == 0) return;
        const char* first = reinterpret_cast<const char*>(row_data + range.begin);
        const char* last = reinterpret_cast<const char*>(row_data + range.begin + range.count) - 1;
        for (const char* line = first; line <= last; line += 64) __builtin_prefetch(line);
        __builtin_prefetch(last);
    }
    /// Starts loading the list's hot line and its id (a cache hint only).
    void prefetch() const {
        __builtin_prefetch(this);
        __builtin_prefetch(reinterpret_cast<const char*>(this) + 64);
    }
};
static_assert(offsetof(ListData, header) <= 64 && offsetof(ListData, header) + sizeof(std::string) <= 128,
              "the hot fields fit the first cache line, the id the first two");

struct CustomerRecord {
    core::Currency currency{};
    Strategy strategy = Strategy::Priority;
    bool active = false;               // false once removed
    std::uint32_t chain_begin = 0;     // into CustomerTable::chains
    std::uint32_t explicit_count = 0;  // lists the customer named
    std::uint32_t chain_count = 0;     // explicit_count, plus one when a default list applies
};

struct CustomerTable {
    StringTable ids;  // customer id → index into records
    std::vector<CustomerRecord> records;
    std::vector<std::uint32_t> chains;  // list slots
};

struct SnapshotState {
    std::uint64_t version = 0;
    std::shared_ptr<const ItemLookup> items;
    std::shared_ptr<const StringTable> skus;
    std::shared_ptr<const StringTable> units;
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
std::shared_ptr<const std::vector<Row>> emptyRows();
std::shared_ptr<const SkuIndex> emptyIndex();

/// Builds the SKU index over rows sorted by rowOrder().
std::shared_ptr<const SkuIndex> indexRows(const std::vector<Row>& rows);

}  // namespace crossdock::pricing::detail
