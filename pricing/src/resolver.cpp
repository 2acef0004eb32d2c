// Resolver: checks the request, walks the customer's chain with the line pricer,
// fills the explanation as it goes (fixed-size records, views into the snapshot)
// and looks for the next cheaper tier.

#include "crossdock/pricing/resolver.h"

#include <array>

#include "line_pricer.h"
#include "wide_math.h"

namespace crossdock::pricing {

using detail::ChainQuote;
using detail::LineContext;
using detail::Quote;
using detail::RowRange;
using detail::StringTable;

namespace {

constexpr int kMaxNextTierProbes = 64;

core::Error lineError(core::ErrorCode code, std::string_view reason, std::string message) {
    std::string text(reason);
    text += ": ";
    text += message;
    return core::makeError(code, std::move(text));
}

// The requested unit as a view into the snapshot's item (the caller's string may not outlive the line).
std::string_view unitName(const ItemFacts& item, std::string_view uom) {
    if (uom == item.units.baseUnit()) return item.units.baseUnit();
    for (const auto& level : item.units.levels()) {
        if (level.unit == uom) return level.unit;
    }
    return {};
}

void fillCandidate(ListCandidate& candidate, const Quote& quote, const detail::ListData& list,
                   const LineContext& ctx, std::int64_t quantity) {
    candidate.status = quote.status;
    candidate.source_status = quote.source_status;
    if (quote.status == CandidateStatus::Priced) candidate.unit_price = core::Decimal::fromRaw(quote.price);
    if (quote.row != nullptr) {
        const detail::Row& row = *quote.row;
        candidate.tier_list_id = quote.tier_list->header.id;
        candidate.min_qty = core::Decimal::fromRaw(row.min_qty);
        candidate.tier_uom = ctx.state.units->name(row.uom);
        candidate.entry_price = core::Decimal::fromRaw(row.price);
        candidate.converted = row.uom != ctx.uom_id;
        candidate.tier_quantity = core::Decimal::fromRaw(
            candidate.converted ? detail::quantityIn(quantity, ctx.f_req, quote.f_tier).value_or(0)
                                : quantity);
        candidate.unit_factor = core::Decimal::fromRaw(
            detail::convertPriceRaw(core::Decimal::kOne, ctx.f_req, quote.f_tier).value_or(0));
    }
    if (quote.rule >= 0) {
        const auto& definition = list.rules->definition;
        candidate.rule = &definition.rules[static_cast<std::size_t>(quote.rule)];
        candidate.rule_source = definition.source;
        candidate.source_list_id = definition.source_list_id;
        candidate.base_price = core::Decimal::fromRaw(quote.base_price);
        if (definition.source == RuleSource::Cost && ctx.item.cost) candidate.cost = *ctx.item.cost;
    }
}

ChoiceReason reasonFor(const CandidateList& chain, std::size_t chosen, Strategy strategy) {
    if (strategy == Strategy::Priority) return ChoiceReason::FirstWithPrice;
    std::size_t priced = 0;
    bool tied = false;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        if (chain[i].status != CandidateStatus::Priced) continue;
        ++priced;
        tied = tied || (i != chosen && chain[i].unit_price == chain[chosen].unit_price);
    }
    if (priced == 1) return ChoiceReason::OnlyPrice;
    return tied ? ChoiceReason::LowestTiedEarlier : ChoiceReason::Lowest;
}

// The first tier break above `quantity` where the chain's price drops below `price`.
std::optional<NextTier> findNextTier(const LineContext& ctx, std::span<const std::uint32_t> chain,
                                     Strategy strategy, std::int64_t quantity, std::int64_t price) {
    std::int64_t after = quantity;
    for (int probe = 0; probe < kMaxNextTierProbes; ++probe) {
        const auto at = detail::nextBreakpoint(ctx, chain, after);
        if (!at) return std::nullopt;
        const ChainQuote next = detail::quoteChain(ctx, chain, strategy, *at);
        if (next.index != ChainQuote::kNoWinner && next.price < price) {
            return NextTier{core::Decimal::fromRaw(*at), core::Decimal::fromRaw(next.price),
                            ctx.state.lists[chain[next.index]]->header.id};
        }
        after = *at;
    }
    return std::nullopt;
}

struct Line {
    std::string_view customer_id;  // the snapshot's copy
    const detail::CustomerRecord* customer = nullptr;
    std::span<const std::uint32_t> chain;
    const ItemFacts* item = nullptr;
    std::int64_t f_req = 0;
};

// The checks every call shares: customer, item, unit.
core::Result<Line> lookUp(const detail::SnapshotState& s, std::string_view customer_id, std::string_view sku,
                          std::string_view uom) {
    Line line;
    const auto& customers = *s.customers;
    const auto index = customers.ids.find(customer_id);
    if (index == StringTable::kNone || !customers.records[index].active) {
        return lineError(core::ErrorCode::NotFound, "unknown_customer",
                         "no pricing for customer " + std::string(customer_id));
    }
    line.customer_id = customers.ids.name(index);
    line.customer = &customers.records[index];
    line.chain = std::span<const std::uint32_t>(customers.chains.data() + line.customer->chain_begin,
                                                line.customer->chain_count);
    // The chain's lists load while the catalog looks the item up.
    for (const auto slot : line.chain) __builtin_prefetch(s.lists[slot].get());
    line.item = s.items->find(sku);
    if (line.item == nullptr)
        return lineError(core::ErrorCode::NotFound, "unknown_sku", "no item " + std::string(sku));
    const auto factor = line.item->units.factor(uom);
    if (!factor) {
        return lineError(core::ErrorCode::InvalidArgument, "unknown_unit",
                         "SKU " + std::string(sku) + " is not sold in unit " + std::string(uom) +
                             " (base unit " + line.item->units.baseUnit() + ")");
    }
    line.f_req = factor->raw();
    return line;
}

// Walks the chain for a checked request and fills the line and its explanation.
core::Result<PricedLine> priceLine(const detail::SnapshotState& s, const Line& line,
                                   const PriceRequest& request, std::uint64_t sku_hash) {
    const LineContext ctx{s,
                          *line.item,
                          s.skus->find(request.sku, sku_hash),
                          s.units->find(request.uom),
                          line.f_req,
                          request.date.daysSinceEpoch()};
    detail::prefetchChain(ctx, line.chain);
    const std::int64_t quantity = request.quantity.raw();
    const Strategy strategy = line.customer->strategy;

    // Filled in place and returned by name on every path, so that the large
    // PricedLine is neither zeroed nor copied on its way out.
    PricedLine empty;
    core::Result<PricedLine> result{std::move(empty)};
    PricedLine& priced = result.value();
    Explanation& explanation = priced.explanation;
    std::size_t chosen = ChainQuote::kNoWinner;
    std::int64_t best = 0;
    for (std::size_t i = 0; i < line.chain.size(); ++i) {
        const detail::ListData& list = *s.lists[line.chain[i]];
        ListCandidate& candidate = explanation.chain.append();
        candidate.list_id = list.header.id;
        if (strategy == Strategy::Priority && chosen != ChainQuote::kNoWinner) continue;  // NotConsulted
        const Quote quote = detail::quoteList(ctx, list, quantity);
        fillCandidate(candidate, quote, list, ctx, quantity);
        if (quote.status == CandidateStatus::Priced &&
            (chosen == ChainQuote::kNoWinner || quote.price < best)) {
            chosen = i;
            best = quote.price;
        }
    }
    if (chosen == ChainQuote::kNoWinner) {
        result = lineError(core::ErrorCode::NotFound, "no_price",
                           "no price list of customer " + std::string(request.customer_id) + " prices " +
                               std::string(request.sku) + " in " + std::string(request.uom) + " on " +
                               request.date.toString());
        return result;
    }
    const core::Currency currency = line.customer->currency;
    const auto extended =
        core::Decimal::multiplyRounded(core::Decimal::fromRaw(best), request.quantity,
                                       std::min(currency.minor_units, core::Decimal::kScale));
    if (!extended) {
        result = lineError(core::ErrorCode::Overflow, "overflow",
                           "extended amount of " + request.quantity.toShortString() + " × " +
                               core::Decimal::fromRaw(best).toShortString() + " does not fit");
        return result;
    }
    const ListCandidate& winner = explanation.chain[chosen];
    priced.unit_price = winner.unit_price;
    priced.extended = *extended;
    priced.currency = currency;
    priced.list_id = winner.list_id;
    priced.min_qty = winner.min_qty;
    explanation.customer_id = line.customer_id;
    explanation.date = request.date;
    explanation.sku = line.item->sku;
    explanation.uom = unitName(*line.item, request.uom);
    explanation.quantity = request.quantity;
    explanation.strategy = strategy;
    explanation.chosen = chosen;
    explanation.reason = reasonFor(explanation.chain, chosen, strategy);
    explanation.currency = currency;
    if (request.next_tier) explanation.next_tier = findNextTier(ctx, line.chain, strategy, quantity, best);
    return result;
}

// Batch resolution is a pipeline: while line t is priced, lines t+4 .. t+24 are
// in earlier stages, each stage starting to load what the next one reads, so
// that the cache misses of some twenty lines overlap instead of queueing.
constexpr std::size_t kStageDistance = 4;  // lines between two stages
constexpr std::size_t kStages = 6;         // prefetch stages 0-5, pricing at 6
constexpr std::size_t kRing = 32;          // > the lines between stages 1 and 5

// What the first stages learnt about one line in the pipeline.
struct Ahead {
    std::uint64_t customer_hash = 0;
    std::uint64_t sku_hash = 0;
    std::span<const std::uint32_t> chain;
    std::uint32_t sku_id = StringTable::kNone;
};

// Stage 1 (stage 0 prefetched the request's strings): the customer's and the SKU's table slots.
void warmSlots(const detail::SnapshotState& s, const PriceRequest& request, Ahead& ahead) {
    ahead.customer_hash = StringTable::hashOf(request.customer_id);
    ahead.sku_hash = StringTable::hashOf(request.sku);
    s.customers->ids.prefetch(ahead.customer_hash);
    s.skus->prefetch(ahead.sku_hash);
}

// Stage 2: the item (the catalog's lookup, opaque: its misses overlap only as far
// as the CPU runs ahead through consecutive calls) and what pricing reads of it.
void warmItem(const detail::SnapshotState& s, const PriceRequest& request) {
    if (const ItemFacts* item = s.items->find(request.sku)) {
        __builtin_prefetch(&item->brand);
        __builtin_prefetch(&item->units);
        __builtin_prefetch(item->units.levels().data());
        __builtin_prefetch(item->category_path.data());
    }
}

// Stage 3: the customer's chain and the SKU's id; starts loading the chain's lists.
void warmLists(const detail::SnapshotState& s, const PriceRequest& request, Ahead& ahead) {
    const auto& customers = *s.customers;
    const auto index = customers.ids.find(request.customer_id, ahead.customer_hash);
    if (index == StringTable::kNone || !customers.records[index].active) return;
    const auto& record = customers.records[index];
    ahead.chain = {customers.chains.data() + record.chain_begin, record.chain_count};
    ahead.sku_id = s.skus->find(request.sku, ahead.sku_hash);
    for (const auto slot : ahead.chain) s.lists[slot]->prefetch();
}

// Stage 4: each list's index slot for the SKU.
void warmIndex(const detail::SnapshotState& s, const Ahead& ahead) {
    if (ahead.sku_id == StringTable::kNone) return;
    for (const auto slot : ahead.chain) __builtin_prefetch(s.lists[slot]->index_view.home(ahead.sku_id));
}

// Stage 5: the SKU's rows in each list.
void warmRows(const detail::SnapshotState& s, const Ahead& ahead) {
    if (ahead.sku_id == StringTable::kNone) return;
    for (const auto slot : ahead.chain) {
        const detail::ListData& list = *s.lists[slot];
        const RowRange range = list.index_view.find(ahead.sku_id);
        list.prefetchRows(range);
    }
}

}  // namespace

std::string_view errorReason(const core::Error& error) {
    const auto colon = error.message.find(':');
    if (colon == std::string::npos) return {};
    const std::string_view reason(error.message.data(), colon);
    for (const char c : reason) {
        if (!((c >= 'a' && c <= 'z') || c == '_')) return {};
    }
    return reason;
}

Resolver::Resolver(std::shared_ptr<const PriceSnapshot> snapshot) : snapshot_(std::move(snapshot)) {}

core::Result<PricedLine> Resolver::resolve(const PriceRequest& request) const {
    const detail::SnapshotState& s = snapshot_->state();
    if (request.quantity.raw() <= 0) {
        return lineError(core::ErrorCode::InvalidArgument, "invalid_quantity",
                         "quantity must be positive, got " + request.quantity.toShortString());
    }
    // The SKU's slot loads while the customer and the item are looked up.
    const std::uint64_t sku_hash = StringTable::hashOf(request.sku);
    s.skus->prefetch(sku_hash);
    auto found = lookUp(s, request.customer_id, request.sku, request.uom);
    if (!found) return found.takeError();
    return priceLine(s, *found, request, sku_hash);
}

std::vector<core::Result<PricedLine>> Resolver::resolveAll(std::span<const PriceRequest> requests) const {
    const detail::SnapshotState& s = snapshot_->state();
    const std::size_t n = requests.size();
    std::vector<core::Result<PricedLine>> lines;
    lines.reserve(n);
    std::array<Ahead, kRing> ahead;
    constexpr std::size_t d = kStageDistance;
    // At step t, stage k works on line t - k·d (when there is such a line).
    for (std::size_t t = 0; t < n + kStages * d; ++t) {
        const auto at = [&](std::size_t k) { return t >= k * d && t - k * d < n; };
        if (at(0)) {
            __builtin_prefetch(requests[t].customer_id.data());
            __builtin_prefetch(requests[t].sku.data());
        }
        if (at(1)) warmSlots(s, requests[t - d], ahead[(t - d) % kRing] = Ahead{});
        if (at(2)) warmItem(s, requests[t - 2 * d]);
        if (at(3)) warmLists(s, requests[t - 3 * d], ahead[(t - 3 * d) % kRing]);
        if (at(4)) warmIndex(s, ahead[(t - 4 * d) % kRing]);
        if (at(5)) warmRows(s, ahead[(t - 5 * d) % kRing]);
        // The line itself, through the one code path, a stage after its rows.
        if (at(6)) lines.push_back(resolve(requests[t - 6 * d]));
    }
    return lines;
}

core::Result<std::vector<TierStep>> Resolver::tiersFor(std::string_view customer_id, std::string_view sku,
                                                       std::string_view uom, core::Date date) const {
    const detail::SnapshotState& s = snapshot_->state();
    auto found = lookUp(s, customer_id, sku, uom);
    if (!found) return found.takeError();
    const Line& line = *found;
    const LineContext ctx{s,          *line.item,           s.skus->find(sku), s.units->find(uom),
                          line.f_req, date.daysSinceEpoch()};
    std::vector<TierStep> steps;
    const auto add = [&](std::int64_t from, std::int64_t at) {
        const ChainQuote quote = detail::quoteChain(ctx, line.chain, line.customer->strategy, at);
        if (quote.index == ChainQuote::kNoWinner) return;
        const std::string_view list_id = s.lists[line.chain[quote.index]]->header.id;
        const auto price = core::Decimal::fromRaw(quote.price);
        if (!steps.empty() && steps.back().unit_price == price && steps.back().list_id == list_id) return;
        steps.push_back(TierStep{core::Decimal::fromRaw(from), price, list_id});
    };
    // The smallest quantity first (shown as "from 0"), then every break above it.
    constexpr std::int64_t kSmallest = 1;
    add(0, kSmallest);
    for (auto at = detail::nextBreakpoint(ctx, line.chain, kSmallest); at;
         at = detail::nextBreakpoint(ctx, line.chain, *at)) {
        add(*at, *at);
    }
    return steps;
}

}  // namespace crossdock::pricing
