#pragma once

// One line through the resolver, split at the seams the batch pipeline needs:
// the request's strings hashed once, the lookups (customer, item, unit) by those
// hashes, then the chain walk. Private to pricing.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/pricing/resolver.h"
#include "snapshot_state.h"

namespace crossdock::pricing::detail {

/// What the checks found for a line: the customer and its chain, the item and
/// the requested unit, all as snapshot records and ids.
struct CheckedLine {
    std::string_view customer_id;  // the snapshot's copy
    const CustomerRecord* customer = nullptr;
    std::span<const std::uint32_t> chain;
    std::uint32_t sku_id = StringTable::kNone;
    const ItemRecord* item = nullptr;
    std::uint32_t uom_id = StringTable::kNone;
    std::int64_t f_req = 0;  // base units per requested unit, raw
};

/// How to find a request's customer and SKU: StringTable::hashOf() of both and,
/// when `looked_up`, the tables' answers for them and the unit (kNone when not there).
struct LineKeys {
    std::uint64_t customer_hash = 0;
    std::uint64_t sku_hash = 0;
    bool looked_up = false;
    std::uint32_t customer_index = StringTable::kNone;
    std::uint32_t sku_id = StringTable::kNone;
    std::uint32_t uom_id = StringTable::kNone;
    /// resolveAll()'s stages: the SKU's rows in the first `ranges_found` lists of
    /// the customer's chain, so that the chain walk does not search those indexes again.
    static constexpr std::size_t kRangesAhead = 4;
    std::array<RowRange, kRangesAhead> ranges;
    std::uint8_t ranges_found = 0;
};

/// The checks every call shares, in the documented order: customer, item, unit.
/// (request.quantity is not looked at.)
core::Result<CheckedLine> checkLine(const SnapshotState& s, const PriceRequest& request,
                                    const LineKeys& keys);

/// resolve(request) into `result`, which holds a default PricedLine on entry:
/// afterwards it is exactly what Resolver::resolve() returns.
void resolveInto(const SnapshotState& s, const PriceRequest& request, const LineKeys& keys,
                 core::Result<PricedLine>& result);

}  // namespace crossdock::pricing::detail
