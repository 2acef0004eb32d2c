// Data-driven: every tests/data/catalog/errors/<case>.csv is imported against the
// fixture categories and must give exactly the errors of <case>.expected (one
// "where: message" per line); likewise category_errors/ for the categories CSV.
// A case without its .expected file fails and writes <case>.actual to review.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "crossdock/catalog/catalog_csv_importer.h"
#include "crossdock/catalog/category_csv_importer.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dataPath;
using crossdock::catalog::test::errorLines;
using crossdock::catalog::test::fixtureTree;
using crossdock::catalog::test::readFile;
using crossdock::core::ErrorCode;

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> casesIn(const std::string& folder) {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(dataPath(folder))) {
        if (entry.path().extension() == ".csv") cases.push_back(entry.path());
    }
    std::sort(cases.begin(), cases.end());
    BOOST_REQUIRE(!cases.empty());
    return cases;
}

void compareWithExpected(const fs::path& csv, const ImportReport& report) {
    BOOST_TEST(!report.ok());
    for (const auto& error : report.errors) BOOST_TEST(error.code == ErrorCode::InvalidArgument);
    auto expected_path = fs::path(csv).replace_extension(".expected");
    const std::string actual = errorLines(report);
    if (!fs::exists(expected_path)) {
        std::ofstream(fs::path(csv).replace_extension(".actual"), std::ios::binary) << actual;
        BOOST_ERROR("missing " << expected_path.string() << "; wrote .actual to review");
        return;
    }
    BOOST_TEST(actual == readFile(expected_path.string()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog_import_errors)

BOOST_AUTO_TEST_CASE(each_bad_catalog_file_gives_its_positioned_errors) {
    const auto tree = fixtureTree();
    for (const auto& csv : casesIn("errors")) {
        BOOST_TEST_CONTEXT(csv.filename().string()) {
            std::ifstream in(csv, std::ios::binary);
            CatalogCsvImporter importer(tree);
            auto changes = importer.importAll(in, csv.filename().string());
            BOOST_TEST(changes.items.empty());  // nothing of a bad file is handed over
            compareWithExpected(csv, changes.report);
        }
    }
}

BOOST_AUTO_TEST_CASE(each_bad_categories_file_gives_its_positioned_errors) {
    for (const auto& csv : casesIn("category_errors")) {
        BOOST_TEST_CONTEXT(csv.filename().string()) {
            std::ifstream in(csv, std::ios::binary);
            CategoryCsvImporter importer(CategoryTree{});
            compareWithExpected(csv, importer.run(in, csv.filename().string()));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
