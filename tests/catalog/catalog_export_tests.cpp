#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crossdock/catalog/catalog_csv_exporter.h"
#include "crossdock/catalog/catalog_csv_importer.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dataPath;
using crossdock::catalog::test::dec;
using crossdock::catalog::test::errorLines;
using crossdock::catalog::test::fixtureTree;
using crossdock::core::ErrorCode;

namespace {

std::vector<Item> importText(const CategoryTree& tree, const std::string& text, const char* source) {
    std::istringstream in(text);
    CatalogCsvImporter importer(tree);
    auto changes = importer.importAll(in, source);
    BOOST_TEST_REQUIRE(changes.report.ok(), errorLines(changes.report));
    return std::move(changes.items);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog_export)

BOOST_AUTO_TEST_CASE(export_of_an_import_imports_to_the_same_items) {
    const auto tree = fixtureTree();
    const auto original =
        importText(tree, test::readFile(dataPath("catalog_valid.csv")), "catalog_valid.csv");
    std::ostringstream exported;
    exportCatalogCsv(exported, tree, original);
    const auto again = importText(tree, exported.str(), "exported.csv");
    BOOST_TEST_REQUIRE(again.size() == original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        BOOST_TEST_CONTEXT(original[i].sku) { BOOST_TEST((again[i] == original[i])); }
    }
    // And the text is a fixed point.
    std::ostringstream twice;
    exportCatalogCsv(twice, tree, again);
    BOOST_TEST(twice.str() == exported.str());
}

BOOST_AUTO_TEST_CASE(exported_text_is_canonical) {
    const auto tree = fixtureTree();
    const auto items =
        importText(tree,
                   "sku,name,category_path,base_uom,gtin,pack_uom,pack_qty,attr:length,attr:head\n"
                   "S-1,\"Screw, \"\"flat\"\"\",Hardware>Fasteners>Screws,EA,036000291452,CS,12.00,"
                   "40.50 mm,flat\n",
                   "in.csv");
    std::ostringstream out;
    exportCatalogCsv(out, tree, items);
    BOOST_TEST(
        out.str() ==
        "sku,name,category_path,base_uom,description,brand,gtin,mpn,min_order_qty,order_multiple,cost,status,"
        "pack_uom,pack_qty,attr:length,attr:head\n"
        "S-1,\"Screw, \"\"flat\"\"\",Hardware > Fasteners > Screws,EA,,,00036000291452,,1,1,,active,CS,12,"
        "40.5,flat\n");
}

BOOST_AUTO_TEST_CASE(a_streaming_writer_refuses_items_its_header_cannot_hold) {
    const auto tree = fixtureTree();
    std::ostringstream out;
    CatalogCsvWriter writer(out, tree,
                            CatalogCsvColumns{.pack_levels = 1, .families = false, .attribute_codes = {}});
    Item item;
    item.sku = "X-1";
    item.name = "X";
    item.category = *tree.find("Electrical");
    BOOST_TEST(writer.write(item).ok());
    BOOST_TEST_REQUIRE(item.units.addLevel("CS", dec("12")).ok());
    BOOST_TEST_REQUIRE(item.units.addLevel("PL", dec("480")).ok());
    auto refused = writer.write(item);
    BOOST_TEST(refused.error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(refused.error().message == "cannot export SKU 'X-1': more pack levels than the header has");
    auto all = CatalogCsvColumns::forTree(tree, 2, true);
    BOOST_TEST(all.attribute_codes.size() == tree.attributeCount());  // every code is distinct in the fixture
}

BOOST_AUTO_TEST_SUITE_END()
