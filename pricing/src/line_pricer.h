#pragma once

// The hot path: what one list says about one line at one quantity, what a whole
// chain says, and where the next tier break is. No allocation, no strings built.

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "crossdock/pricing/explanation.h"
#include "snapshot_state.h"

namespace crossdock::pricing::detail {

/// Everything about a line that does not depend on the list or the quantity.
struct LineContext {
    // The cache below is left uninitialised (only its first `cached` entries are
    // read): value-initialising it zeroed 192 bytes per line.
    LineContext(const SnapshotState& s, const ItemRecord& record, std::uint32_t sku, std::uint32_t uom,
                std::int64_t factor, std::int32_t pricing_day)
        : state(s), item(record), sku_id(sku), uom_id(uom), f_req(factor), day(pricing_day) {}

    const SnapshotState& state;
    const ItemRecord& item;
    std::uint32_t sku_id;  // the item's dense id (rows and rules use it)
    std::uint32_t uom_id;  // the requested unit's id
    std::int64_t f_req;    // base units per requested unit, raw
    std::int32_t day;

    // The SKU's rows in the lists met on this line, so that re-pricing the chain
    // (the next-tier search) reads each list's index once.
    struct CachedRange {
        const ListData* list;
        std::uint32_t begin;
        std::uint32_t count;
    };
    mutable std::array<CachedRange, 8> range_cache;
    mutable std::size_t cached = 0;

    /// The SKU's rows in `list`.
    RowRange rangeIn(const ListData& list) const {
        for (std::size_t i = 0; i < cached; ++i)
            if (range_cache[i].list == &list) return RowRange{range_cache[i].begin, range_cache[i].count};
        const RowRange range = list.index_view.find(sku_id);
        remember(list, range);
        return range;
    }
    /// Notes the SKU's rows in `list`, found elsewhere (resolveAll()'s stages).
    void remember(const ListData& list, RowRange range) const {
        if (cached < range_cache.size()) range_cache[cached++] = CachedRange{&list, range.begin, range.count};
    }
};

/// True when [begin, end), one SKU's rows of a list (sorted by unit), is not empty
/// and every row is in unit `uom`: the first and the last row bound them all.
inline bool allRowsIn(const Row* begin, const Row* end, std::uint32_t uom) {
    return begin != end && begin->uom == uom && (end - 1)->uom == uom;
}

/// A list's outcome for the line at one quantity.
struct Quote {
    CandidateStatus status = CandidateStatus::NoEntry;
    std::int64_t price = 0;  // per requested unit, raw
    // The tier: an entry of tier_list (this list, or the source a rule list derives from).
    const ListData* tier_list = nullptr;
    const Row* row = nullptr;  // null for cost
    std::int64_t f_tier = 0;   // base units per row's unit, raw
    // The evaluated list's own rule, when it is a derived list.
    std::int32_t rule = -1;
    std::int64_t base_price = 0;
    CandidateStatus source_status = CandidateStatus::NotConsulted;
};

/// Starts loading what walking `chain` will read for the line (lists, index
/// slots, rows): on a large dataset these are cache misses, and started together
/// they overlap instead of queueing. A hint only; changes no result.
void prefetchChain(const LineContext& ctx, std::span<const std::uint32_t> chain);

/// What `list` says about the line at `quantity` (raw, in the requested unit).
Quote quoteList(const LineContext& ctx, const ListData& list, std::int64_t quantity);

/// The winner of a chain at `quantity`: its price and index in `chain`, or
/// index == kNoWinner.
struct ChainQuote {
    static constexpr std::size_t kNoWinner = static_cast<std::size_t>(-1);
    std::int64_t price = 0;
    std::size_t index = kNoWinner;
};
ChainQuote quoteChain(const LineContext& ctx, std::span<const std::uint32_t> chain, Strategy strategy,
                      std::int64_t quantity);

/// The smallest quantity (raw, requested unit) above `after` at which a tier of a
/// list of the chain (or of a list one derives from) starts; nullopt when none.
std::optional<std::int64_t> nextBreakpoint(const LineContext& ctx, std::span<const std::uint32_t> chain,
                                           std::int64_t after);

/// The smallest out.size() distinct tier starts above `after`, as nextBreakpoint()
/// would return them one after the other, ascending in out[0..count); returns count.
/// One pass over the rows instead of one per breakpoint.
std::size_t breakpointsAbove(const LineContext& ctx, std::span<const std::uint32_t> chain, std::int64_t after,
                             std::span<std::int64_t> out);

}  // namespace crossdock::pricing::detail
