// SnapshotBuilder: every validation error is positioned and builds nothing;
// incremental builds share what did not change.

#include "../../pricing/src/snapshot_state.h"
#include "crossdock/pricing/resolver.h"
#include "crossdock/pricing/snapshot.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

std::shared_ptr<InMemoryItemLookup> catalog() {
    auto items = std::make_shared<InMemoryItemLookup>();
    items->put(item("A", "Hardware > Fasteners", "Acme", {{"CS", "12"}}));
    items->put(item("B", "Garden", "Zed"));
    return items;
}

PriceList list(std::string id, std::string currency = "USD") {
    return PriceList{id, id, std::move(currency), ListKind::Group, {}, {}};
}

RuleList rulesFrom(std::string id, std::string source) {
    return RuleList{std::move(id),
                    RuleSource::List,
                    std::move(source),
                    {PriceRule{RuleScope::All, "", Adjustment{Adjustment::Kind::PercentOff, dec("5")}}}};
}

// A builder with BASE (USD) pricing A and B, and GOLD (USD) as an entry list.
SnapshotBuilder starter() {
    SnapshotBuilder builder(catalog());
    builder.putList(list("BASE"));
    builder.putList(list("GOLD"));
    builder.putEntry(entry("BASE", "A", "EA", "1", "1.00"));
    builder.putEntry(entry("BASE", "B", "EA", "1", "2.00"));
    return builder;
}

void expectError(SnapshotBuilder& builder, core::ErrorCode code, const std::string& where,
                 const std::string& fragment) {
    auto built = builder.build();
    BOOST_REQUIRE_MESSAGE(!built.ok(), "expected an error at " << where);
    BOOST_TEST(built.error().code == code);
    BOOST_TEST(built.error().where == where);
    BOOST_TEST(built.error().message.find(fragment) != std::string::npos,
               "\"" << built.error().message << "\" lacks \"" << fragment << "\"");
}

core::Decimal priceOf(const std::shared_ptr<const PriceSnapshot>& snapshot, const char* customer,
                      const char* sku) {
    auto line = Resolver(snapshot).resolve(PriceRequest{customer, sku, "EA", dec("1"), day("2026-01-15")});
    BOOST_REQUIRE_MESSAGE(line.ok(), why(line));
    return line->unit_price;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot_builder)

BOOST_AUTO_TEST_CASE(bad_entries_are_positioned) {
    {
        auto b = starter();
        b.putEntry(entry("BASE", "A", "EA", "5", "-0.01"), "prices.csv:7");
        expectError(b, core::ErrorCode::InvalidArgument, "prices.csv:7", "negative unit price -0.01");
    }
    {
        auto b = starter();
        b.putEntry(entry("BASE", "A", "EA", "-1", "1.00"));
        expectError(b, core::ErrorCode::InvalidArgument, "entry 3", "negative min_qty");
    }
    {
        auto b = starter();
        auto e = entry("BASE", "A", "EA", "5", "1.00");
        e.valid_from = day("2026-02-01");
        e.valid_to = day("2026-01-01");
        b.putEntry(e);
        expectError(b, core::ErrorCode::InvalidArgument, "entry 3", "before it starts");
    }
    {
        auto b = starter();
        b.putEntry(entry("BASE", "NOPE", "EA", "1", "1.00"));
        expectError(b, core::ErrorCode::NotFound, "entry 3", "unknown SKU NOPE");
    }
    {
        auto b = starter();
        b.putEntry(entry("BASE", "B", "CS", "1", "1.00"));
        expectError(b, core::ErrorCode::InvalidArgument, "entry 3", "not sold in unit CS");
    }
    {
        auto b = starter();
        b.putEntry(entry("GHOST", "A", "EA", "1", "1.00"), "row 9");
        expectError(b, core::ErrorCode::NotFound, "row 9", "unknown price list GHOST");
    }
}

BOOST_AUTO_TEST_CASE(duplicate_tiers) {
    {
        auto b = starter();
        b.putEntry(entry("BASE", "A", "EA", "1", "0.90"));
        expectError(b, core::ErrorCode::Conflict, "entry 3", "the same entry is given twice");
    }
    {
        auto b = starter();
        auto first = entry("GOLD", "A", "EA", "10", "0.90");
        first.valid_to = day("2026-03-31");
        auto second = entry("GOLD", "A", "EA", "10", "0.80");
        second.valid_from = day("2026-03-31");
        b.putEntry(first);
        b.putEntry(second);
        expectError(b, core::ErrorCode::Conflict, "entry 4", "overlaps");
    }
    {
        auto b = starter();
        auto first = entry("GOLD", "A", "EA", "10", "0.90");
        first.valid_to = day("2026-03-31");
        auto second = entry("GOLD", "A", "EA", "10", "0.80");
        second.valid_from = day("2026-04-01");
        b.putEntry(first);
        b.putEntry(second);
        BOOST_TEST(b.build().ok());
    }
}

BOOST_AUTO_TEST_CASE(lists_and_currencies) {
    {
        auto b = starter();
        b.putList(list("EU", "XXQ"));
        expectError(b, core::ErrorCode::InvalidArgument, "list EU", "unknown currency");
    }
    {
        auto b = starter();
        auto bad = list("LATE");
        bad.valid_from = day("2026-05-01");
        bad.valid_to = day("2026-04-30");
        b.putList(bad, "lists.csv:3");
        expectError(b, core::ErrorCode::InvalidArgument, "lists.csv:3", "validity ends before it starts");
    }
    {
        auto b = starter();
        b.putList(list("EU", "EUR"));
        b.putCustomer(CustomerPricing{"C1", "USD", {"GOLD", "EU"}, Strategy::Priority});
        expectError(b, core::ErrorCode::InvalidArgument, "customer C1 chain[1]", "EU is in EUR");
    }
    {
        auto b = starter();
        b.putCustomer(CustomerPricing{"C1", "USD", {"BASE", "GOLD"}, Strategy::Priority}, "customers.csv:2");
        expectError(b, core::ErrorCode::InvalidArgument, "customers.csv:2 chain[0]", "can only come last");
    }
    {
        auto b = starter();
        b.putCustomer(CustomerPricing{"C1", "USD", {"GOLD", "GOLD"}, Strategy::Priority});
        expectError(b, core::ErrorCode::InvalidArgument, "customer C1 chain[1]", "twice in the chain");
    }
    {
        auto b = starter();
        b.putCustomer(CustomerPricing{"C1", "USD", {"NOPE"}, Strategy::Priority});
        expectError(b, core::ErrorCode::NotFound, "customer C1 chain[0]", "unknown price list NOPE");
    }
    {
        auto b = starter();
        b.putCustomer(CustomerPricing{"C1", "usd", {}, Strategy::Priority});
        expectError(b, core::ErrorCode::InvalidArgument, "customer C1", "unknown currency");
    }
    {
        auto b = starter();
        b.putCustomer(CustomerPricing{"C1", "USD", {"GOLD", "BASE"}, Strategy::Priority});
        BOOST_TEST(b.build().ok());
    }
}

BOOST_AUTO_TEST_CASE(rule_lists) {
    {
        auto b = starter();
        b.putList(list("X"));
        b.putList(list("Y"));
        b.putList(list("Z"));
        b.putRules(rulesFrom("X", "Y"));
        b.putRules(rulesFrom("Y", "Z"));
        b.putRules(rulesFrom("Z", "X"), "rules.json:3");
        expectError(b, core::ErrorCode::InvalidArgument, "rule list X",
                    "rule cycle: X derives from Y derives from Z derives from X");
    }
    {
        auto b = starter();
        b.putList(list("SELF"));
        b.putRules(rulesFrom("SELF", "SELF"));
        expectError(b, core::ErrorCode::InvalidArgument, "rule list SELF", "rule cycle");
    }
    {
        auto b = starter();
        b.putList(list("X"));
        b.putRules(rulesFrom("X", "NOWHERE"));
        expectError(b, core::ErrorCode::NotFound, "rule list X", "derives from unknown list NOWHERE");
    }
    {
        auto b = starter();
        b.putList(list("EU", "EUR"));
        b.putRules(rulesFrom("EU", "BASE"));
        expectError(b, core::ErrorCode::InvalidArgument, "rule list EU", "derives from BASE in USD");
    }
    {
        auto b = starter();
        b.putRules(rulesFrom("GHOST", "BASE"));
        expectError(b, core::ErrorCode::NotFound, "rule list GHOST", "unknown price list GHOST");
    }
    {
        auto b = starter();
        b.putRules(rulesFrom("BASE", "GOLD"));
        expectError(b, core::ErrorCode::InvalidArgument, "entry 1", "derives its prices from rules");
    }
    {
        auto base = starter().build();
        BOOST_REQUIRE(base.ok());
        SnapshotBuilder b(*base);
        b.putRules(rulesFrom("BASE", "GOLD"));
        expectError(b, core::ErrorCode::InvalidArgument, "rule list BASE", "holds entries");
    }
    {
        auto b = starter();
        b.putList(list("X"));
        b.putRules(rulesFrom("X", "BASE"));
        b.putEntry(entry("X", "A", "EA", "1", "1.00"));
        expectError(b, core::ErrorCode::InvalidArgument, "entry 3", "derives its prices from rules");
    }
    {
        auto b = starter();
        b.putList(list("X"));
        RuleList rules = rulesFrom("X", "BASE");
        rules.rules.push_back(
            PriceRule{RuleScope::Brand, "Acme", Adjustment{Adjustment::Kind::PercentOff, dec("101")}});
        b.putRules(rules);
        expectError(b, core::ErrorCode::InvalidArgument, "rule list X rule 2", "within 0..100");
    }
    {
        auto b = starter();
        b.putList(list("X"));
        RuleList rules = rulesFrom("X", "BASE");
        rules.rules.push_back(rules.rules.front());
        b.putRules(rules);
        expectError(b, core::ErrorCode::InvalidArgument, "rule list X rule 2", "duplicate rule for all");
    }
    {
        auto b = starter();
        b.putList(list("X"));
        RuleList rules{
            "X", RuleSource::List, "BASE", {PriceRule{RuleScope::Category, "Hardware > ", Adjustment{}}}};
        b.putRules(rules);
        expectError(b, core::ErrorCode::InvalidArgument, "rule list X rule 1", "malformed category path");
    }
}

BOOST_AUTO_TEST_CASE(removals_must_exist_and_be_unused) {
    auto base = starter();
    base.putCustomer(CustomerPricing{"C1", "USD", {"GOLD"}, Strategy::Priority});
    auto built = base.build();
    BOOST_REQUIRE(built.ok());
    {
        SnapshotBuilder b(*built);
        b.removeEntry(EntryKey{"BASE", "A", "EA", dec("2"), {}});
        expectError(b, core::ErrorCode::NotFound, "removal of BASE / A / EA from 2",
                    "no entry BASE / A / EA from 2");
    }
    {
        SnapshotBuilder b(*built);
        b.removeList("GOLD", "api");
        expectError(b, core::ErrorCode::NotFound, "customer C1 chain[0]", "unknown price list GOLD");
    }
    {
        SnapshotBuilder b(*built);
        b.removeCustomer("C9");
        expectError(b, core::ErrorCode::NotFound, "customer C9", "no customer C9");
    }
    {
        SnapshotBuilder b(*built);
        b.removeList("NOPE");
        expectError(b, core::ErrorCode::NotFound, "list NOPE", "no price list NOPE");
    }
}

BOOST_AUTO_TEST_CASE(incremental_builds_change_only_what_they_touch) {
    auto base = starter();
    base.putEntry(entry("GOLD", "A", "EA", "1", "0.95"));
    base.putCustomer(CustomerPricing{"C1", "USD", {"GOLD"}, Strategy::Priority});
    auto v1 = base.build();
    BOOST_REQUIRE(v1.ok());
    const auto& s1 = (*v1)->state();
    BOOST_TEST((*v1)->version() == 1U);
    BOOST_TEST((*v1)->entryCount() == 3U);

    // Repricing one entry of BASE: GOLD is shared, BASE's index is reused, no SKU table copy.
    SnapshotBuilder reprice(*v1);
    reprice.putEntry(entry("BASE", "B", "EA", "1", "2.50"));
    auto v2 = reprice.build();
    BOOST_REQUIRE(v2.ok());
    const auto& s2 = (*v2)->state();
    const auto base_slot = s1.list_ids->find("BASE");
    const auto gold_slot = s1.list_ids->find("GOLD");
    BOOST_TEST((*v2)->version() == 2U);
    BOOST_TEST(s2.lists[gold_slot].get() == s1.lists[gold_slot].get());
    BOOST_TEST(s2.lists[base_slot].get() != s1.lists[base_slot].get());
    BOOST_TEST(s2.lists[base_slot]->index.get() == s1.lists[base_slot]->index.get());
    BOOST_TEST(s2.skus.get() == s1.skus.get());
    BOOST_TEST(s2.customers.get() == s1.customers.get());
    BOOST_TEST(priceOf(*v2, "C1", "B") == dec("2.50"));
    BOOST_TEST(priceOf(*v1, "C1", "B") == dec("2.00"));  // the old version is untouched

    // A new tier changes BASE's layout; removing GOLD's entry lets BASE price A.
    SnapshotBuilder grow(*v2);
    grow.putEntry(entry("BASE", "A", "EA", "10", "0.80"));
    grow.removeEntry(EntryKey{"GOLD", "A", "EA", dec("1"), {}});
    auto v3 = grow.build();
    BOOST_REQUIRE(v3.ok());
    BOOST_TEST((*v3)->entryCount() == 3U);
    BOOST_TEST(priceOf(*v3, "C1", "A") == dec("1.00"));
    BOOST_TEST(priceOf(*v2, "C1", "A") == dec("0.95"));

    // A full replacement of a list's entries.
    SnapshotBuilder replace(*v3);
    replace.clearEntries("BASE");
    replace.putEntry(entry("BASE", "A", "EA", "1", "3.00"));
    auto v4 = replace.build();
    BOOST_REQUIRE(v4.ok());
    BOOST_TEST((*v4)->entryCount() == 1U);
    BOOST_TEST(priceOf(*v4, "C1", "A") == dec("3.00"));
    BOOST_TEST(!Resolver(*v4).resolve(PriceRequest{"C1", "B", "EA", dec("1"), day("2026-01-15")}).ok());

    // Changing a customer leaves the lists alone and the accessors report what was put.
    SnapshotBuilder move(*v4);
    move.putCustomer(CustomerPricing{"C1", "USD", {}, Strategy::Lowest});
    auto v5 = move.build();
    BOOST_REQUIRE(v5.ok());
    BOOST_TEST((*v5)->state().lists[base_slot].get() == (*v4)->state().lists[base_slot].get());
    BOOST_TEST((*v5)->customer("C1")->strategy == Strategy::Lowest);
    BOOST_TEST((*v4)->customer("C1")->chain == std::vector<std::string>{"GOLD"});
    BOOST_TEST((*v5)->listCount() == 2U);
    BOOST_TEST((*v5)->list("GOLD")->currency == "USD");
}

BOOST_AUTO_TEST_CASE(a_failed_build_leaves_the_base_alone) {
    auto v1 = starter().build();
    BOOST_REQUIRE(v1.ok());
    SnapshotBuilder b(*v1);
    b.putEntry(entry("BASE", "A", "EA", "1", "9.00"));
    b.putEntry(entry("BASE", "B", "EA", "1", "-9.00"));
    BOOST_TEST(!b.build().ok());
    BOOST_TEST((*v1)->entryCount() == 2U);
    auto c = SnapshotBuilder(*v1);
    c.putCustomer(CustomerPricing{"C1", "USD", {}, Strategy::Priority});
    auto v2 = c.build();
    BOOST_REQUIRE(v2.ok());
    BOOST_TEST(priceOf(*v2, "C1", "A") == dec("1.00"));
}

BOOST_AUTO_TEST_CASE(default_list_per_currency) {
    auto b = starter();
    b.putList(list("BASE-EUR", "EUR"));
    b.putEntry(entry("BASE-EUR", "A", "EA", "1", "0.90"));
    b.putCustomer(CustomerPricing{"EU1", "EUR", {}, Strategy::Priority});
    b.putCustomer(CustomerPricing{"CHF1", "CHF", {}, Strategy::Priority});
    auto built = b.build();
    BOOST_REQUIRE(built.ok());
    BOOST_TEST(priceOf(*built, "EU1", "A") == dec("0.90"));
    auto none = Resolver(*built).resolve(PriceRequest{"CHF1", "A", "EA", dec("1"), day("2026-01-15")});
    BOOST_REQUIRE(!none.ok());
    BOOST_TEST(errorReason(none.error()) == "no_price");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
