// Renders an Explanation as sentences. Off the resolver's hot path but on the
// /prices/resolve answer's (~15 % of its CPU before the one-string rewrite).

#include "crossdock/pricing/explanation.h"

#include <array>

#include "crossdock/pricing/resolver.h"
#include "wide_math.h"

namespace crossdock::pricing {

namespace {

// Every piece is appended to one string reserved up front: the former operator+
// chains built a temporary string per piece and copied the sentence several times.
template <class... Pieces>
void append(std::string& out, const Pieces&... pieces) {
    (out.append(std::string_view(pieces)), ...);
}

std::string money(core::Decimal d) { return d.toString(core::Decimal::kScale); }
std::string qty(core::Decimal d) { return d.toShortString(); }

// The exact product of two 4-digit decimals, with all 8 fraction digits it needs,
// written into `buffer` (at most 1 + 39 + 1 + 8 characters); returns the text.
std::string_view exactProduct(core::Decimal a, core::Decimal b, std::array<char, 64>& buffer) {
    detail::Int128 product = static_cast<detail::Int128>(a.raw()) * b.raw();
    const bool negative = product < 0;
    if (negative) product = -product;
    constexpr detail::Int128 kScale8 = 100'000'000;
    detail::Int128 whole = product / kScale8;
    auto fraction = static_cast<std::int64_t>(product % kScale8);
    // The whole part is written backwards from the middle, the fraction forwards.
    constexpr std::size_t kPoint = 48;
    std::size_t first = kPoint;
    do {
        buffer[--first] = static_cast<char>('0' + static_cast<int>(whole % 10));
        whole /= 10;
    } while (whole > 0);
    if (negative) buffer[--first] = '-';
    std::size_t last = kPoint;
    if (fraction != 0) {
        buffer[last++] = '.';
        for (std::int64_t unit = 10'000'000; unit > 0 && fraction != 0; unit /= 10) {
            buffer[last++] = static_cast<char>('0' + fraction / unit);
            fraction %= unit;
        }
    }
    return {buffer.data() + first, last - first};
}

void appendScope(std::string& out, const PriceRule& rule) {
    switch (rule.scope) {
        case RuleScope::All:
            append(out, "on all items");
            return;
        case RuleScope::Sku:
            append(out, "on SKU ", rule.value);
            return;
        case RuleScope::Category:
            append(out, "on category \"", rule.value, "\"");
            return;
        case RuleScope::Brand:
            append(out, "on brand ", rule.value);
            return;
    }
}

void appendRule(std::string& out, const ListCandidate& c, const Explanation& e) {
    const PriceRule& rule = *c.rule;
    if (rule.adjustment.kind == Adjustment::Kind::PercentOff) {
        append(out, qty(rule.adjustment.percent), " % off ");
    } else {
        append(out, "markup of ", qty(rule.adjustment.percent), " % ");
    }
    appendScope(out, rule);
    append(out, " applied to ");
    if (c.rule_source == RuleSource::Cost) {
        append(out, "cost ", money(c.cost), " per base unit");
        if (c.base_price != c.cost) append(out, " (", money(c.base_price), " per ", e.uom, ")");
    } else {
        append(out, c.source_list_id, "'s ", money(c.base_price));
    }
    append(out, " gives ", money(c.unit_price), " per ", e.uom);
}

// Appends nothing when the candidate has no tier (cost).
void appendTier(std::string& out, const ListCandidate& c, const Explanation& e) {
    if (c.tier_uom.empty()) return;
    append(out, "tier from ", qty(c.min_qty), " ", c.tier_uom);
    if (c.tier_list_id != c.list_id) append(out, " of ", c.tier_list_id);
    if (c.converted) {
        append(out, "; ", qty(e.quantity), " ", e.uom, " = ", qty(c.tier_quantity), " ", c.tier_uom, ", ",
               money(c.entry_price), " per ", c.tier_uom, " × ", qty(c.unit_factor), " = ",
               c.rule != nullptr ? money(c.base_price) : money(c.unit_price), " per ", e.uom);
    }
}

void appendPriced(std::string& out, const ListCandidate& c, const Explanation& e) {
    if (c.rule != nullptr) {
        appendRule(out, c, e);
        if (!c.tier_uom.empty()) {
            append(out, " (");
            appendTier(out, c, e);
            append(out, ")");
        }
        return;
    }
    append(out, money(c.unit_price), " per ", e.uom, " (");
    appendTier(out, c, e);
    append(out, ")");
}

void appendCandidate(std::string& out, const ListCandidate& c, const Explanation& e) {
    switch (c.status) {
        case CandidateStatus::Priced:
            appendPriced(out, c, e);
            return;
        case CandidateStatus::NotConsulted:
            append(out, "not consulted: an earlier list already priced the line");
            return;
        case CandidateStatus::ListNotValid:
            append(out, "the list is not valid on ", e.date.toString());
            return;
        case CandidateStatus::NoEntry:
            append(out, "no entry for ", e.sku, " in ", e.uom, " or a unit it converts to");
            return;
        case CandidateStatus::NotValidOnDate:
            append(out, "no entry valid on ", e.date.toString());
            return;
        case CandidateStatus::BelowMinQty:
            append(out, qty(e.quantity), " ", e.uom, " is below its smallest tier");
            return;
        case CandidateStatus::NoRule:
            append(out, "no rule of the list matches ", e.sku);
            return;
        case CandidateStatus::NoSourcePrice:
            append(out, "derives from ", c.source_list_id, ", which has no price (",
                   toString(c.source_status), ")");
            return;
        case CandidateStatus::NoCost:
            append(out, "derives from cost, and ", e.sku, " has no cost");
            return;
        case CandidateStatus::OutOfRange:
            append(out, "the computed price is out of range");
            return;
    }
}

std::string_view reasonText(ChoiceReason reason) {
    switch (reason) {
        case ChoiceReason::FirstWithPrice:
            return "the first list in the chain with a price";
        case ChoiceReason::OnlyPrice:
            return "the only list with a price";
        case ChoiceReason::Lowest:
            return "the lowest price";
        case ChoiceReason::LowestTiedEarlier:
            return "the lowest price, tied with a later list; the earlier list wins";
    }
    return {};
}

}  // namespace

std::string_view toString(ChoiceReason reason) {
    switch (reason) {
        case ChoiceReason::FirstWithPrice:
            return "first_with_price";
        case ChoiceReason::OnlyPrice:
            return "only_price";
        case ChoiceReason::Lowest:
            return "lowest";
        case ChoiceReason::LowestTiedEarlier:
            return "lowest_tied_earlier";
    }
    return "";
}

std::string_view toString(CandidateStatus status) {
    switch (status) {
        case CandidateStatus::Priced:
            return "priced";
        case CandidateStatus::NotConsulted:
            return "not_consulted";
        case CandidateStatus::ListNotValid:
            return "list_not_valid";
        case CandidateStatus::NoEntry:
            return "no_entry";
        case CandidateStatus::NotValidOnDate:
            return "not_valid_on_date";
        case CandidateStatus::BelowMinQty:
            return "below_min_qty";
        case CandidateStatus::NoRule:
            return "no_rule";
        case CandidateStatus::NoSourcePrice:
            return "no_source_price";
        case CandidateStatus::NoCost:
            return "no_cost";
        case CandidateStatus::OutOfRange:
            return "out_of_range";
    }
    return "no_entry";
}

std::string describe(const PricedLine& line) {
    const Explanation& e = line.explanation;
    // About 200 characters per candidate is enough for all but the longest rule texts.
    constexpr std::size_t kReservedHeader = 320;
    constexpr std::size_t kReservedPerCandidate = 200;
    std::string text;
    text.reserve(kReservedHeader + kReservedPerCandidate * e.chain.size());
    append(text, qty(e.quantity), " ", e.uom, " of ", e.sku, " for ", e.customer_id, " on ",
           e.date.toString(), ", strategy ", toString(e.strategy), ".");
    for (std::size_t i = 0; i < e.chain.size(); ++i) {
        append(text, " ", e.chain[i].list_id, ": ");
        appendCandidate(text, e.chain[i], e);
        append(text, ".");
    }
    append(text, " Chosen ", line.list_id, ": ", reasonText(e.reason), ".");
    const int digits = e.currency.minor_units;
    std::array<char, 64> buffer;
    const std::string_view exact = exactProduct(line.unit_price, e.quantity, buffer);
    append(text, " Extended ", qty(e.quantity), " × ", money(line.unit_price), " = ", exact);
    const std::string extended = line.extended.toString(std::min(digits, core::Decimal::kScale));
    if (exact != extended) {
        append(text, ", rounded half up to ", std::to_string(digits), " decimals: ", extended);
    }
    append(text, " ", e.currency.code, ".");
    if (e.next_tier) {
        append(text, " Order ", qty(e.next_tier->quantity), " ", e.uom, " to pay ",
               money(e.next_tier->unit_price), " each (", e.next_tier->list_id, ").");
    }
    return text;
}

}  // namespace crossdock::pricing
