#include "handlers/price_views.h"

#include "crossdock/pricing/explanation.h"

namespace crossdock::server {
namespace {

std::string_view reasonText(pricing::ChoiceReason reason) {
    switch (reason) {
        case pricing::ChoiceReason::FirstWithPrice:
            return "first_with_price";
        case pricing::ChoiceReason::OnlyPrice:
            return "only_price";
        case pricing::ChoiceReason::Lowest:
            return "lowest";
        case pricing::ChoiceReason::LowestTiedEarlier:
            return "lowest_tied_earlier";
    }
    return "";
}

void writeCandidate(core::JsonWriter& out, const pricing::ListCandidate& c) {
    out.beginObject();
    out.field("list_id", c.list_id);
    out.field("status", pricing::toString(c.status));
    if (c.status == pricing::CandidateStatus::Priced) {
        out.field("unit_price", moneyText(c.unit_price));
        if (!c.tier_uom.empty()) {
            out.field("tier_list_id", c.tier_list_id);
            out.field("min_qty", c.min_qty.toShortString());
            out.field("uom", c.tier_uom);
            out.field("entry_price", moneyText(c.entry_price));
        }
        if (c.rule != nullptr) {
            out.key("rule").beginObject();
            out.field("scope", pricing::toString(c.rule->scope));
            out.field("value", c.rule->value);
            out.field("kind", c.rule->adjustment.kind == pricing::Adjustment::Kind::PercentOff ? "percent_off"
                                                                                               : "markup");
            out.field("percent", c.rule->adjustment.percent.toShortString());
            out.field("base_price", moneyText(c.base_price));
            out.endObject();
        }
    }
    out.endObject();
}

}  // namespace

std::string moneyText(core::Decimal value) { return value.toString(core::Decimal::kScale); }

void writeExplanation(core::JsonWriter& out, const pricing::PricedLine& line) {
    const pricing::Explanation& e = line.explanation;
    out.beginObject();
    out.field("text", pricing::describe(line));
    out.field("list_id", line.list_id);
    out.field("strategy", pricing::toString(e.strategy));
    out.field("reason", reasonText(e.reason));
    if (e.chosen < e.chain.size()) {
        const pricing::ListCandidate& chosen = e.chain[e.chosen];
        out.field("tier_min_qty", chosen.min_qty.toShortString());
        out.field("tier_uom", chosen.tier_uom);
        out.field("converted", chosen.converted);
    }
    out.key("chain").beginArray();
    for (std::size_t i = 0; i < e.chain.size(); ++i) writeCandidate(out, e.chain[i]);
    out.endArray();
    out.key("next_tier");
    if (e.next_tier) {
        out.beginObject();
        out.field("quantity", e.next_tier->quantity.toShortString());
        out.field("unit_price", moneyText(e.next_tier->unit_price));
        out.field("list_id", e.next_tier->list_id);
        out.endObject();
    } else {
        out.null();
    }
    out.field("rounding", "extended = unit_price x quantity, rounded half up to " +
                              std::to_string(e.currency.minor_units) + " decimals");
    out.endObject();
}

void writeTiers(core::JsonWriter& out, const std::vector<pricing::TierStep>& tiers) {
    out.beginArray();
    for (const pricing::TierStep& tier : tiers) {
        out.beginObject();
        out.field("min_qty", tier.min_qty.toShortString());
        out.field("unit_price", moneyText(tier.unit_price));
        out.field("list_id", tier.list_id);
        out.endObject();
    }
    out.endArray();
}

}  // namespace crossdock::server
