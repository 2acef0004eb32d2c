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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
