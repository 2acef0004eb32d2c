#pragma once

// The next tier ("order 48 to pay 0.1100 each") read straight from the rows, for
// the usual shapes of a chain. Private to pricing; resolver.cpp keeps the general
// search (pricing the chain at each tier start) for every other shape.

#include <cstdint>
#include <optional>
#include <span>

#include "crossdock/pricing/explanation.h"
#include "line_pricer.h"

namespace crossdock::pricing::detail {

/// What nextTierFromRows() found: `decided` false when the chain has a shape it
/// does not handle (the caller then searches the general way).
struct NextTierSearch {
    bool decided = false;
    std::optional<NextTier> next;
};

/// The smallest quantity above `quantity` at which the price of `chain` (the lists
/// consulted: under `priority`, up to the winner) drops below `price`, and that
/// price and list, as the general search would find it. Decides when each list of
/// the chain either never prices the line at any quantity (its candidate says so:
/// not valid, no entry, no valid entry, no rule, no cost) or prices it from rows in
/// the requested unit only, directly, through one rule over such a list, or from
/// cost; the rows of those lists are then merged in ascending `min_qty`.
/// `candidates` are the chain's candidates at `quantity`, in chain order.
NextTierSearch nextTierFromRows(const LineContext& ctx, std::span<const std::uint32_t> chain,
                                const CandidateList& candidates, Strategy strategy, std::int64_t quantity,
                                std::int64_t price);

}  // namespace crossdock::pricing::detail
