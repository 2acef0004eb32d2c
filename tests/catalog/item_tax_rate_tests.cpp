// The catalog CSV column tax_rate: parsed (0..100, up to 4 fraction digits, empty = none),
// exported only when an item has one, and round-tripped.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "crossdock/catalog/catalog_csv_exporter.h"
#include "crossdock/catalog/catalog_csv_importer.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dec;
using crossdock::catalog::test::errorLines;
using crossdock::catalog::test::fixtureTree;

namespace {

CatalogChangeSet importText(const CategoryTree& tree, const std::string& text) {
    std::istringstream in(text);
    CatalogCsvImporter importer(tree);
    return importer.importAll(in, "in.csv");
}

const std::string kHeader = "sku,name,category_path,base_uom,tax_rate\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(item_tax_rate)

BOOST_AUTO_TEST_CASE(a_rate_is_read_and_an_empty_cell_means_the_default) {
    const auto tree = fixtureTree();
    auto imported = importText(tree, kHeader +
                                         "A,a,Hardware,EA,8.875\nB,b,Hardware,EA,\nC,c,Hardware,EA,0\n"
                                         "D,d,Hardware,EA,100\n");
    BOOST_TEST_REQUIRE(imported.report.ok(), errorLines(imported.report));
    BOOST_TEST_REQUIRE(imported.items.size() == 4u);
    BOOST_TEST((imported.items[0].tax_rate == dec("8.875")));
    BOOST_TEST(!imported.items[1].tax_rate.has_value());
    BOOST_TEST((imported.items[2].tax_rate == dec("0")));
    BOOST_TEST((imported.items[3].tax_rate == dec("100")));
}

BOOST_AUTO_TEST_CASE(a_rate_outside_0_to_100_or_too_precise_is_an_error_at_its_field) {
    const auto tree = fixtureTree();
    auto imported = importText(tree, kHeader +
                                         "A,a,Hardware,EA,-1\nB,b,Hardware,EA,100.0001\n"
                                         "C,c,Hardware,EA,8.87501\nD,d,Hardware,EA,x\n");
    BOOST_TEST(!imported.report.ok());
    const std::string errors = errorLines(imported.report);
    BOOST_TEST(errors.find("in.csv:2 field tax_rate") != std::string::npos, errors);
    BOOST_TEST(errors.find("in.csv:3 field tax_rate") != std::string::npos, errors);
    BOOST_TEST(errors.find("between 0 and 100") != std::string::npos, errors);
    BOOST_TEST(errors.find("in.csv:4 field tax_rate") != std::string::npos, errors);
    BOOST_TEST(errors.find("in.csv:5 field tax_rate") != std::string::npos, errors);
}

BOOST_AUTO_TEST_CASE(the_export_has_the_column_only_when_an_item_has_a_rate_and_round_trips) {
    const auto tree = fixtureTree();
    auto without = importText(tree, kHeader + "A,a,Hardware,EA,\n");
    std::ostringstream plain;
    exportCatalogCsv(plain, tree, without.items);
    BOOST_TEST(plain.str().find("tax_rate") == std::string::npos, plain.str());

    auto with = importText(tree, kHeader + "A,a,Hardware,EA,19\nB,b,Hardware,EA,\n");
    BOOST_TEST_REQUIRE(with.report.ok(), errorLines(with.report));
    std::ostringstream out;
    exportCatalogCsv(out, tree, with.items);
    BOOST_TEST(out.str().find(",status,tax_rate") != std::string::npos, out.str());
    auto again = importText(tree, out.str());
    BOOST_TEST_REQUIRE(again.report.ok(), errorLines(again.report));
    BOOST_TEST_REQUIRE(again.items.size() == 2u);
    BOOST_TEST((again.items[0] == with.items[0]));
    BOOST_TEST((again.items[1] == with.items[1]));
    BOOST_TEST((again.items[0].tax_rate == dec("19")));

    CatalogCsvWriter narrow(out, tree, CatalogCsvColumns{});
    BOOST_TEST(!narrow.write(with.items[0]).ok());  // the header cannot hold its rate
}

BOOST_AUTO_TEST_SUITE_END()
