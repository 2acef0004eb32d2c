// The next tier from the rows: each list of the chain that can price the line
// becomes a ladder (its rows in the requested unit, sorted by min_qty, and the
// rule that adjusts them), and the ladders are climbed together, one tier start
// at a time. Between two tier starts no list's price changes, so the chain's
// price only needs to be looked at where one starts: the same answer as pricing
// the whole chain at every start, without looking up anything again.

#include "next_tier.h"

#include <array>
#include <limits>

#include "wide_math.h"

namespace crossdock::pricing::detail {

namespace {

constexpr std::size_t kMaxLadders = 8;

// A list whose candidate says this cannot price the line at a larger quantity
// either: none of these depends on the quantity.
bool neverPrices(CandidateStatus status) {
    constexpr auto bit = [](CandidateStatus s) { return 1U << static_cast<unsigned>(s); };
    constexpr unsigned kNever = bit(CandidateStatus::ListNotValid) | bit(CandidateStatus::NoEntry) |
                                bit(CandidateStatus::NotValidOnDate) | bit(CandidateStatus::NoRule) |
                                bit(CandidateStatus::NoCost);
    return ((kNever >> static_cast<unsigned>(status)) & 1U) != 0;
}

// One list's price as the quantity grows. No default member values: makeLadder()
// sets every field, and zeroing a whole array of them cost more than the search.
struct Ladder {
    std::size_t index;  // in the chain
    const Row* next;    // the first row above the quantities reached so far
    const Row* end;
    bool priced;
    std::int64_t price;  // per requested unit, after the rule
    const Adjustment* adjustment;

    // The price of an entry of the ladder's rows; false when it leaves the range.
    bool setPrice(std::int64_t entry_price) {
        if (adjustment == nullptr) {
            price = entry_price;
        } else {
            const auto adjusted = adjustRaw(entry_price, adjustment->kind == Adjustment::Kind::Markup,
                                            adjustment->percent.raw());
            if (!adjusted) return false;
            price = *adjusted;
        }
        priced = true;
        return true;
    }
};

// The rows of `list` for the line when they are all in the requested unit and the
// list is valid and holds entries; false otherwise.
bool requestedUnitRows(const LineContext& ctx, const ListData& list, const Row*& begin, const Row*& end) {
    if (!list.validOn(ctx.day) || list.rules) return false;
    const RowRange range = ctx.rangeIn(list);
    begin = list.row_data + range.begin;
    end = begin + range.count;
    return allRowsIn(begin, end, ctx.uom_id);
}

// Sets up `ladder` for a list of the chain at `quantity`; false for a shape this
// search does not handle.
bool makeLadder(const LineContext& ctx, const ListData& list, const ListCandidate& candidate,
                std::int64_t quantity, Ladder& ladder) {
    ladder.next = ladder.end = nullptr;
    ladder.priced = false;
    ladder.price = 0;
    ladder.adjustment = nullptr;
    const ListData* rows_of = &list;
    if (list.rules) {
        if (candidate.rule == nullptr) return false;
        if (list.rules->definition.source == RuleSource::Cost) {
            // Cost × units, adjusted: the same at every quantity.
            if (candidate.status != CandidateStatus::Priced) return false;
            ladder.priced = true;
            ladder.price = candidate.unit_price.raw();
            return true;
        }
        ladder.adjustment = &candidate.rule->adjustment;
        rows_of = ctx.state.lists[list.rules->source_slot].get();
    }
    if (!requestedUnitRows(ctx, *rows_of, ladder.next, ladder.end)) return false;
    // The tier at `quantity`: the last valid row the quantity reaches (as bestTier()).
    const Row* reached = nullptr;
    for (; ladder.next != ladder.end && ladder.next->min_qty <= quantity; ++ladder.next)
        if (ladder.next->validOn(ctx.day)) reached = ladder.next;
    return reached == nullptr || ladder.setPrice(reached->price);
}

}  // namespace

NextTierSearch nextTierFromRows(const LineContext& ctx, std::span<const std::uint32_t> chain,
                                const CandidateList& candidates, Strategy strategy, std::int64_t quantity,
                                std::int64_t price) {
    std::array<Ladder, kMaxLadders> ladders;
    std::size_t count = 0;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const ListCandidate& candidate = candidates[i];
        if (neverPrices(candidate.status)) continue;
        if (candidate.status == CandidateStatus::NoSourcePrice && neverPrices(candidate.source_status))
            continue;
        if (count == kMaxLadders) return {};
        Ladder& ladder = ladders[count++];
        ladder.index = i;
        if (!makeLadder(ctx, *ctx.state.lists[chain[i]], candidate, quantity, ladder)) return {};
    }
    constexpr std::int64_t kNoStart = std::numeric_limits<std::int64_t>::max();
    for (;;) {
        // The next tier start of any ladder.
        std::int64_t start = kNoStart;
        for (std::size_t l = 0; l < count; ++l) {
            Ladder& ladder = ladders[l];
            while (ladder.next != ladder.end && !ladder.next->validOn(ctx.day)) ++ladder.next;
            if (ladder.next != ladder.end && ladder.next->min_qty < start) start = ladder.next->min_qty;
        }
        if (start == kNoStart) return {true, std::nullopt};
        // Every ladder with a tier there climbs it (the last valid row of equal min_qty).
        for (std::size_t l = 0; l < count; ++l) {
            Ladder& ladder = ladders[l];
            const Row* reached = nullptr;
            for (; ladder.next != ladder.end && ladder.next->min_qty == start; ++ladder.next)
                if (ladder.next->validOn(ctx.day)) reached = ladder.next;
            if (reached != nullptr && !ladder.setPrice(reached->price)) return {};
        }
        // The chain's price there, as quoteChain() chooses it.
        const Ladder* winner = nullptr;
        for (std::size_t l = 0; l < count; ++l) {
            if (!ladders[l].priced) continue;
            if (winner == nullptr || ladders[l].price < winner->price) winner = &ladders[l];
            if (strategy == Strategy::Priority) break;
        }
        if (winner != nullptr && winner->price < price) {
            return {true, NextTier{core::Decimal::fromRaw(start), core::Decimal::fromRaw(winner->price),
                                   ctx.state.lists[chain[winner->index]]->id()}};
        }
    }
}

}  // namespace crossdock::pricing::detail
