// The catalog repository: what is written comes back whole, writes are all or
// nothing, and every commit moves the version other instances poll.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "crossdock/storage/catalog_repositories.h"
#include "test_database.h"

using namespace crossdock;
using crossdock::storage::testing::MigratedStore;

namespace {

core::Decimal dec(const char* text) { return *core::Decimal::parse(text); }

/// Hardware > Fasteners with a required number attribute, an enum and a boolean.
catalog::CategoryTree sampleTree() {
    catalog::CategoryTree tree;
    auto fasteners = *tree.addPath("Hardware > Fasteners");
    catalog::AttributeDefinition length;
    length.code = "length";
    length.type = catalog::AttributeType::Number;
    length.unit = "mm";
    length.required = true;
    length.filterable = true;
    catalog::AttributeDefinition material;
    material.code = "material";
    material.type = catalog::AttributeType::Enum;
    material.allowed_values = {"steel", "brass"};
    material.filterable = true;
    material.searchable = true;
    catalog::AttributeDefinition coated;
    coated.code = "coated";
    coated.type = catalog::AttributeType::Boolean;
    BOOST_REQUIRE(tree.defineAttribute(fasteners, length));
    BOOST_REQUIRE(tree.defineAttribute(fasteners, material));
    BOOST_REQUIRE(tree.defineAttribute(*tree.find("Hardware"), coated));
    (void)tree.addPath("Tools");
    tree.reindex();
    return tree;
}

catalog::Item sampleItem(const catalog::CategoryTree& tree, const std::string& sku) {
    catalog::Item item;
    item.sku = sku;
    item.name = "Hex bolt M10 x 50, 'zinc' \"plated\" — ÄÖÜ";
    item.description = "line one\nline two";
    item.brand = "Boltwright";
    item.gtin = "00860137000027";
    item.mpn = "BW-10";
    item.category = *tree.find("Hardware > Fasteners");
    item.units = core::UnitConversions("EA");
    BOOST_REQUIRE(item.units.addLevel("CS", dec("12")));
    BOOST_REQUIRE(item.units.addLevel("PL", dec("480")));
    item.min_order_qty = dec("12");
    item.order_multiple = dec("12");
    item.cost = dec("0.1234");
    item.setAttribute({*tree.findAttribute(item.category, "length"), false, dec("50")});
    item.setAttribute({*tree.findAttribute(item.category, "material"), false, catalog::EnumChoice{1}});
    item.setAttribute({*tree.findAttribute(item.category, "coated"), false, true});
    return item;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(catalog_repository, MigratedStore)

BOOST_AUTO_TEST_CASE(an_empty_catalog_loads_empty) {
    auto repository = storage::makeCatalogRepository(*store);
    catalog::CatalogData data = repository->load();
    BOOST_TEST(data.items.empty());
    BOOST_TEST(data.tree.size() == 0U);
    BOOST_TEST(data.version == repository->version());
}

BOOST_AUTO_TEST_CASE(tree_items_stock_assortments_and_part_numbers_round_trip) {
    auto repository = storage::makeCatalogRepository(*store);
    const catalog::CategoryTree tree = sampleTree();
    const catalog::Item bolt = sampleItem(tree, "BLT-10");
    catalog::Item draft = sampleItem(tree, "BLT-11");
    draft.status = catalog::ItemStatus::Draft;
    draft.cost.reset();
    {
        auto write = repository->begin();
        write->saveTree(tree);
        write->putItem(bolt, tree);
        write->putItem(draft, tree);
        write->setStock("BLT-10", {"MAIN", dec("100"), dec("4"), core::Date::parse("2026-12-01").value()});
        write->setStock("BLT-10", {"EAST", dec("-3"), dec("0"), std::nullopt});
        write->replaceAssortments(
            {{"FASTENERS", "category", "Hardware > Fasteners"}, {"FASTENERS", "sku", "X-1"}});
        write->assignAssortments({"ACME", {"FASTENERS"}});
        write->putPartNumber({"ACME", "AC-100", "BLT-10"});
        write->commit();
    }
    catalog::CatalogData data = repository->load();
    BOOST_TEST(data.tree.size() == tree.size());
    BOOST_TEST(data.tree.attributeCount() == tree.attributeCount());
    BOOST_TEST(
        (data.tree.attribute(*data.tree.findAttribute(*data.tree.find("Hardware > Fasteners"), "material"))
             .allowed_values == std::vector<std::string>({"steel", "brass"})));
    BOOST_REQUIRE(data.items.size() == 2U);
    const catalog::Item& loaded = data.items[0];
    BOOST_TEST(loaded.sku == "BLT-10");
    BOOST_TEST(loaded.name == bolt.name);
    BOOST_TEST(loaded.description == bolt.description);
    BOOST_TEST((*loaded.units.factor("PL") == dec("480")));
    BOOST_TEST((loaded.min_order_qty == dec("12")));
    BOOST_TEST((*loaded.cost == dec("0.1234")));
    BOOST_TEST(loaded.attributes.size() == 3U);
    BOOST_TEST(data.tree.category(loaded.category).path == "Hardware > Fasteners");
    BOOST_TEST((data.items[1].status == catalog::ItemStatus::Draft));
    BOOST_TEST(!data.items[1].cost.has_value());
    BOOST_REQUIRE(data.stock.size() == 2U);
    BOOST_TEST(data.stock[0].second.warehouse == "EAST");
    BOOST_TEST((data.stock[0].second.on_hand == dec("-3")));
    BOOST_TEST(data.stock[1].second.next_receipt->toString() == "2026-12-01");
    BOOST_TEST(data.assortment_rules.size() == 2U);
    BOOST_REQUIRE(data.customer_assortments.size() == 1U);
    BOOST_TEST((data.customer_assortments[0].assortments == std::vector<std::string>({"FASTENERS"})));
    BOOST_REQUIRE(data.part_numbers.size() == 1U);
    BOOST_TEST(data.part_numbers[0].sku == "BLT-10");
}

BOOST_AUTO_TEST_CASE(put_item_replaces_the_stored_item_with_the_same_sku) {
    auto repository = storage::makeCatalogRepository(*store);
    const catalog::CategoryTree tree = sampleTree();
    catalog::Item bolt = sampleItem(tree, "BLT-10");
    auto write = repository->begin();
    write->saveTree(tree);
    write->putItem(bolt, tree);
    bolt.name = "renamed";
    bolt.category = *tree.find("Tools");
    bolt.attributes.clear();
    write->putItem(bolt, tree);
    write->commit();
    auto data = repository->load();
    BOOST_REQUIRE(data.items.size() == 1U);
    BOOST_TEST(data.items[0].name == "renamed");
    BOOST_TEST(data.tree.category(data.items[0].category).path == "Tools");
}

BOOST_AUTO_TEST_CASE(a_write_without_commit_leaves_nothing_and_keeps_the_version) {
    auto repository = storage::makeCatalogRepository(*store);
    const std::int64_t before = repository->version();
    const catalog::CategoryTree tree = sampleTree();
    {
        auto write = repository->begin();
        write->saveTree(tree);
        write->putItem(sampleItem(tree, "BLT-10"), tree);
    }
    BOOST_TEST(repository->load().items.empty());
    BOOST_TEST(repository->version() == before);
    auto write = repository->begin();
    write->saveTree(tree);
    write->commit();
    BOOST_TEST(repository->version() == before + 1);
}

BOOST_AUTO_TEST_CASE(a_second_store_on_the_same_database_sees_committed_writes) {
    auto other_store = database.openMigrated();
    auto repository = storage::makeCatalogRepository(*store);
    auto other = storage::makeCatalogRepository(*other_store);
    const catalog::CategoryTree tree = sampleTree();
    auto write = repository->begin();
    write->saveTree(tree);
    write->putItem(sampleItem(tree, "BLT-10"), tree);
    write->commit();
    BOOST_TEST(other->version() == repository->version());
    BOOST_TEST(other->load().items.size() == 1U);
}

BOOST_AUTO_TEST_CASE(concurrent_writers_take_turns_and_every_commit_counts) {
    auto repository = storage::makeCatalogRepository(*store);
    const catalog::CategoryTree tree = sampleTree();
    {
        auto write = repository->begin();
        write->saveTree(tree);
        write->commit();
    }
    const std::int64_t before = repository->version();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                auto write = repository->begin();
                write->putItem(sampleItem(tree, "T" + std::to_string(t) + "-" + std::to_string(i)), tree);
                write->commit();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(repository->version() == before + 20);
    BOOST_TEST(repository->load().items.size() == 20U);
}

BOOST_AUTO_TEST_SUITE_END()
