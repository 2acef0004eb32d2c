// The snapshot's dense layout (items, units, categories and brands interned to
// ids once per catalog version): a new catalog through setItems() re-interns,
// rules compiled before an item, category or brand existed still match it, an
// item with more packaging levels than a record holds inline, a list indexed
// directly (most SKUs) beside hashed ones, and resolveAll() over runs of lines
// for one customer.

#include "crossdock/pricing/resolver.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

std::shared_ptr<InMemoryItemLookup> catalogV1() {
    auto items = std::make_shared<InMemoryItemLookup>();
    items->put(item("A", "Tools > Hand", "Acme", {{"CS", "12"}}));
    items->put(item("B", "Garden", "Zed"));
    return items;
}

std::shared_ptr<const PriceSnapshot> build(SnapshotBuilder& builder) {
    auto built = builder.build();
    BOOST_REQUIRE_MESSAGE(built.ok(), why(built));
    return *built;
}

// GOLD derives from BASE: 10 % off the subtree "Tools > Power" (no item there
// yet), 5 % off brand "Newco" (no such brand yet), 20 % off SKU "N" (not in the
// catalog yet).
std::shared_ptr<const PriceSnapshot> pricesV1() {
    SnapshotBuilder b(catalogV1());
    b.putList(PriceList{"BASE", "Base", "USD", ListKind::Base, {}, {}});
    b.putList(PriceList{"GOLD", "Gold", "USD", ListKind::Group, {}, {}});
    b.putEntry(entry("BASE", "A", "EA", "1", "2.0000"));
    b.putEntry(entry("BASE", "B", "EA", "1", "3.0000"));
    b.putRules(
        RuleList{"GOLD",
                 RuleSource::List,
                 "BASE",
                 {PriceRule{RuleScope::Category, "Tools > Power", {Adjustment::Kind::PercentOff, dec("10")}},
                  PriceRule{RuleScope::Brand, "Newco", {Adjustment::Kind::PercentOff, dec("5")}},
                  PriceRule{RuleScope::Sku, "N", {Adjustment::Kind::PercentOff, dec("20")}}}});
    b.putCustomer(CustomerPricing{"C1", "USD", {"GOLD"}, Strategy::Priority});
    return build(b);
}

PriceRequest line(std::string_view customer, std::string_view sku, std::string_view uom,
                  std::string_view qty) {
    return PriceRequest{customer, sku, uom, dec(qty), day("2026-01-15")};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dense_layout)

BOOST_AUTO_TEST_CASE(a_new_catalog_is_interned_and_old_rules_match_its_new_items) {
    auto v1 = pricesV1();
    BOOST_TEST(!Resolver(v1).resolve(line("C1", "P", "EA", "1")).ok());  // not in the catalog yet

    auto items = catalogV1();
    items->put(item("P", "Tools > Power > Drills", "Other"));  // category new
    items->put(item("Q", "Misc", "Newco"));                    // brand new
    items->put(item("N", "Misc", "Other"));                    // SKU named by a rule
    items->put(item("R", "Tools > Powerful", "Other"));        // not the subtree "Tools > Power"
    SnapshotBuilder change(v1);
    change.setItems(items);
    for (const char* sku : {"P", "Q", "N", "R"}) change.putEntry(entry("BASE", sku, "EA", "1", "10.0000"));
    auto v2 = build(change);
    const Resolver resolver(v2);

    const auto drill = resolver.resolve(line("C1", "P", "EA", "1"));
    BOOST_REQUIRE_MESSAGE(drill.ok(), why(drill));
    BOOST_TEST(drill->unit_price == dec("9.0000"));
    const auto branded = resolver.resolve(line("C1", "Q", "EA", "1"));
    BOOST_REQUIRE_MESSAGE(branded.ok(), why(branded));
    BOOST_TEST(branded->unit_price == dec("9.5000"));
    const auto named = resolver.resolve(line("C1", "N", "EA", "1"));
    BOOST_REQUIRE_MESSAGE(named.ok(), why(named));
    BOOST_TEST(named->unit_price == dec("8.0000"));
    const auto other = resolver.resolve(line("C1", "R", "EA", "1"));
    BOOST_REQUIRE_MESSAGE(other.ok(), why(other));  // BASE: GOLD has no rule for it
    BOOST_TEST(other->list_id == "BASE");
    BOOST_TEST(other->explanation.chain[0].status == CandidateStatus::NoRule);

    // The old version keeps its own catalog.
    BOOST_TEST(errorReason(Resolver(v1).resolve(line("C1", "P", "EA", "1")).error()) == "unknown_sku");
}

BOOST_AUTO_TEST_CASE(an_item_dropped_from_the_catalog_is_unknown_though_its_entries_stay) {
    auto v1 = pricesV1();
    auto items = std::make_shared<InMemoryItemLookup>();
    items->put(item("B", "Garden", "Zed"));
    SnapshotBuilder change(v1);
    change.setItems(items);
    auto v2 = build(change);
    const Resolver resolver(v2);
    const auto gone = resolver.resolve(line("C1", "A", "EA", "1"));
    BOOST_REQUIRE(!gone.ok());
    BOOST_TEST(errorReason(gone.error()) == "unknown_sku");
    BOOST_TEST(resolver.resolve(line("C1", "B", "EA", "1")).ok());
    BOOST_TEST(v2->entryCount() == v1->entryCount());
}

BOOST_AUTO_TEST_CASE(an_item_with_many_packaging_levels_converts_through_each) {
    auto items = std::make_shared<InMemoryItemLookup>();
    items->put(item("M", "Misc", "", {{"PK", "6"}, {"CS", "24"}, {"BX", "48"}, {"PL", "960"}}));
    SnapshotBuilder b(items);
    b.putList(PriceList{"BASE", "Base", "USD", ListKind::Base, {}, {}});
    b.putEntry(entry("BASE", "M", "PL", "1", "480.0000"));
    b.putEntry(entry("BASE", "M", "BX", "1", "30.0000"));
    b.putCustomer(CustomerPricing{"C1", "USD", {}, Strategy::Priority});
    const Resolver resolver(build(b));

    const auto pallet = resolver.resolve(line("C1", "M", "PL", "1"));
    BOOST_REQUIRE_MESSAGE(pallet.ok(), why(pallet));
    BOOST_TEST(pallet->unit_price == dec("480.0000"));
    // No PK entry: the smaller of BX and PL that yields a tier: BX, 30 / 48 × 6.
    const auto pack = resolver.resolve(line("C1", "M", "PK", "8"));
    BOOST_REQUIRE_MESSAGE(pack.ok(), why(pack));
    BOOST_TEST(pack->unit_price == dec("3.7500"));
    BOOST_TEST(pack->explanation.chain[0].tier_uom == "BX");
    BOOST_TEST(pack->explanation.uom == "PK");
    const auto unknown = resolver.resolve(line("C1", "M", "KG", "1"));
    BOOST_REQUIRE(!unknown.ok());
    BOOST_TEST(errorReason(unknown.error()) == "unknown_unit");
}

BOOST_AUTO_TEST_CASE(direct_and_hashed_lists_and_customer_runs_agree_with_resolve) {
    auto items = std::make_shared<InMemoryItemLookup>();
    std::vector<std::string> skus;
    for (int i = 0; i < 300; ++i) {
        skus.push_back("S" + std::to_string(i));
        items->put(item(skus.back(), "Misc", "", {{"CS", "10"}}));
    }
    SnapshotBuilder b(items);
    b.putList(PriceList{"BASE", "Base", "USD", ListKind::Base, {}, {}});    // every SKU: direct
    b.putList(PriceList{"FEW", "Few", "USD", ListKind::Contract, {}, {}});  // a few: hashed
    for (std::size_t i = 0; i < skus.size(); ++i) {
        b.putEntry(entry("BASE", skus[i], "EA", "1", std::to_string(10 + i) + ".0000"));
        b.putEntry(entry("BASE", skus[i], "EA", "20", std::to_string(9 + i) + ".0000"));
        if (i % 37 == 0) b.putEntry(entry("FEW", skus[i], "CS", "1", "50.0000"));
    }
    b.putCustomer(CustomerPricing{"C1", "USD", {"FEW"}, Strategy::Lowest});
    b.putCustomer(CustomerPricing{"C2", "USD", {"FEW"}, Strategy::Priority});
    const Resolver resolver(build(b));

    std::vector<std::string> customers;
    std::vector<PriceRequest> requests;
    for (std::size_t i = 0; i < 900; ++i)
        customers.push_back(i / 7 % 3 == 0 ? "C1" : (i / 7 % 3 == 1 ? "C2" : "NONE"));
    for (std::size_t i = 0; i < 900; ++i) {
        requests.push_back(line(customers[i], skus[(i * 41) % skus.size()], i % 4 == 0 ? "CS" : "EA",
                                i % 5 == 0 ? "25" : "2"));
    }
    const auto all = resolver.resolveAll(requests);
    BOOST_REQUIRE(all.size() == requests.size());
    std::size_t priced = 0;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto one = resolver.resolve(requests[i]);
        BOOST_REQUIRE(one.ok() == all[i].ok());
        if (!one.ok()) {
            BOOST_TEST(one.error().message == all[i].error().message);
            continue;
        }
        ++priced;
        BOOST_TEST(describe(*one) == describe(*all[i]));
        BOOST_TEST(one->extended == all[i]->extended);
    }
    BOOST_TEST(priced > 500U);
}

// A list keeps an id of up to 15 characters beside its hot fields: the
// explanation views that copy, or the header's id when it is longer, also after
// a change copies the list into a new snapshot and the old one is gone.
BOOST_AUTO_TEST_CASE(short_and_long_list_ids_are_viewed_right_across_changes) {
    const std::string inline_id = "CONTRACT-000042";       // 15 characters: kept inline
    const std::string long_id = "CONTRACT-0000042";        // 16: read from the header
    const std::string rule_id = "GOLD-DERIVED-FROM-LONG";  // a derived list with a long id
    SnapshotBuilder b(catalogV1());
    b.putList(PriceList{"BASE", "Base", "USD", ListKind::Base, {}, {}});
    b.putList(PriceList{inline_id, "Short", "USD", ListKind::Contract, {}, {}});
    b.putList(PriceList{long_id, "Long", "USD", ListKind::Contract, {}, {}});
    b.putList(PriceList{rule_id, "Rule", "USD", ListKind::Group, {}, {}});
    b.putEntry(entry("BASE", "A", "EA", "1", "2.0000"));
    b.putEntry(entry(inline_id, "A", "EA", "1", "1.9000"));
    b.putEntry(entry(inline_id, "A", "EA", "10", "1.5000"));
    b.putEntry(entry(long_id, "A", "EA", "1", "1.8000"));
    b.putEntry(entry(long_id, "A", "EA", "20", "1.4000"));
    b.putRules(RuleList{rule_id,
                        RuleSource::List,
                        long_id,
                        {PriceRule{RuleScope::All, "", {Adjustment::Kind::PercentOff, dec("50")}}}});
    b.putCustomer(CustomerPricing{"C1", "USD", {inline_id, long_id}, Strategy::Lowest});
    b.putCustomer(CustomerPricing{"C2", "USD", {rule_id}, Strategy::Priority});

    const auto check = [&](const std::shared_ptr<const PriceSnapshot>& snapshot,
                           std::string_view long_price) {
        const Resolver resolver(snapshot);
        const auto lowest = resolver.resolve(line("C1", "A", "EA", "5"));
        BOOST_REQUIRE_MESSAGE(lowest.ok(), why(lowest));
        const auto& chain = lowest->explanation.chain;
        BOOST_REQUIRE(chain.size() == 3);
        BOOST_TEST(chain[0].list_id == inline_id);
        BOOST_TEST(chain[0].tier_list_id == inline_id);
        BOOST_TEST(chain[1].list_id == long_id);
        BOOST_TEST(chain[1].tier_list_id == long_id);
        BOOST_TEST(chain[1].unit_price == dec(long_price));
        BOOST_TEST(chain[2].list_id == "BASE");
        BOOST_REQUIRE(lowest->explanation.next_tier.has_value());
        BOOST_TEST(lowest->explanation.next_tier->list_id == inline_id);  // 10 at 1.5000
        const auto derived = resolver.resolve(line("C2", "A", "EA", "1"));
        BOOST_REQUIRE_MESSAGE(derived.ok(), why(derived));
        BOOST_TEST(derived->list_id == rule_id);
        BOOST_TEST(derived->explanation.chain[0].source_list_id == long_id);
        BOOST_TEST(derived->explanation.chain[0].tier_list_id == long_id);
        const auto ladder = resolver.tiersFor("C1", "A", "EA", day("2026-01-15"));
        BOOST_REQUIRE_MESSAGE(ladder.ok(), why(ladder));
        BOOST_REQUIRE(ladder->size() == 3);
        BOOST_TEST((*ladder)[2].list_id == long_id);  // 20 at 1.4000
    };
    auto v1 = build(b);
    check(v1, "1.8000");

    // New entries copy both lists; a new header replaces the long one's.
    SnapshotBuilder change(v1);
    change.putEntry(entry(inline_id, "B", "EA", "1", "2.9000"));
    change.putList(PriceList{long_id, "Long, renamed", "USD", ListKind::Contract, {}, {}});
    change.putEntry(entry(long_id, "A", "EA", "1", "1.7000"));
    auto v2 = build(change);
    v1.reset();  // the lists of v1 are freed: v2 must view its own copies
    check(v2, "1.7000");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
