// Merging a list's old rows with the entries put and removed in one change.
// Only SKUs that changed are looked at; when no SKU gains or loses rows the old
// index is reused and the rows are one copy plus patches (the common repricing).

#include <algorithm>
#include <span>

#include "builder_state.h"

namespace crossdock::pricing::detail {

namespace {

constexpr std::uint32_t kOldRow = 0xffff'ffffU;  // ordinal marker: row came from the base

bool sameKey(const Row& a, const Row& b) {
    return a.sku == b.sku && a.uom == b.uom && a.min_qty == b.min_qty && a.from_day == b.from_day;
}

bool pendingOrder(const PendingRow& a, const PendingRow& b) {
    if (rowOrder(a.row, b.row)) return true;
    if (rowOrder(b.row, a.row)) return false;
    return a.ordinal < b.ordinal;
}

std::string describeTier(const BuilderState& builder, const std::string& list_id, const Row& row) {
    return list_id + " / " + std::string(builder.skus.current().name(row.sku)) + " / " +
           std::string(builder.units.current().name(row.uom)) + " from " +
           core::Decimal::fromRaw(row.min_qty).toShortString();
}

struct Group {
    std::uint32_t sku = 0;
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
};

// Works through one SKU: old rows minus removals and replacements, plus puts,
// sorted, and checked for overlapping validity of the same tier.
class SkuMerger {
public:
    SkuMerger(const ListChange& change, const BuilderState& builder) : change_(change), builder_(builder) {}

    std::optional<core::Error> merge(std::span<const Row> old_rows, std::span<const PendingRow> puts,
                                     std::span<const PendingRow> removals, std::vector<Row>& out) {
        scratch_.clear();
        removed_.assign(old_rows.size(), false);
        for (const auto& removal : removals) {
            auto it = std::find_if(old_rows.begin(), old_rows.end(),
                                   [&](const Row& r) { return sameKey(r, removal.row); });
            if (it == old_rows.end() || removed_[static_cast<std::size_t>(it - old_rows.begin())]) {
                return core::makeError(
                    core::ErrorCode::NotFound,
                    "no entry " + describeTier(builder_, change_.id, removal.row) + " to remove",
                    builder_.whereOf(removal.ordinal));
            }
            removed_[static_cast<std::size_t>(it - old_rows.begin())] = true;
        }
        for (const auto& put : puts) {
            auto it = std::find_if(old_rows.begin(), old_rows.end(),
                                   [&](const Row& r) { return sameKey(r, put.row); });
            if (it != old_rows.end()) removed_[static_cast<std::size_t>(it - old_rows.begin())] = true;
            scratch_.push_back(put);
        }
        for (std::size_t i = 0; i < old_rows.size(); ++i) {
            if (!removed_[i]) scratch_.push_back(PendingRow{old_rows[i], kOldRow});
        }
        std::sort(scratch_.begin(), scratch_.end(), pendingOrder);
        for (std::size_t i = 1; i < scratch_.size(); ++i) {
            const Row& a = scratch_[i - 1].row;
            const Row& b = scratch_[i].row;
            if (a.uom == b.uom && a.min_qty == b.min_qty && b.from_day <= a.to_day) {
                const auto ordinal =
                    scratch_[i].ordinal != kOldRow ? scratch_[i].ordinal : scratch_[i - 1].ordinal;
                return core::makeError(core::ErrorCode::Conflict,
                                       "duplicate tier " + describeTier(builder_, change_.id, b) +
                                           ": another entry for the same tier overlaps its validity",
                                       builder_.whereOf(ordinal));
            }
        }
        for (const auto& pending : scratch_) out.push_back(pending.row);
        return std::nullopt;
    }

private:
    const ListChange& change_;
    const BuilderState& builder_;
    std::vector<PendingRow> scratch_;
    std::vector<bool> removed_;
};

// The puts (or removals) of one SKU: the run starting at `pos` in a sorted vector.
std::span<const PendingRow> runOf(const std::vector<PendingRow>& sorted, std::size_t& pos,
                                  std::uint32_t sku) {
    const std::size_t begin = pos;
    while (pos < sorted.size() && sorted[pos].row.sku == sku) ++pos;
    return {sorted.data() + begin, pos - begin};
}

}  // namespace

std::shared_ptr<const SkuIndex> indexRows(const Rows& rows) {
    std::size_t sku_count = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == 0 || rows[i].sku != rows[i - 1].sku) ++sku_count;
    }
    // Rows are sorted by SKU id: the last row has the largest. A list that prices
    // at least a third of the ids below it is indexed directly (no hash, fewer bytes).
    const std::size_t id_limit = rows.empty() ? 0 : std::size_t{rows.back().sku} + 1;
    auto index = std::make_shared<SkuIndex>(sku_count, sku_count > 0 && 3 * sku_count >= id_limit, id_limit);
    std::size_t begin = 0;
    for (std::size_t i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows[i].sku != rows[begin].sku) {
            index->insert(rows[begin].sku,
                          RowRange{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i - begin)});
            begin = i;
        }
    }
    return index;
}

core::Result<MergedRows> mergeListRows(const ListData* old_list, const ListChange& change,
                                       const BuilderState& builder) {
    static const Rows kNoRows;
    const bool keep_old = old_list != nullptr && !change.cleared;
    const Rows& old_rows = keep_old ? *old_list->rows : kNoRows;
    std::vector<PendingRow> puts = change.upserts;
    std::vector<PendingRow> removals = change.removals;
    std::sort(puts.begin(), puts.end(), pendingOrder);
    std::sort(removals.begin(), removals.end(), pendingOrder);
    for (std::size_t i = 1; i < puts.size(); ++i) {
        if (sameKey(puts[i - 1].row, puts[i].row)) {
            return core::makeError(core::ErrorCode::Conflict,
                                   "duplicate tier " + describeTier(builder, change.id, puts[i].row) +
                                       ": the same entry is given twice",
                                   builder.whereOf(puts[i].ordinal));
        }
    }

    // Changed SKUs in ascending order, each with its new rows in `changed`.
    std::vector<Row> changed;
    std::vector<Group> groups;
    bool same_layout = keep_old;
    SkuMerger merger(change, builder);
    std::size_t put_pos = 0;
    std::size_t removal_pos = 0;
    while (put_pos < puts.size() || removal_pos < removals.size()) {
        std::uint32_t sku = StringTable::kNone;
        if (put_pos < puts.size()) sku = puts[put_pos].row.sku;
        if (removal_pos < removals.size()) sku = std::min(sku, removals[removal_pos].row.sku);
        const auto sku_puts = runOf(puts, put_pos, sku);
        const auto sku_removals = runOf(removals, removal_pos, sku);
        const RowRange old_range = keep_old ? old_list->index->find(sku) : RowRange{};
        const std::span<const Row> old_sku_rows(old_rows.data() + old_range.begin, old_range.count);
        const auto begin = static_cast<std::uint32_t>(changed.size());
        if (auto error = merger.merge(old_sku_rows, sku_puts, sku_removals, changed))
            return std::move(*error);
        const auto count = static_cast<std::uint32_t>(changed.size() - begin);
        groups.push_back(Group{sku, begin, count});
        if (count != old_range.count || old_range.count == 0) same_layout = false;
    }

    MergedRows merged;
    if (same_layout) {
        // Repricing: same rows per SKU, so the index still holds; patch a copy.
        auto rows = std::make_shared<Rows>(old_rows);
        for (const auto& group : groups) {
            const RowRange range = old_list->index->find(group.sku);
            std::copy_n(changed.begin() + group.begin, group.count, rows->begin() + range.begin);
        }
        merged.rows = std::move(rows);
        merged.index = old_list->index;
        return merged;
    }
    // Interleave the untouched SKUs' old rows with the changed groups, both in SKU order.
    auto rows = std::make_shared<Rows>();
    rows->reserve(old_rows.size() + puts.size());
    std::size_t old_pos = 0;
    for (const auto& group : groups) {
        while (old_pos < old_rows.size() && old_rows[old_pos].sku < group.sku)
            rows->push_back(old_rows[old_pos++]);
        while (old_pos < old_rows.size() && old_rows[old_pos].sku == group.sku) ++old_pos;
        rows->insert(rows->end(), changed.begin() + group.begin, changed.begin() + group.begin + group.count);
    }
    rows->insert(rows->end(), old_rows.begin() + static_cast<std::ptrdiff_t>(old_pos), old_rows.end());
    rows->shrink_to_fit();
    merged.index = rows->empty() ? emptyIndex() : indexRows(*rows);
    merged.rows = std::move(rows);
    return merged;
}

}  // namespace crossdock::pricing::detail
