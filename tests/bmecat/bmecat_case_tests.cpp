// Data-driven cases: tests/data/bmecat/cases/<case>.xml is imported (no XSD, the
// categories of tests/data/bmecat/categories.csv) and must produce exactly the errors
// of <case>.expected, one "where: message" a line (an empty file: the import is ok).
// A new case is a new pair of files.
#include <boost/test/unit_test.hpp>

#include "bmecat_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock;
using namespace crossdock::edi::bmecat;
using namespace crossdock::edi::bmecat::testing;

BOOST_AUTO_TEST_CASE(every_case_reports_exactly_its_expected_errors) {
    const auto tree = fixtureTree();
    std::size_t cases = 0;
    for (const auto& entry : fs::directory_iterator(kData / "cases")) {
        if (entry.path().extension() != ".xml") continue;
        ++cases;
        const std::string name = entry.path().stem().string();
        auto outcome = importText(readFile(entry.path()), tree, {}, name + ".xml");
        auto expected_path = fs::path(entry.path()).replace_extension(".expected");
        BOOST_TEST_CONTEXT("case " << name) {
            BOOST_REQUIRE_MESSAGE(fs::exists(expected_path), "missing " << expected_path << "; got:\n"
                                                                        << describeErrors(outcome.report));
            BOOST_TEST(describeErrors(outcome.report) == readFile(expected_path));
            if (outcome.report.ok()) BOOST_TEST(outcome.report.accepted == outcome.report.rows);
            // The sink stops at the first error, as the CSV importer's does.
            BOOST_TEST(outcome.items.size() <= outcome.report.accepted);
        }
    }
    BOOST_TEST(cases >= 10u);
}
