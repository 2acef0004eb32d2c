#pragma once
// JSON views of resolved prices, shared by the price, product and quote answers.

#include "crossdock/core/json.h"
#include "crossdock/pricing/resolver.h"
#include "handlers/json_text.h"

namespace crossdock::server {

/// The explanation object of a priced line:
/// {"text", "list_id", "tier_min_qty", "tier_uom", "converted", "strategy", "reason",
///  "chain":[{"list_id","status","unit_price"?,"min_qty"?,"uom"?,"rule"?}],
///  "next_tier":{"quantity","unit_price","list_id"}|null, "rounding"}
void writeExplanation(JsonText& out, const pricing::PricedLine& line);

/// {"min_qty","unit_price","list_id"} for each step of a tier ladder.
void writeTiers(core::JsonWriter& out, const std::vector<pricing::TierStep>& tiers);

/// Money as CONTRACT writes it: 4 fraction digits ("12.3400").
std::string moneyText(core::Decimal value);

}  // namespace crossdock::server
