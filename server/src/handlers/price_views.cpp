#include "handlers/price_views.h"

#include "crossdock/pricing/explanation.h"

namespace crossdock::server {
namespace {

void writeRule(JsonText& out, const pricing::ListCandidate& c) {
    out.raw(R"(,"rule":{"scope":)").string(pricing::toString(c.rule->scope));
    out.raw(R"(,"value":)").string(c.rule->value);
    out.raw(c.rule->adjustment.kind == pricing::Adjustment::Kind::PercentOff ? R"(,"kind":"percent_off")"
                                                                             : R"(,"kind":"markup")");
    out.raw(R"(,"percent":)").shortDecimal(c.rule->adjustment.percent);
    out.raw(R"(,"base_price":)").money(c.base_price).raw("}");
}

void writeCandidate(JsonText& out, const pricing::ListCandidate& c) {
    out.raw(R"({"list_id":)").string(c.list_id);
    out.raw(R"(,"status":)").string(pricing::toString(c.status));
    if (c.status == pricing::CandidateStatus::Priced) {
        out.raw(R"(,"unit_price":)").money(c.unit_price);
        if (!c.tier_uom.empty()) {
            out.raw(R"(,"tier_list_id":)").string(c.tier_list_id);
            out.raw(R"(,"min_qty":)").shortDecimal(c.min_qty);
            out.raw(R"(,"uom":)").string(c.tier_uom);
            out.raw(R"(,"entry_price":)").money(c.entry_price);
        }
        if (c.rule != nullptr) writeRule(out, c);
    }
    out.raw("}");
}

}  // namespace

std::string moneyText(core::Decimal value) { return value.toString(core::Decimal::kScale); }

void writeExplanation(JsonText& out, const pricing::PricedLine& line) {
    const pricing::Explanation& e = line.explanation;
    out.raw(R"({"text":)").string(pricing::describe(line));
    out.raw(R"(,"list_id":)").string(line.list_id);
    out.raw(R"(,"strategy":)").string(pricing::toString(e.strategy));
    out.raw(R"(,"reason":)").string(pricing::toString(e.reason));
    if (e.chosen < e.chain.size()) {
        const pricing::ListCandidate& chosen = e.chain[e.chosen];
        out.raw(R"(,"tier_min_qty":)").shortDecimal(chosen.min_qty);
        out.raw(R"(,"tier_uom":)").string(chosen.tier_uom);
        out.raw(R"(,"converted":)").boolean(chosen.converted);
    }
    out.raw(R"(,"chain":[)");
    for (std::size_t i = 0; i < e.chain.size(); ++i) {
        if (i > 0) out.raw(",");
        writeCandidate(out, e.chain[i]);
    }
    out.raw("]");
    if (e.next_tier) {
        out.raw(R"(,"next_tier":{"quantity":)").shortDecimal(e.next_tier->quantity);
        out.raw(R"(,"unit_price":)").money(e.next_tier->unit_price);
        out.raw(R"(,"list_id":)").string(e.next_tier->list_id).raw("}");
    } else {
        out.raw(R"(,"next_tier":null)");
    }
    out.raw(R"(,"rounding":"extended = unit_price x quantity, rounded half up to )");
    out.integer(e.currency.minor_units).raw(R"( decimals"})");
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
