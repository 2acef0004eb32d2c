// Resolver details the table does not show: the explanation's fields, the tier
// ladder, long chains, views that outlive the request, overflow.

#include "crossdock/pricing/resolver.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

struct Fixture {
    std::shared_ptr<const PriceSnapshot> snapshot;

    Fixture() {
        auto items = std::make_shared<InMemoryItemLookup>();
        items->put(item("A-100", "Hardware > Fasteners > Screws", "Acme", {{"CS", "12"}}));
        items->put(item("BIG", "Misc", "", {}));
        SnapshotBuilder b(items);
        for (const char* id : {"BASE", "GOLD", "C-7", "L1", "L2", "L3", "L4", "L5"}) {
            b.putList(PriceList{id, id, "USD", ListKind::Group, {}, {}});
        }
        b.putEntry(entry("BASE", "A-100", "EA", "1", "0.1400"));
        b.putEntry(entry("BASE", "A-100", "EA", "48", "0.1100"));
        b.putEntry(entry("BASE", "BIG", "EA", "1", "900000000000"));
        b.putEntry(entry("C-7", "A-100", "EA", "100", "0.0900"));
        b.putEntry(entry("L5", "A-100", "EA", "1", "0.1000"));
        b.putRules(RuleList{"GOLD",
                            RuleSource::List,
                            "BASE",
                            {PriceRule{RuleScope::Category, "Hardware > Fasteners",
                                       Adjustment{Adjustment::Kind::PercentOff, dec("12")}}}});
        b.putCustomer(CustomerPricing{"C7", "USD", {"C-7", "GOLD"}, Strategy::Priority});
        b.putCustomer(CustomerPricing{"LONG", "USD", {"L1", "L2", "L3", "L4", "L5"}, Strategy::Lowest});
        auto built = b.build();
        BOOST_REQUIRE_MESSAGE(built.ok(), why(built));
        snapshot = *built;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(resolver, Fixture)

BOOST_AUTO_TEST_CASE(explanation_records_the_whole_walk) {
    const Resolver resolver(snapshot);
    auto line = resolver.resolve(PriceRequest{"C7", "A-100", "CS", dec("2"), day("2026-01-15")});
    BOOST_REQUIRE_MESSAGE(line.ok(), why(line));
    const Explanation& e = line->explanation;
    BOOST_TEST(e.chain.size() == 3U);
    BOOST_TEST(e.chain[0].list_id == "C-7");
    BOOST_TEST(e.chain[0].status == CandidateStatus::BelowMinQty);
    BOOST_TEST(e.chain[1].list_id == "GOLD");
    BOOST_TEST(e.chain[1].status == CandidateStatus::Priced);
    BOOST_TEST(e.chain[2].list_id == "BASE");
    BOOST_TEST(e.chain[2].status == CandidateStatus::NotConsulted);
    BOOST_TEST(e.chosen == 1U);
    BOOST_TEST(e.reason == ChoiceReason::FirstWithPrice);

    const ListCandidate& gold = e.chain[1];
    BOOST_REQUIRE(gold.rule != nullptr);
    BOOST_TEST(gold.rule->value == "Hardware > Fasteners");
    BOOST_TEST(gold.source_list_id == "BASE");
    BOOST_TEST(gold.base_price == dec("1.6800"));  // 12 × 0.14
    BOOST_TEST(gold.unit_price == dec("1.4784"));  // 1.68 × 0.88
    BOOST_TEST(gold.tier_list_id == "BASE");
    BOOST_TEST(gold.tier_uom == "EA");
    BOOST_TEST(gold.tier_quantity == dec("24"));
    BOOST_TEST(gold.converted);
    BOOST_TEST(gold.unit_factor == dec("12"));
    BOOST_TEST(line->extended == dec("2.96"));
    // 48 EA = 4 CS: BASE 0.11 × 12 = 1.32, GOLD 12 % off = 1.1616.
    BOOST_REQUIRE(e.next_tier.has_value());
    BOOST_TEST(e.next_tier->quantity == dec("4"));
    BOOST_TEST(e.next_tier->unit_price == dec("1.1616"));
    BOOST_TEST(e.next_tier->list_id == "GOLD");
    BOOST_TEST_MESSAGE(describe(*line));
}

BOOST_AUTO_TEST_CASE(views_outlive_the_request_strings) {
    const Resolver resolver(snapshot);
    core::Result<PricedLine> line = core::makeError(core::ErrorCode::Internal, "unset");
    {
        std::string customer = "C7";
        std::string sku = "A-100";
        std::string uom = "EA";
        line = resolver.resolve(PriceRequest{customer, sku, uom, dec("1"), day("2026-01-15")});
        customer.assign(10, 'x');
        sku.assign(10, 'x');
        uom.assign(10, 'x');
    }
    BOOST_REQUIRE(line.ok());
    BOOST_TEST(line->explanation.customer_id == "C7");
    BOOST_TEST(line->explanation.sku == "A-100");
    BOOST_TEST(line->explanation.uom == "EA");
    BOOST_TEST(describe(*line).find("1 EA of A-100 for C7") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(chains_longer_than_the_inline_space) {
    const Resolver resolver(snapshot);
    auto line = resolver.resolve(PriceRequest{"LONG", "A-100", "EA", dec("1"), day("2026-01-15")});
    BOOST_REQUIRE(line.ok());
    BOOST_TEST(line->explanation.chain.size() == 6U);
    BOOST_TEST(line->explanation.chain[4].list_id == "L5");
    BOOST_TEST(line->explanation.chain[5].list_id == "BASE");
    BOOST_TEST(line->list_id == "L5");
    BOOST_TEST(line->explanation.chosen == 4U);
    BOOST_TEST(line->explanation.reason == ChoiceReason::Lowest);
}

BOOST_AUTO_TEST_CASE(tier_ladder_for_display) {
    const Resolver resolver(snapshot);
    auto ladder = resolver.tiersFor("C7", "A-100", "EA", day("2026-01-15"));
    BOOST_REQUIRE(ladder.ok());
    // GOLD prices everything from 1 (12 % off BASE) until the contract's 100 tier.
    BOOST_REQUIRE(ladder->size() == 3U);
    BOOST_TEST((*ladder)[0].min_qty == dec("1"));
    BOOST_TEST((*ladder)[0].unit_price == dec("0.1232"));
    BOOST_TEST((*ladder)[0].list_id == "GOLD");
    BOOST_TEST((*ladder)[1].min_qty == dec("48"));
    BOOST_TEST((*ladder)[1].unit_price == dec("0.0968"));
    BOOST_TEST((*ladder)[2].min_qty == dec("100"));
    BOOST_TEST((*ladder)[2].unit_price == dec("0.0900"));
    BOOST_TEST((*ladder)[2].list_id == "C-7");

    auto cases = resolver.tiersFor("C7", "A-100", "CS", day("2026-01-15"));
    BOOST_REQUIRE(cases.ok());
    BOOST_REQUIRE(cases->size() == 3U);
    BOOST_TEST((*cases)[0].min_qty == dec("0.0834"));  // 1 EA, rounded up to a reachable CS quantity
    BOOST_TEST((*cases)[1].min_qty == dec("4"));
    BOOST_TEST((*cases)[2].min_qty == dec("8.3334"));

    BOOST_TEST(!resolver.tiersFor("C7", "NOPE", "EA", day("2026-01-15")).ok());
    auto one_step = resolver.tiersFor("C7", "BIG", "EA", day("1999-01-01"));
    BOOST_REQUIRE(one_step.ok());
    BOOST_TEST(one_step->size() == 1U);
}

BOOST_AUTO_TEST_CASE(overflowing_extension_is_an_error) {
    const Resolver resolver(snapshot);
    auto line = resolver.resolve(PriceRequest{"C7", "BIG", "EA", dec("100000"), day("2026-01-15")});
    BOOST_REQUIRE(!line.ok());
    BOOST_TEST(line.error().code == core::ErrorCode::Overflow);
    BOOST_TEST(errorReason(line.error()) == "overflow");
}

BOOST_AUTO_TEST_CASE(error_reasons) {
    BOOST_TEST(errorReason(core::makeError(core::ErrorCode::NotFound, "no_price: nothing")) == "no_price");
    BOOST_TEST(errorReason(core::makeError(core::ErrorCode::NotFound, "No price: nothing")).empty());
    BOOST_TEST(errorReason(core::makeError(core::ErrorCode::NotFound, "plain")).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
