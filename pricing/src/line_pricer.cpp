#include "line_pricer.h"

#include "wide_math.h"

namespace crossdock::pricing::detail {

namespace {

// Base units per unit `uom_id` of the line's item; 0 when the item does not have
// that unit (an entry left over from an older catalog). A plain integer, not an
// optional: the optional went through the stack as an 8-byte and a 1-byte store
// read back as one 16-byte load, a failed store-to-load forwarding per row group.
std::int64_t factorOf(const LineContext& ctx, std::uint32_t uom_id) {
    if (uom_id == ctx.uom_id) return ctx.f_req;
    return ctx.state.item_table->factor(ctx.item, uom_id);
}

// Among units other than the requested one: the base unit first, then by
// ascending factor, then by code. True when (a, fa) comes before (b, fb).
bool preferUnit(const LineContext& ctx, std::uint32_t a, std::int64_t fa, std::uint32_t b, std::int64_t fb) {
    const bool base_a = a == ctx.item.baseUnit();
    const bool base_b = b == ctx.item.baseUnit();
    if (base_a != base_b) return base_a;
    if (fa != fb) return fa < fb;
    return ctx.state.units->name(a) < ctx.state.units->name(b);
}

// The tier of one unit's rows (sorted by min_qty) for `quantity`: the valid row
// with the largest min_qty that the quantity reaches.
const Row* bestTier(const Row* begin, const Row* end, const LineContext& ctx, std::int64_t f_tier,
                    std::int64_t quantity, bool& any_valid) {
    const Row* best = nullptr;
    for (const Row* row = begin; row != end; ++row) {
        if (!row->validOn(ctx.day)) continue;
        any_valid = true;
        if (!reachesTier(row->min_qty, f_tier, quantity, ctx.f_req)) break;  // larger min_qty follow
        best = row;
    }
    return best;
}

// quoteEntries() when every row is in the requested unit (the usual case): one
// ladder, no conversion. Each row is looked at, without an early exit: rows are
// sorted by min_qty, so the last valid one the quantity reaches is the tier
// either way, and a loop whose only exit is its count costs one misprediction
// where the search for the unit's run and the tier's break cost two or three.
Quote quoteRequestedUnit(const LineContext& ctx, const ListData& list, const Row* rows, const Row* end,
                         std::int64_t quantity) {
    Quote quote;
    quote.tier_list = &list;
    const Row* tier = nullptr;
    bool any_valid = false;
    for (const Row* row = rows; row != end; ++row) {
        const bool valid = row->validOn(ctx.day);
        any_valid |= valid;
        tier = valid && row->min_qty <= quantity ? row : tier;
    }
    if (tier == nullptr) {
        quote.status = any_valid ? CandidateStatus::BelowMinQty : CandidateStatus::NotValidOnDate;
        return quote;
    }
    quote.row = tier;
    quote.f_tier = ctx.f_req;
    quote.status = CandidateStatus::Priced;
    quote.price = tier->price;
    return quote;
}

Quote quoteEntries(const LineContext& ctx, const ListData& list, std::int64_t quantity) {
    const RowRange range = ctx.rangeIn(list);
    const Row* rows = list.row_data + range.begin;
    const Row* end = rows + range.count;
    if (allRowsIn(rows, end, ctx.uom_id)) return quoteRequestedUnit(ctx, list, rows, end, quantity);
    Quote quote;
    quote.tier_list = &list;
    bool any_unit = false;
    bool any_valid = false;
    for (const Row* group = rows; group != end;) {
        const Row* group_end = group;
        while (group_end != end && group_end->uom == group->uom) ++group_end;
        const std::int64_t factor = factorOf(ctx, group->uom);
        if (factor != 0) {
            any_unit = true;
            const Row* tier = bestTier(group, group_end, ctx, factor, quantity, any_valid);
            // The requested unit's own tier beats any conversion; otherwise keep the preferred unit.
            const bool requested = group->uom == ctx.uom_id;
            if (tier != nullptr && (requested || quote.row == nullptr ||
                                    preferUnit(ctx, tier->uom, factor, quote.row->uom, quote.f_tier))) {
                quote.row = tier;
                quote.f_tier = factor;
                if (requested) break;
            }
        }
        group = group_end;
    }
    if (quote.row == nullptr) {
        quote.status = !any_unit    ? CandidateStatus::NoEntry
                       : !any_valid ? CandidateStatus::NotValidOnDate
                                    : CandidateStatus::BelowMinQty;
        return quote;
    }
    const auto price = convertPriceRaw(quote.row->price, ctx.f_req, quote.f_tier);
    quote.status = price ? CandidateStatus::Priced : CandidateStatus::OutOfRange;
    quote.price = price.value_or(0);
    return quote;
}

Quote quoteDerived(const LineContext& ctx, const ListData& list, std::int64_t quantity) {
    const CompiledRules& rules = *list.rules;
    Quote quote;
    quote.rule = rules.match(ctx.sku_id, ctx.item, ctx.state.categories->parents());
    if (quote.rule < 0) {
        quote.status = CandidateStatus::NoRule;
        return quote;
    }
    if (rules.definition.source == RuleSource::Cost) {
        if (!ctx.item.has_cost) {
            quote.status = CandidateStatus::NoCost;
            return quote;
        }
        const auto base = divideHalfUp(static_cast<Int128>(ctx.item.cost) * ctx.f_req, core::Decimal::kOne);
        if (!base) {
            quote.status = CandidateStatus::OutOfRange;
            return quote;
        }
        quote.base_price = *base;
    } else {
        const Quote source = quoteList(ctx, *ctx.state.lists[rules.source_slot], quantity);
        if (source.status != CandidateStatus::Priced) {
            quote.status = CandidateStatus::NoSourcePrice;
            quote.source_status = source.status;
            return quote;
        }
        quote.tier_list = source.tier_list;
        quote.row = source.row;
        quote.f_tier = source.f_tier;
        quote.base_price = source.price;
    }
    const Adjustment& adjustment = rules.definition.rules[static_cast<std::size_t>(quote.rule)].adjustment;
    const auto price =
        adjustRaw(quote.base_price, adjustment.kind == Adjustment::Kind::Markup, adjustment.percent.raw());
    quote.status = price ? CandidateStatus::Priced : CandidateStatus::OutOfRange;
    quote.price = price.value_or(0);
    return quote;
}

// Calls visit(start) for the start of every tier of `list` (or of the list it
// derives from) valid on the line's date, in the requested unit.
template <class Visit>
void forEachTierStart(const LineContext& ctx, const ListData& list, Visit&& visit) {
    if (!list.validOn(ctx.day)) return;
    if (list.rules) {
        // Rules do not depend on the quantity: a derived list breaks where its source does.
        if (list.rules->definition.source == RuleSource::List) {
            forEachTierStart(ctx, *ctx.state.lists[list.rules->source_slot], visit);
        }
        return;
    }
    const RowRange range = ctx.rangeIn(list);
    const Row* rows = list.row_data + range.begin;
    std::int64_t factor = 0;
    for (const Row* row = rows; row != rows + range.count; ++row) {
        if (row == rows || row->uom != (row - 1)->uom) factor = factorOf(ctx, row->uom);
        if (factor == 0 || !row->validOn(ctx.day)) continue;
        if (const auto start = tierStartIn(row->min_qty, factor, ctx.f_req)) visit(*start);
    }
}

}  // namespace

void prefetchChain(const LineContext& ctx, std::span<const std::uint32_t> chain) {
    for (const auto slot : chain) __builtin_prefetch(ctx.state.lists[slot].get());
    for (const auto slot : chain) __builtin_prefetch(ctx.state.lists[slot]->index_view.home(ctx.sku_id));
    for (const auto slot : chain) {
        const ListData& list = *ctx.state.lists[slot];
        const RowRange range = ctx.rangeIn(list);
        if (range.count != 0) __builtin_prefetch(list.row_data + range.begin);
    }
}

Quote quoteList(const LineContext& ctx, const ListData& list, std::int64_t quantity) {
    if (!list.validOn(ctx.day)) {
        Quote quote;
        quote.status = CandidateStatus::ListNotValid;
        return quote;
    }
    return list.rules ? quoteDerived(ctx, list, quantity) : quoteEntries(ctx, list, quantity);
}

ChainQuote quoteChain(const LineContext& ctx, std::span<const std::uint32_t> chain, Strategy strategy,
                      std::int64_t quantity) {
    ChainQuote best;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const Quote quote = quoteList(ctx, *ctx.state.lists[chain[i]], quantity);
        if (quote.status != CandidateStatus::Priced) continue;
        if (best.index == ChainQuote::kNoWinner || quote.price < best.price)
            best = ChainQuote{quote.price, i};
        if (strategy == Strategy::Priority) break;
    }
    return best;
}

std::optional<std::int64_t> nextBreakpoint(const LineContext& ctx, std::span<const std::uint32_t> chain,
                                           std::int64_t after) {
    std::optional<std::int64_t> best;
    for (const auto slot : chain) {
        forEachTierStart(ctx, *ctx.state.lists[slot], [&](std::int64_t start) {
            if (start > after && (!best || start < *best)) best = start;
        });
    }
    return best;
}

std::size_t breakpointsAbove(const LineContext& ctx, std::span<const std::uint32_t> chain, std::int64_t after,
                             std::span<std::int64_t> out) {
    std::size_t count = 0;
    for (const auto slot : chain) {
        forEachTierStart(ctx, *ctx.state.lists[slot], [&](std::int64_t start) {
            if (start <= after) return;
            // Insertion into the sorted, distinct prefix; the largest falls off when full.
            std::size_t at = count;
            while (at > 0 && out[at - 1] > start) --at;
            if (at > 0 && out[at - 1] == start) return;
            if (at == out.size()) return;
            const std::size_t last = std::min(count, out.size() - 1);
            for (std::size_t i = last; i > at; --i) out[i] = out[i - 1];
            out[at] = start;
            count = std::min(count + 1, out.size());
        });
    }
    return count;
}

}  // namespace crossdock::pricing::detail
