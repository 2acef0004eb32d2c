// The next tier ("order 48 to pay 0.1100 each") in the situations that make it
// hard: the winner alone can price (entry or derived list, first in the chain or
// after lists with no entry, no valid entry or no rule, in another unit, with
// entries not valid on the date), several lists can (priority and lowest, a
// cost-based list among them), a list with rows in several units, 70 tiers.
// Each answer is checked by hand and against the naive reference resolver.

#include "crossdock/pricing/resolver.h"
#include "crossdock/pricing/snapshot.h"
#include "reference_resolver.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

PriceList list(std::string id) { return PriceList{id, id, "USD", ListKind::Group, {}, {}}; }

PriceEntry validEntry(std::string list_id, std::string_view min_qty, std::string_view price, const char* from,
                      const char* to) {
    PriceEntry e = entry(std::move(list_id), "W", "EA", min_qty, price);
    e.valid_from = day(from);
    e.valid_to = day(to);
    return e;
}

RuleList derived(std::string id, RuleSource source, std::string from, PriceRule rule) {
    return RuleList{std::move(id), source, std::move(from), {std::move(rule)}};
}

void addCustomers(PricingData& d) {
    const auto customer = [&](const char* id, std::vector<std::string> chain, Strategy strategy) {
        d.customers.push_back(CustomerPricing{id, "USD", std::move(chain), strategy});
    };
    customer("FIRST", {"BASE"}, Strategy::Priority);
    customer("AFTER", {"NONE", "OLD", "SILVER", "GOLD"}, Strategy::Priority);
    customer("TAKEOVER", {"LATE"}, Strategy::Priority);
    customer("LOWEST", {"LATE", "GOLD"}, Strategy::Lowest);
    customer("CASES", {"CSL"}, Strategy::Lowest);
    customer("DATED", {"VAL"}, Strategy::Priority);
    customer("UNITS", {"MIX"}, Strategy::Priority);
    customer("UNITSLOW", {"MIX"}, Strategy::Lowest);
    customer("MANY", {"MANY"}, Strategy::Priority);
    customer("FOREIGN", {"SILVER2"}, Strategy::Priority);
    customer("COSTONLY", {"COST"}, Strategy::Priority);
    customer("COSTLOW", {"COST", "LATE"}, Strategy::Lowest);
}

PricingData makeData() {
    PricingData d;
    for (const char* id :
         {"BASE", "GOLD", "SILVER", "SILVER2", "NONE", "OLD", "LATE", "CSL", "VAL", "MIX", "COST", "MANY"})
        d.lists.push_back(list(id));
    // BASE: 1.00 from 1 EA, 0.90 from 10, 0.80 from 50.
    d.entries = {entry("BASE", "W", "EA", "1", "1.0000"), entry("BASE", "W", "EA", "10", "0.9000"),
                 entry("BASE", "W", "EA", "50", "0.8000"),
                 entry("NONE", "OTHER", "EA", "1", "0.0100"),  // NONE has no entry for W
                 validEntry("OLD", "1", "0.0100", "2020-01-01", "2020-12-31"),
                 // LATE starts dearer than BASE and drops below it later.
                 entry("LATE", "W", "EA", "20", "0.9500"), entry("LATE", "W", "EA", "40", "0.5000"),
                 entry("CSL", "W", "CS", "1", "11.0000"), entry("CSL", "W", "CS", "5", "9.0000"),
                 entry("VAL", "W", "EA", "1", "1.0000"),
                 validEntry("VAL", "10", "0.5000", "2025-01-01", "2025-12-31"),
                 entry("VAL", "W", "EA", "20", "0.7000"), entry("MIX", "W", "EA", "1", "1.0000"),
                 entry("MIX", "W", "CS", "2", "10.0000")};
    // MANY: 70 tiers, 0.01 cheaper each (more rows than the search's window of 64 starts).
    for (int k = 1; k <= 70; ++k) {
        d.entries.push_back(
            entry("MANY", "W", "EA", std::to_string(k), core::Decimal::fromRaw(20'000 - 100 * k).toString()));
    }
    const Adjustment ten_off{Adjustment::Kind::PercentOff, dec("10")};
    d.rule_lists = {
        derived("GOLD", RuleSource::List, "BASE", PriceRule{RuleScope::Category, "Tools", ten_off}),
        derived("SILVER", RuleSource::List, "BASE", PriceRule{RuleScope::Brand, "Other", ten_off}),
        derived("SILVER2", RuleSource::List, "VAL", PriceRule{RuleScope::Brand, "Other", ten_off}),
        derived("COST", RuleSource::Cost, "",
                PriceRule{RuleScope::All, "", Adjustment{Adjustment::Kind::Markup, dec("10")}})};
    addCustomers(d);
    return d;
}

struct Fixture {
    PricingData data = makeData();
    std::shared_ptr<InMemoryItemLookup> items = std::make_shared<InMemoryItemLookup>();
    std::shared_ptr<const PriceSnapshot> snapshot;

    Fixture() {
        items->put(item("W", "Tools", "Acme", {{"CS", "12"}}, dec("0.5")));
        items->put(item("OTHER", "Misc", "", {}));
        auto built = buildSnapshot(data, items);
        BOOST_REQUIRE_MESSAGE(built.ok(), why(built));
        snapshot = *built;
    }

    // Checks the next tier of `customer`'s line against `expected` ("" for none:
    // "quantity price list" otherwise) and against the reference resolver.
    void check(const char* customer, const char* uom, const char* quantity, const char* expected,
               const char* date = "2026-01-15") const {
        const Resolver resolver(snapshot);
        const auto line = resolver.resolve(PriceRequest{customer, "W", uom, dec(quantity), day(date)});
        BOOST_REQUIRE_MESSAGE(line.ok(), why(line));
        const auto& next = line->explanation.next_tier;
        const std::string got = next ? next->quantity.toShortString() + " " + next->unit_price.toString() +
                                           " " + std::string(next->list_id)
                                     : std::string();
        BOOST_TEST(got == expected, customer << " " << quantity << " " << uom << " on " << date);
        const ReferenceResolver reference(data, *items);
        const auto slow = reference.resolve(customer, "W", uom, dec(quantity), day(date));
        BOOST_REQUIRE(slow.line.has_value());
        const std::string want = slow.line->has_next
                                     ? slow.line->next_quantity.toShortString() + " " +
                                           slow.line->next_price.toString() + " " + slow.line->next_list_id
                                     : std::string();
        BOOST_TEST(got == want, customer << " " << quantity << " " << uom << " (reference)");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(next_tier, Fixture)

BOOST_AUTO_TEST_CASE(the_winner_alone_decides) {
    check("FIRST", "EA", "5", "10 0.9000 BASE");
    check("FIRST", "EA", "10", "50 0.8000 BASE");
    check("FIRST", "EA", "60", "");
    // No entry, none valid, no rule (its source is the winner's): GOLD alone can price.
    check("AFTER", "EA", "5", "10 0.8100 GOLD");
    check("AFTER", "EA", "12", "50 0.7200 GOLD");
    // In another unit: 50 EA = 4.1667 CS, 0.80 × 12 = 9.60.
    check("FIRST", "CS", "1", "4.1667 9.6000 BASE");
    check("FIRST", "CS", "4.1666", "4.1667 9.6000 BASE");
    // A tier not valid on the date is skipped.
    check("DATED", "EA", "5", "20 0.7000 VAL");
    check("DATED", "EA", "5", "10 0.5000 VAL", "2025-06-01");
    // A cost price is the same at every quantity.
    check("COSTONLY", "EA", "5", "");
}

BOOST_AUTO_TEST_CASE(several_lists_that_may_price) {
    // Priority: LATE takes over at 20 for more (0.95 > 0.90), drops at 40.
    check("TAKEOVER", "EA", "12", "40 0.5000 LATE");
    check("TAKEOVER", "EA", "5", "10 0.9000 BASE");
    // Lowest: GOLD 0.81 until LATE's 0.50 at 40; after that nothing is cheaper.
    check("LOWEST", "EA", "12", "40 0.5000 LATE");
    check("LOWEST", "EA", "45", "");
    // Lowest in cases: CSL 11.00 against BASE 10.80 (10 EA tier), then BASE 9.60 at 4.1667 CS.
    check("CASES", "CS", "1", "4.1667 9.6000 BASE");
    check("CASES", "CS", "4.5", "5 9.0000 CSL");
    // A cost-based list beside entry lists: 0.55 until LATE's 0.50.
    check("COSTLOW", "EA", "30", "40 0.5000 LATE");
    // A list without a rule whose source (VAL) is not the winner's: BASE prices.
    check("FOREIGN", "EA", "5", "10 0.9000 BASE");
}

BOOST_AUTO_TEST_CASE(rows_in_several_units_and_long_ladders) {
    // 1 CS: MIX's CS tier starts at 2, its EA tier gives 12.00; at 2 CS, 10.00.
    check("UNITS", "CS", "1", "2 10.0000 MIX");
    // In EA the EA tier always wins over the CS one: no cheaper tier.
    check("UNITS", "EA", "5", "");
    // Lowest: BASE 10.80 (its 10 EA tier) beats MIX's 12.00 until MIX's 10.00 at 2 CS.
    check("UNITSLOW", "CS", "1", "2 10.0000 MIX");
    // A ladder of 70 tiers, more than the 64 starts the search looks at in one go.
    check("MANY", "EA", "5", "6 1.9400 MANY");
    check("MANY", "EA", "69.5", "70 1.3000 MANY");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
