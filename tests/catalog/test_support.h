#pragma once

// Helpers shared by the catalog_tests files.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "crossdock/catalog/category_csv_importer.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/import_report.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/decimal.h"

namespace crossdock::core {

// Let BOOST_TEST print these when a comparison fails.
inline std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) {
    return os << d.toShortString();
}
inline std::ostream& boost_test_print_type(std::ostream& os, ErrorCode code) { return os << toString(code); }

}  // namespace crossdock::core

namespace crossdock::catalog {

inline std::ostream& boost_test_print_type(std::ostream& os, ItemStatus s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, AttributeType t) { return os << toString(t); }

}  // namespace crossdock::catalog

namespace crossdock::catalog::test {

/// tests/data/catalog/<relative>.
inline std::string dataPath(std::string_view relative) {
    return std::string(CROSSDOCK_CATALOG_TEST_DATA) + "/" + std::string(relative);
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// A literal the test knows to be a valid decimal.
inline core::Decimal dec(std::string_view text) {
    auto parsed = core::Decimal::parse(text);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "test literal does not parse: " << text);
    return *parsed;
}

/// Every error of a report, one "where: message" per line.
inline std::string errorLines(const ImportReport& report) {
    std::string out;
    for (const auto& error : report.errors) out += error.where + ": " + error.message + "\n";
    return out;
}

/// The tree of tests/data/catalog/categories.csv.
inline CategoryTree fixtureTree() {
    std::ifstream in(dataPath("categories.csv"), std::ios::binary);
    BOOST_REQUIRE(in);
    CategoryCsvImporter importer(CategoryTree{});
    auto report = importer.run(in, "categories.csv");
    BOOST_REQUIRE_MESSAGE(report.ok(), errorLines(report));
    return importer.takeTree();
}

}  // namespace crossdock::catalog::test
