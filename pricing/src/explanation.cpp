// Renders an Explanation as sentences. Off the hot path: plain string building.

#include "crossdock/pricing/explanation.h"

#include "crossdock/pricing/resolver.h"
#include "wide_math.h"

namespace crossdock::pricing {

namespace {

std::string str(std::string_view view) { return std::string(view); }
std::string money(core::Decimal d) { return d.toString(core::Decimal::kScale); }
std::string qty(core::Decimal d) { return d.toShortString(); }

// The exact product of two 4-digit decimals, with all 8 fraction digits it needs.
std::string exactProduct(core::Decimal a, core::Decimal b) {
    detail::Int128 product = static_cast<detail::Int128>(a.raw()) * b.raw();
    const bool negative = product < 0;
    if (negative) product = -product;
    constexpr detail::Int128 kScale8 = 100'000'000;
    detail::Int128 whole = product / kScale8;
    auto fraction = static_cast<std::int64_t>(product % kScale8);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
        whole /= 10;
    } while (whole > 0);
    std::string text = (negative ? "-" : "") + digits;
    if (fraction != 0) {
        std::string frac = std::to_string(fraction);
        frac.insert(frac.begin(), 8 - frac.size(), '0');
        while (frac.back() == '0') frac.pop_back();
        text += "." + frac;
    }
    return text;
}

std::string scopeText(const PriceRule& rule) {
    switch (rule.scope) {
        case RuleScope::All:
            return "on all items";
        case RuleScope::Sku:
            return "on SKU " + rule.value;
        case RuleScope::Category:
            return "on category \"" + rule.value + "\"";
        case RuleScope::Brand:
            return "on brand " + rule.value;
    }
    return {};
}

std::string ruleText(const ListCandidate& c, const Explanation& e) {
    const PriceRule& rule = *c.rule;
    std::string text = rule.adjustment.kind == Adjustment::Kind::PercentOff
                           ? qty(rule.adjustment.percent) + " % off "
                           : "markup of " + qty(rule.adjustment.percent) + " % ";
    text += scopeText(rule) + " applied to ";
    if (c.rule_source == RuleSource::Cost) {
        text += "cost " + money(c.cost) + " per base unit";
        if (c.base_price != c.cost) text += " (" + money(c.base_price) + " per " + str(e.uom) + ")";
    } else {
        text += str(c.source_list_id) + "'s " + money(c.base_price);
    }
    return text + " gives " + money(c.unit_price) + " per " + str(e.uom);
}

std::string tierText(const ListCandidate& c, const Explanation& e) {
    if (c.tier_uom.empty()) return {};
    std::string text = "tier from " + qty(c.min_qty) + " " + str(c.tier_uom);
    if (c.tier_list_id != c.list_id) text += " of " + str(c.tier_list_id);
    if (c.converted) {
        text += "; " + qty(e.quantity) + " " + str(e.uom) + " = " + qty(c.tier_quantity) + " " +
                str(c.tier_uom) + ", " + money(c.entry_price) + " per " + str(c.tier_uom) + " × " +
                qty(c.unit_factor) + " = " + (c.rule != nullptr ? money(c.base_price) : money(c.unit_price)) +
                " per " + str(e.uom);
    }
    return text;
}

std::string candidateText(const ListCandidate& c, const Explanation& e) {
    switch (c.status) {
        case CandidateStatus::Priced: {
            if (c.rule != nullptr) {
                const auto tier = tierText(c, e);
                return ruleText(c, e) + (tier.empty() ? "" : " (" + tier + ")");
            }
            return money(c.unit_price) + " per " + str(e.uom) + " (" + tierText(c, e) + ")";
        }
        case CandidateStatus::NotConsulted:
            return "not consulted: an earlier list already priced the line";
        case CandidateStatus::ListNotValid:
            return "the list is not valid on " + e.date.toString();
        case CandidateStatus::NoEntry:
            return "no entry for " + str(e.sku) + " in " + str(e.uom) + " or a unit it converts to";
        case CandidateStatus::NotValidOnDate:
            return "no entry valid on " + e.date.toString();
        case CandidateStatus::BelowMinQty:
            return qty(e.quantity) + " " + str(e.uom) + " is below its smallest tier";
        case CandidateStatus::NoRule:
            return "no rule of the list matches " + str(e.sku);
        case CandidateStatus::NoSourcePrice:
            return "derives from " + str(c.source_list_id) + ", which has no price (" +
                   str(toString(c.source_status)) + ")";
        case CandidateStatus::NoCost:
            return "derives from cost, and " + str(e.sku) + " has no cost";
        case CandidateStatus::OutOfRange:
            return "the computed price is out of range";
    }
    return {};
}

std::string reasonText(ChoiceReason reason) {
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
    std::string text = qty(e.quantity) + " " + str(e.uom) + " of " + str(e.sku) + " for " +
                       str(e.customer_id) + " on " + e.date.toString() + ", strategy " +
                       str(toString(e.strategy)) + ".";
    for (std::size_t i = 0; i < e.chain.size(); ++i) {
        text += " " + str(e.chain[i].list_id) + ": " + candidateText(e.chain[i], e) + ".";
    }
    text += " Chosen " + str(line.list_id) + ": " + reasonText(e.reason) + ".";
    const int digits = e.currency.minor_units;
    const std::string exact = exactProduct(line.unit_price, e.quantity);
    text += " Extended " + qty(e.quantity) + " × " + money(line.unit_price) + " = " + exact;
    if (exact != line.extended.toString(std::min(digits, core::Decimal::kScale))) {
        text += ", rounded half up to " + std::to_string(digits) +
                " decimals: " + line.extended.toString(std::min(digits, core::Decimal::kScale));
    }
    text += " " + str(e.currency.code) + ".";
    if (e.next_tier) {
        text += " Order " + qty(e.next_tier->quantity) + " " + str(e.uom) + " to pay " +
                money(e.next_tier->unit_price) + " each (" + str(e.next_tier->list_id) + ").";
    }
    return text;
}

}  // namespace crossdock::pricing
