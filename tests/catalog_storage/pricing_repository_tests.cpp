// The pricing repository: lists, tiers, rules and chains round-trip; an entry
// with the same key is replaced; commits move the version.
#include <boost/test/unit_test.hpp>

#include "crossdock/storage/catalog_repositories.h"
#include "test_database.h"

using namespace crossdock;
using crossdock::storage::testing::MigratedStore;

namespace {

core::Decimal dec(const char* text) { return *core::Decimal::parse(text); }
core::Date day(const char* text) { return *core::Date::parse(text); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pricing_repository, MigratedStore)

BOOST_AUTO_TEST_CASE(lists_entries_rules_and_customers_round_trip) {
    auto repository = storage::makePricingRepository(*store);
    const std::int64_t before = repository->version();
    auto write = repository->begin();
    write->putList({"BASE", "List prices", "USD", pricing::ListKind::Base, std::nullopt, std::nullopt});
    write->putList({"GOLD", "Gold", "USD", pricing::ListKind::Group, day("2026-01-01"), day("2027-12-31")});
    write->putEntry({"BASE", "BLT-10", "EA", dec("1"), dec("0.1400"), std::nullopt, std::nullopt, "USD"});
    write->putEntry({"BASE", "BLT-10", "EA", dec("100"), dec("0.1200"), std::nullopt, std::nullopt, "USD"});
    write->putEntry(
        {"BASE", "BLT-10", "CS", dec("1"), dec("1.5000"), day("2026-02-01"), day("2026-03-01"), ""});
    pricing::RuleList rules{"GOLD", pricing::RuleSource::List, "BASE", {}};
    rules.rules.push_back({pricing::RuleScope::Category,
                           "Hardware > Fasteners",
                           {pricing::Adjustment::Kind::PercentOff, dec("12.5")}});
    rules.rules.push_back({pricing::RuleScope::All, "", {pricing::Adjustment::Kind::Markup, dec("3")}});
    write->putRules(rules);
    write->putCustomer({"ACME", "USD", {"GOLD"}, pricing::Strategy::Lowest});
    const std::int64_t committed = write->commit();
    BOOST_TEST(committed == before + 1);
    BOOST_TEST(repository->version() == committed);

    pricing::PricingData data = repository->load();
    BOOST_REQUIRE(data.lists.size() == 2U);
    BOOST_TEST(data.lists[1].id == "GOLD");
    BOOST_TEST(data.lists[1].valid_to->toString() == "2027-12-31");
    BOOST_REQUIRE(data.entries.size() == 3U);
    BOOST_TEST(data.entries[0].uom == "CS");  // ordered by list, sku, uom, min_qty
    BOOST_TEST(data.entries[0].valid_from->toString() == "2026-02-01");
    BOOST_TEST((data.entries[2].min_qty == dec("100")));
    BOOST_TEST((data.entries[2].unit_price == dec("0.12")));
    BOOST_REQUIRE(data.rule_lists.size() == 1U);
    BOOST_REQUIRE(data.rule_lists[0].rules.size() == 2U);
    BOOST_TEST(data.rule_lists[0].rules[0].value == "Hardware > Fasteners");
    BOOST_TEST((data.rule_lists[0].rules[0].adjustment.percent == dec("12.5")));
    BOOST_TEST((data.rule_lists[0].rules[1].adjustment.kind == pricing::Adjustment::Kind::Markup));
    BOOST_REQUIRE(data.customers.size() == 1U);
    BOOST_TEST((data.customers[0].chain == std::vector<std::string>({"GOLD"})));
    BOOST_TEST((data.customers[0].strategy == pricing::Strategy::Lowest));
}

BOOST_AUTO_TEST_CASE(an_entry_with_the_same_key_is_replaced_and_clear_removes_a_lists_entries) {
    auto repository = storage::makePricingRepository(*store);
    {
        auto write = repository->begin();
        write->putList({"BASE", "List", "USD", pricing::ListKind::Base, std::nullopt, std::nullopt});
        write->putEntry({"BASE", "A", "EA", dec("1"), dec("2"), std::nullopt, std::nullopt, ""});
        write->putEntry({"BASE", "A", "EA", dec("1"), dec("3"), std::nullopt, day("2030-01-01"), ""});
        write->commit();
    }
    auto data = repository->load();
    BOOST_REQUIRE(data.entries.size() == 1U);
    BOOST_TEST((data.entries[0].unit_price == dec("3")));
    auto write = repository->begin();
    write->clearEntries("BASE");
    write->commit();
    BOOST_TEST(repository->load().entries.empty());
}

BOOST_AUTO_TEST_CASE(entries_load_in_batches_without_loss) {
    auto repository = storage::makePricingRepository(*store);
    auto write = repository->begin();
    write->putList({"BASE", "List", "USD", pricing::ListKind::Base, std::nullopt, std::nullopt});
    // More than one load batch (50,000), with several tiers per SKU to exercise the row-value cursor.
    for (int sku = 0; sku < 20'001; ++sku) {
        for (int tier = 1; tier <= 3; ++tier) {
            write->putEntry({"BASE", "SKU-" + std::to_string(sku), "EA", core::Decimal::fromInt(tier * 10),
                             core::Decimal::fromInt(tier), std::nullopt, std::nullopt, ""});
        }
    }
    write->commit();
    BOOST_TEST(repository->load().entries.size() == 60'003U);
}

BOOST_AUTO_TEST_CASE(an_uncommitted_write_is_rolled_back) {
    auto repository = storage::makePricingRepository(*store);
    {
        auto write = repository->begin();
        write->putList({"BASE", "List", "USD", pricing::ListKind::Base, std::nullopt, std::nullopt});
    }
    BOOST_TEST(repository->load().lists.empty());
}

BOOST_AUTO_TEST_SUITE_END()
