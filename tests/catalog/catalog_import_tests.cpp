#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "crossdock/catalog/catalog_csv_importer.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dataPath;
using crossdock::catalog::test::dec;
using crossdock::catalog::test::errorLines;
using crossdock::catalog::test::fixtureTree;
using crossdock::core::Decimal;

namespace {

CatalogChangeSet importFixture(const CategoryTree& tree) {
    std::ifstream in(dataPath("catalog_valid.csv"), std::ios::binary);
    BOOST_REQUIRE(in);
    CatalogCsvImporter importer(tree);
    return importer.importAll(in, "catalog_valid.csv");
}

const Item& bySku(const std::vector<Item>& items, std::string_view sku) {
    for (const auto& item : items) {
        if (item.sku == sku) return item;
    }
    BOOST_FAIL("no item " << sku);
    throw std::logic_error("unreachable");
}

std::string valueOf(const CategoryTree& tree, const Item& item, std::string_view code) {
    auto id = tree.findAttribute(item.category, code);
    if (!id) return "<undefined>";
    const auto* value = item.attributeValue(*id);
    return value ? formatAttributeValue(tree.attribute(*id), value->data) : "<none>";
}

std::string rows(std::size_t count, std::string_view bad_every = "") {
    std::string csv = "sku,name,category_path,base_uom,status\n";
    for (std::size_t i = 1; i <= count; ++i) {
        bool bad = !bad_every.empty() && i % 3 == 0;
        csv += "SKU-" + std::to_string(i) + ",Item,Electrical,EA," +
               (bad ? std::string(bad_every) : "active") + "\n";
    }
    return csv;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog_import)

BOOST_AUTO_TEST_CASE(the_valid_fixture_imports_fully) {
    auto tree = fixtureTree();
    auto changes = importFixture(tree);
    BOOST_TEST_REQUIRE(changes.report.ok(), errorLines(changes.report));
    BOOST_TEST(changes.report.summary() == "10 rows, 10 valid");
    BOOST_TEST_REQUIRE(changes.items.size() == 10u);
    BOOST_TEST(changes.items.front().sku == "SCR-4X40");  // file order
    BOOST_TEST(changes.created_categories.empty());

    const auto& screw = bySku(changes.items, "SCR-4X40");
    BOOST_TEST(screw.name == "Wood screw 4 x 40");
    BOOST_TEST(screw.description == "Countersunk, zinc plated, \"Torx\" drive");
    BOOST_TEST(tree.category(screw.category).path == "Hardware > Fasteners > Screws");
    BOOST_TEST(screw.brand == "Spax");
    BOOST_TEST(screw.gtin == "04006381333931");
    BOOST_TEST(screw.mpn == "0191010040");
    BOOST_TEST(screw.units.baseUnit() == "EA");
    BOOST_TEST(*screw.units.factor("BX") == dec("200"));
    BOOST_TEST(*screw.units.factor("CS") == dec("2400"));
    BOOST_TEST(screw.min_order_qty == dec("200"));
    BOOST_TEST(screw.order_multiple == dec("200"));
    BOOST_TEST(*screw.cost == dec("0.0312"));
    BOOST_TEST(screw.status == ItemStatus::Active);
    BOOST_TEST(valueOf(tree, screw, "material") == "zinc");  // inherited from Hardware
    BOOST_TEST(valueOf(tree, screw, "length") == "40");
    BOOST_TEST(valueOf(tree, screw, "thread") == "4 mm");
    BOOST_TEST(valueOf(tree, screw, "head") == "flat");

    const auto& screw2 = bySku(changes.items, "SCR-5X60");
    BOOST_TEST(screw2.description == "Pan head\ntwo lines of description");
    BOOST_TEST(screw2.gtin == "00036000291452");
    BOOST_TEST(screw2.min_order_qty == dec("100"));  // defaults to the order multiple
    BOOST_TEST(screw2.status == ItemStatus::Discontinued);
    BOOST_TEST(valueOf(tree, screw2, "length") == "60.5");

    const auto& anchor = bySku(changes.items, "ANC-8");
    BOOST_TEST(tree.category(anchor.category).path == "Hardware > Fasteners > Anchors");
    BOOST_TEST(anchor.gtin == "00000096385074");
    BOOST_TEST(valueOf(tree, anchor, "load") == "25");  // "25 kg"
    BOOST_TEST(anchor.min_order_qty == dec("1"));
    BOOST_TEST(!anchor.cost.has_value());

    const auto& tape = bySku(changes.items, "TAPE-19");
    BOOST_TEST(*tape.units.convert(dec("1"), "PL", "CS") == dec("40"));
    BOOST_TEST(tape.gtin == "10614141000415");

    const auto& cable = bySku(changes.items, "CBL-SH-2X075");
    BOOST_TEST(cable.units.baseUnit() == "MTR");
    BOOST_TEST(valueOf(tree, cable, "shielded") == "true");
    BOOST_TEST(valueOf(tree, cable, "cross_section") == "0.75");

    const auto& glove = bySku(changes.items, "GLV-NIT-M-BLU");
    BOOST_TEST(glove.family == "GLV-NIT");
    BOOST_TEST(glove.status == ItemStatus::Draft);
    BOOST_TEST_REQUIRE(glove.attributes.size() == 2u);
    BOOST_TEST(glove.attributes[0].axis);
    BOOST_TEST(glove.attributes[1].axis);
    BOOST_TEST(bySku(changes.items, "GLV-WORK-XL").family.empty());
}

BOOST_AUTO_TEST_CASE(the_sink_streams_valid_rows_until_the_first_error) {
    auto tree = fixtureTree();
    std::istringstream in(rows(10, "obsolete"));  // rows 3, 6, 9 are bad
    CatalogCsvImporter importer(tree);
    std::vector<std::string> received;
    auto report = importer.run(in, "stream.csv", [&](Item&& item) { received.push_back(item.sku); });
    BOOST_TEST(report.rows == 10u);
    BOOST_TEST(report.accepted == 7u);
    BOOST_TEST(report.errors.size() == 3u);
    BOOST_TEST(received == (std::vector<std::string>{"SKU-1", "SKU-2"}), boost::test_tools::per_element());
    BOOST_TEST(report.summary() == "10 rows, 7 valid, 3 errors");
}

BOOST_AUTO_TEST_CASE(all_errors_are_collected_up_to_the_limit) {
    auto tree = fixtureTree();
    std::istringstream in(rows(600, "obsolete"));  // 200 bad rows
    ImportOptions options;
    options.max_errors = 100;
    CatalogCsvImporter importer(tree, options);
    auto changes = importer.importAll(in, "many.csv");
    BOOST_TEST(changes.report.errors.size() == 100u);
    BOOST_TEST(changes.report.error_limit_reached);
    BOOST_TEST(changes.report.rows == 300u);  // stopped right after the 100th error
    BOOST_TEST(changes.items.empty());
    BOOST_TEST(changes.report.errors.back().where == "many.csv:301 field status");
    BOOST_TEST(changes.report.summary() == "300 rows, 200 valid, 100 errors, stopped at the error limit");
}

BOOST_AUTO_TEST_CASE(duplicates_are_found_among_many_skus) {
    // Enough SKUs to make the duplicate set grow several times.
    auto tree = fixtureTree();
    std::string csv = rows(5000);
    csv += "SKU-1234,Again,Electrical,EA,active\nSKU-5000,Again,Electrical,EA,active\n";
    std::istringstream in(csv);
    CatalogCsvImporter importer(tree);
    auto report = importer.run(in, "many.csv", {});
    BOOST_TEST(errorLines(report) ==
               "many.csv:5002 field sku: duplicate SKU 'SKU-1234' (first on line 1235)\n"
               "many.csv:5003 field sku: duplicate SKU 'SKU-5000' (first on line 5001)\n");
    BOOST_TEST(report.accepted == 5000u);
}

BOOST_AUTO_TEST_CASE(progress_is_reported_every_n_rows) {
    auto tree = fixtureTree();
    std::istringstream in(rows(25));
    ImportOptions options;
    options.progress_every = 10;
    std::vector<std::size_t> calls;
    options.on_progress = [&](std::size_t done) { calls.push_back(done); };
    CatalogCsvImporter importer(tree, options);
    auto report = importer.run(in, "progress.csv", {});
    BOOST_TEST(report.ok());
    BOOST_TEST(report.accepted == 25u);
    BOOST_TEST(calls == (std::vector<std::size_t>{10, 20}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_categories_can_be_created_when_asked) {
    auto tree = fixtureTree();
    const std::string csv =
        "sku,name,category_path,base_uom,attr:material\n"
        "N-1,Nail,Hardware > Nails > Steel,EA,steel\n"
        "N-2,Nail,Hardware>Nails,EA,\n"
        "P-1,Paint,Paint,EA,\n";
    std::istringstream strict_in(csv);
    CatalogCsvImporter strict(tree);
    auto refused = strict.importAll(strict_in, "new.csv");
    BOOST_TEST(errorLines(refused.report) ==
               "new.csv:2 field category_path: unknown category 'Hardware > Nails > Steel'\n"
               "new.csv:3 field category_path: unknown category 'Hardware > Nails'\n"
               "new.csv:4 field category_path: unknown category 'Paint'\n");

    ImportOptions options;
    options.create_missing_categories = true;
    std::istringstream in(csv);
    CatalogCsvImporter creating(tree, options);
    auto changes = creating.importAll(in, "new.csv");
    BOOST_TEST_REQUIRE(changes.report.ok(), errorLines(changes.report));
    BOOST_TEST(tree.size() == 8u);  // the caller's tree is untouched
    const auto& grown = creating.tree();
    BOOST_TEST(grown.size() == 11u);
    std::vector<std::string> created;
    for (auto id : changes.created_categories) created.push_back(grown.category(id).path);
    BOOST_TEST(created == (std::vector<std::string>{"Hardware > Nails", "Hardware > Nails > Steel", "Paint"}),
               boost::test_tools::per_element());
    BOOST_TEST(grown.indexed());
    BOOST_TEST(grown.isInSubtree(changes.items[0].category, *grown.find("Hardware")));
    BOOST_TEST(valueOf(grown, changes.items[0], "material") == "steel");  // inherited by the new category
}

BOOST_AUTO_TEST_CASE(a_bom_and_crlf_line_ends_are_fine) {
    auto tree = fixtureTree();
    std::istringstream in(
        "\xEF\xBB\xBFsku,name,category_path,base_uom\r\nA-1,One,Electrical,EA\r\n\r\nA-2,Two,Electrical,EA");
    CatalogCsvImporter importer(tree);
    auto changes = importer.importAll(in, "crlf.csv");
    BOOST_TEST_REQUIRE(changes.report.ok(), errorLines(changes.report));
    BOOST_TEST(changes.items.size() == 2u);
    BOOST_TEST(changes.items[1].sku == "A-2");
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_an_error) {
    auto tree = fixtureTree();
    std::istringstream in("");
    CatalogCsvImporter importer(tree);
    auto report = importer.run(in, "empty.csv", {});
    BOOST_TEST(errorLines(report) == "empty.csv:1: empty file: expected a header row\n");
    std::istringstream header_only("sku,name,category_path,base_uom\n");
    CatalogCsvImporter again(tree);
    auto nothing = again.run(header_only, "header.csv", {});
    BOOST_TEST(nothing.ok());
    BOOST_TEST(nothing.rows == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
