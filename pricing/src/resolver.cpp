// Resolver: checks the request, walks the customer's chain with the line pricer,
// fills the explanation as it goes (fixed-size records, views into the snapshot)
// and looks for the next cheaper tier. resolveAll() is in resolve_all.cpp.

#include "crossdock/pricing/resolver.h"

#include <algorithm>
#include <array>

#include "line_pricer.h"
#include "next_tier.h"
#include "resolve_line.h"
#include "wide_math.h"

namespace crossdock::pricing {

using detail::ChainQuote;
using detail::LineContext;
using detail::Quote;
using detail::RowRange;
using detail::StringTable;

namespace {

constexpr std::size_t kMaxNextTierProbes = 64;

core::Error lineError(core::ErrorCode code, std::string_view reason, std::string message) {
    std::string text(reason);
    text += ": ";
    text += message;
    return core::makeError(code, std::move(text));
}

void fillCandidate(ListCandidate& candidate, const Quote& quote, const detail::ListData& list,
                   const LineContext& ctx, std::int64_t quantity) {
    candidate.status = quote.status;
    candidate.source_status = quote.source_status;
    if (quote.status == CandidateStatus::Priced) candidate.unit_price = core::Decimal::fromRaw(quote.price);
    if (quote.row != nullptr) {
        const detail::Row& row = *quote.row;
        candidate.tier_list_id = quote.tier_list->id();
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
        if (definition.source == RuleSource::Cost && ctx.item.has_cost)
            candidate.cost = core::Decimal::fromRaw(ctx.item.cost);
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

// The first tier break above `quantity` where the chain's price drops below
// `price`. Read from the rows when the chain allows it (next_tier.h); otherwise
// the breaks in ascending order (at most kMaxNextTierProbes), each priced through
// the whole chain, the breaks coming from one pass over the rows found.
std::optional<NextTier> findNextTier(const LineContext& ctx, std::span<const std::uint32_t> chain,
                                     const CandidateList& candidates, Strategy strategy, std::size_t chosen,
                                     std::int64_t quantity, std::int64_t price) {
    // Under `priority` the winner (the first list with a price) still prices every larger
    // quantity, and the lists after it are never consulted: only the winner's breaks and
    // those of the lists before it (which may start to price) can change the answer.
    const auto consulted = strategy == Strategy::Priority ? chain.first(chosen + 1) : chain;
    auto from_rows = detail::nextTierFromRows(ctx, consulted, candidates, strategy, quantity, price);
    if (from_rows.decided) return from_rows.next;
    std::array<std::int64_t, kMaxNextTierProbes> breaks;
    const std::size_t count = detail::breakpointsAbove(ctx, consulted, quantity, breaks);
    for (std::size_t i = 0; i < count; ++i) {
        const ChainQuote next = detail::quoteChain(ctx, consulted, strategy, breaks[i]);
        if (next.index != ChainQuote::kNoWinner && next.price < price) {
            return NextTier{core::Decimal::fromRaw(breaks[i]), core::Decimal::fromRaw(next.price),
                            ctx.state.lists[chain[next.index]]->id()};
        }
    }
    return std::nullopt;
}

// Walks the chain for a checked request and fills the line and its explanation
// into `result`, which holds a fresh PricedLine (or gets the line's error).
// `keys`: when looked_up, resolveAll()'s stages have loaded what the chain walk
// reads, and found the SKU's rows in the first lists.
void priceLine(const detail::SnapshotState& s, const detail::CheckedLine& line, const PriceRequest& request,
               const detail::LineKeys& keys, core::Result<PricedLine>& result) {
    const LineContext ctx{s, *line.item, line.sku_id, line.uom_id, line.f_req, request.date.daysSinceEpoch()};
    for (std::size_t i = 0; i < keys.ranges_found; ++i) ctx.remember(*s.lists[line.chain[i]], keys.ranges[i]);
    if (!keys.looked_up) detail::prefetchChain(ctx, line.chain);
    const std::int64_t quantity = request.quantity.raw();
    const Strategy strategy = line.customer->strategy;
    PricedLine& priced = result.value();
    Explanation& explanation = priced.explanation;
    std::size_t chosen = ChainQuote::kNoWinner;
    std::int64_t best = 0;
    for (std::size_t i = 0; i < line.chain.size(); ++i) {
        const detail::ListData& list = *s.lists[line.chain[i]];
        ListCandidate& candidate = explanation.chain.append();
        candidate.list_id = list.id();
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
        return;
    }
    const core::Currency currency = line.customer->currency;
    const auto extended =
        core::Decimal::tryMultiplyRounded(core::Decimal::fromRaw(best), request.quantity,
                                          std::clamp(currency.minor_units, 0, core::Decimal::kScale));
    if (!extended) {
        result = lineError(core::ErrorCode::Overflow, "overflow",
                           "extended amount of " + request.quantity.toShortString() + " × " +
                               core::Decimal::fromRaw(best).toShortString() + " does not fit");
        return;
    }
    const ListCandidate& winner = explanation.chain[chosen];
    priced.unit_price = winner.unit_price;
    priced.extended = *extended;
    priced.currency = currency;
    priced.list_id = winner.list_id;
    priced.min_qty = winner.min_qty;
    explanation.customer_id = line.customer_id;
    explanation.date = request.date;
    explanation.sku = line.item->sku(*s.skus, line.sku_id);
    explanation.uom = s.units->name(line.uom_id);
    explanation.quantity = request.quantity;
    explanation.strategy = strategy;
    explanation.chosen = chosen;
    explanation.reason = reasonFor(explanation.chain, chosen, strategy);
    explanation.currency = currency;
    if (request.next_tier)
        explanation.next_tier =
            findNextTier(ctx, line.chain, explanation.chain, strategy, chosen, quantity, best);
}

}  // namespace

namespace detail {

core::Result<CheckedLine> checkLine(const SnapshotState& s, const PriceRequest& request,
                                    const LineKeys& keys) {
    CheckedLine line;
    const auto& customers = *s.customers;
    const auto index =
        keys.looked_up ? keys.customer_index : customers.ids.find(request.customer_id, keys.customer_hash);
    if (index == StringTable::kNone || !customers.records[index].active) {
        return lineError(core::ErrorCode::NotFound, "unknown_customer",
                         "no pricing for customer " + std::string(request.customer_id));
    }
    line.customer_id = customers.ids.name(index);
    line.customer = &customers.records[index];
    line.chain = customers.chainOf(*line.customer);
    // The chain's lists load while the item is looked up (resolveAll() has loaded them).
    if (!keys.looked_up)
        for (const auto slot : line.chain) __builtin_prefetch(s.lists[slot].get());
    line.sku_id = keys.looked_up ? keys.sku_id : s.skus->find(request.sku, keys.sku_hash);
    line.item = s.item_table->find(line.sku_id);
    if (line.item == nullptr)
        return lineError(core::ErrorCode::NotFound, "unknown_sku", "no item " + std::string(request.sku));
    line.uom_id = keys.looked_up ? keys.uom_id : s.units->find(request.uom);
    line.f_req = line.uom_id == StringTable::kNone ? 0 : s.item_table->factor(*line.item, line.uom_id);
    if (line.f_req == 0) {
        return lineError(core::ErrorCode::InvalidArgument, "unknown_unit",
                         "SKU " + std::string(request.sku) + " is not sold in unit " +
                             std::string(request.uom) + " (base unit " +
                             std::string(s.units->name(line.item->baseUnit())) + ")");
    }
    return line;
}

void resolveInto(const SnapshotState& s, const PriceRequest& request, const LineKeys& keys,
                 core::Result<PricedLine>& result) {
    if (request.quantity.raw() <= 0) {
        result = lineError(core::ErrorCode::InvalidArgument, "invalid_quantity",
                           "quantity must be positive, got " + request.quantity.toShortString());
        return;
    }
    auto found = checkLine(s, request, keys);
    if (!found) {
        result = found.takeError();
        return;
    }
    priceLine(s, *found, request, keys, result);
}

}  // namespace detail

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
    // The SKU's slot loads while the customer is looked up.
    detail::LineKeys keys;
    keys.sku_hash = StringTable::hashOf(request.sku);
    s.skus->prefetch(keys.sku_hash);
    keys.customer_hash = StringTable::hashOf(request.customer_id);
    // Filled in place and returned by name, so that the large PricedLine is
    // neither zeroed nor copied on its way out.
    PricedLine empty;
    core::Result<PricedLine> result{std::move(empty)};
    detail::resolveInto(s, request, keys, result);
    return result;
}

core::Result<std::vector<TierStep>> Resolver::tiersFor(std::string_view customer_id, std::string_view sku,
                                                       std::string_view uom, core::Date date) const {
    const detail::SnapshotState& s = snapshot_->state();
    const PriceRequest request{customer_id, sku, uom, core::Decimal::fromRaw(core::Decimal::kOne), date};
    detail::LineKeys keys;
    keys.customer_hash = StringTable::hashOf(customer_id);
    keys.sku_hash = StringTable::hashOf(sku);
    auto found = detail::checkLine(s, request, keys);
    if (!found) return found.takeError();
    const detail::CheckedLine& line = *found;
    const LineContext ctx{s, *line.item, line.sku_id, line.uom_id, line.f_req, date.daysSinceEpoch()};
    std::vector<TierStep> steps;
    const auto add = [&](std::int64_t from, std::int64_t at) {
        const ChainQuote quote = detail::quoteChain(ctx, line.chain, line.customer->strategy, at);
        if (quote.index == ChainQuote::kNoWinner) return;
        const std::string_view list_id = s.lists[line.chain[quote.index]]->id();
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
