// JsonText writes what core::JsonWriter writes: decimals as Decimal prints them,
// strings escaped as core::appendJsonString escapes them, and the /prices/resolve
// explanation byte for byte as the JsonWriter version it replaced (kept below as the
// reference).
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "crossdock/core/json.h"
#include "crossdock/pricing/explanation.h"
#include "crossdock/pricing/resolver.h"
#include "handlers/json_text.h"
#include "handlers/price_views.h"

namespace crossdock::server {
namespace {

using core::Decimal;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// --- the JsonWriter explanation, as it was before JsonText (the reference) ---

void referenceCandidate(core::JsonWriter& out, const pricing::ListCandidate& c) {
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

std::string referenceExplanation(const pricing::PricedLine& line) {
    core::JsonWriter out;
    const pricing::Explanation& e = line.explanation;
    out.beginObject();
    out.field("text", pricing::describe(line));
    out.field("list_id", line.list_id);
    out.field("strategy", pricing::toString(e.strategy));
    out.field("reason", pricing::toString(e.reason));
    if (e.chosen < e.chain.size()) {
        const pricing::ListCandidate& chosen = e.chain[e.chosen];
        out.field("tier_min_qty", chosen.min_qty.toShortString());
        out.field("tier_uom", chosen.tier_uom);
        out.field("converted", chosen.converted);
    }
    out.key("chain").beginArray();
    for (std::size_t i = 0; i < e.chain.size(); ++i) referenceCandidate(out, e.chain[i]);
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
    return out.take();
}

Decimal dec(std::string_view text) { return *Decimal::parse(text); }

/// A line priced by a derived list (rule on cost, converted tier), then the chain's others.
pricing::PricedLine ruleLine(const pricing::PriceRule& rule, pricing::RuleSource source, bool next) {
    pricing::PricedLine line;
    line.unit_price = dec("1.2345");
    line.extended = dec("14.81");
    line.currency = core::Currency{"USD", 2};
    line.list_id = "GOLD \"derived\"";
    pricing::Explanation& e = line.explanation;
    e.customer_id = "ACME";
    e.sku = "SCR-Ä\\1";
    e.uom = "CS";
    e.quantity = dec("12");
    e.date = *core::Date::parse("2026-12-13");
    e.strategy = pricing::Strategy::Lowest;
    e.reason = pricing::ChoiceReason::LowestTiedEarlier;
    pricing::ListCandidate& priced = e.chain.append();
    priced.list_id = line.list_id;
    priced.status = pricing::CandidateStatus::Priced;
    priced.unit_price = line.unit_price;
    priced.tier_list_id = "BASE";
    priced.min_qty = dec("0.5");
    priced.tier_uom = "EA";
    priced.converted = true;
    priced.tier_quantity = dec("144");
    priced.entry_price = dec("0.1000");
    priced.unit_factor = dec("12");
    priced.rule = &rule;
    priced.rule_source = source;
    priced.source_list_id = "BASE";
    priced.base_price = dec("1.2000");
    priced.cost = dec("0.0900");
    for (auto status : {pricing::CandidateStatus::NoEntry, pricing::CandidateStatus::BelowMinQty,
                        pricing::CandidateStatus::NoSourcePrice, pricing::CandidateStatus::NotConsulted}) {
        pricing::ListCandidate& other = e.chain.append();  // more than the inline four
        other.list_id = "L\t2";
        other.status = status;
        other.source_list_id = "BASE";
    }
    if (next) e.next_tier = pricing::NextTier{dec("24"), dec("-0.0001"), "BASE"};
    return line;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_text)

BOOST_AUTO_TEST_CASE(decimals_are_written_as_decimal_prints_them) {
    std::vector<std::int64_t> raws = {0,
                                      1,
                                      -1,
                                      9999,
                                      -9999,
                                      10000,
                                      -10000,
                                      123456789,
                                      -5000,
                                      100000,
                                      1234500,
                                      -1234500,
                                      std::numeric_limits<std::int64_t>::max(),
                                      std::numeric_limits<std::int64_t>::min()};
    std::mt19937_64 random(42);
    for (int i = 0; i < 20000; ++i) {
        const auto bits = static_cast<std::int64_t>(random() >> (random() % 63));
        raws.push_back(i % 2 == 0 ? bits : -bits);
    }
    for (const std::int64_t raw : raws) {
        const Decimal value = Decimal::fromRaw(raw);
        JsonText money(16);
        money.money(value);
        BOOST_REQUIRE_EQUAL(money.str(), quoted(value.toString(Decimal::kScale)));
        JsonText short_text(16);
        short_text.shortDecimal(value);
        BOOST_REQUIRE_EQUAL(short_text.str(), quoted(value.toShortString()));
    }
}

BOOST_AUTO_TEST_CASE(strings_are_escaped_as_core_escapes_them) {
    const std::vector<std::string> pieces = {"a",
                                             "plain text of some length ",
                                             "\"",
                                             "\\",
                                             "\n",
                                             "\t",
                                             "\x01",
                                             "\x1f",
                                             "\x7f",
                                             "\xc3\xa9",
                                             "\xc3",
                                             "\xe2\x82\xac",
                                             "\xe2\x82",
                                             "\xf0\x9f\x98\x80",
                                             "\xf0\x9f",
                                             "\xff",
                                             "\x80",
                                             "\xed\xa0\x80",
                                             "\xc0\xaf",
                                             " ",
                                             "12 \xc3\x97 0.1144"};
    std::mt19937 random(7);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const int count = static_cast<int>(random() % 12);
        for (int j = 0; j < count; ++j) text += pieces[random() % pieces.size()];
        std::string expected;
        core::appendJsonString(expected, text);
        JsonText out(16);
        out.string(text);
        BOOST_REQUIRE_EQUAL(out.str(), expected);
    }
}

BOOST_AUTO_TEST_CASE(the_explanation_is_the_json_writer_one_byte_for_byte) {
    for (auto kind : {pricing::Adjustment::Kind::PercentOff, pricing::Adjustment::Kind::Markup}) {
        for (auto source : {pricing::RuleSource::List, pricing::RuleSource::Cost}) {
            for (bool next : {false, true}) {
                const pricing::PriceRule rule{pricing::RuleScope::Category, "Hardware > \"Screws\"",
                                              pricing::Adjustment{kind, dec("12.5")}};
                const pricing::PricedLine line = ruleLine(rule, source, next);
                JsonText out(1024);
                writeExplanation(out, line);
                BOOST_REQUIRE_EQUAL(out.str(), referenceExplanation(line));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(an_explanation_without_a_chosen_candidate_or_a_tier) {
    const pricing::PriceRule rule{pricing::RuleScope::All, "", {}};
    pricing::PricedLine line = ruleLine(rule, pricing::RuleSource::Cost, false);
    line.explanation.chain[0].tier_uom = {};
    line.explanation.chosen = 1;
    JsonText out(1024);
    writeExplanation(out, line);
    BOOST_CHECK_EQUAL(out.str(), referenceExplanation(line));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::server
