#pragma once

// Helpers shared by the BMEcat test files.

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "crossdock/catalog/category_csv_importer.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/edi/bmecat/bmecat_importer.h"

namespace crossdock::core {
// Found by argument-dependent lookup when Boost.Test prints a failed comparison.
inline std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) { return os << d.toString(); }
}  // namespace crossdock::core

namespace crossdock::edi::bmecat::testing {

inline const std::filesystem::path kData = CROSSDOCK_BMECAT_TEST_DATA;
inline const std::filesystem::path kCorpus = CROSSDOCK_BMECAT_CORPUS;
/// Where the corpus keeps the BMEcat 2005.1 / 2005.2 XSDs.
inline const std::filesystem::path kSchemaDir = kCorpus / "naugrimm-bmecat";

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The categories and attributes of tests/data/bmecat/categories.csv.
inline catalog::CategoryTree fixtureTree() {
    catalog::CategoryCsvImporter importer(catalog::CategoryTree{});
    std::istringstream in(readFile(kData / "categories.csv"));
    auto report = importer.run(in, "categories.csv");
    if (!report.ok()) throw std::runtime_error("bad fixture: " + report.errors.front().describe());
    auto tree = importer.takeTree();
    tree.reindex();
    return tree;
}

/// Everything one run produced.
struct Outcome {
    catalog::ImportReport report;
    std::vector<catalog::Item> items;
    std::vector<PriceRow> prices;
    std::vector<std::string> deleted;
    std::vector<std::string> created_paths;
    std::size_t ignored_features = 0;
    DocumentInfo document;
    catalog::CategoryTree tree;
};

inline Outcome importText(const std::string& text, const catalog::CategoryTree& tree,
                          BmecatOptions options = {}, const std::string& source = "doc.xml") {
    BmecatImporter importer(tree, std::move(options));
    Outcome outcome;
    std::istringstream in(text);
    BmecatSinks sinks;
    sinks.items = [&](catalog::Item&& item) { outcome.items.push_back(std::move(item)); };
    sinks.prices = [&](PriceRow&& row) { outcome.prices.push_back(std::move(row)); };
    outcome.report = importer.run(in, source, sinks);
    outcome.deleted = importer.deletedSkus();
    for (auto id : importer.createdCategories())
        outcome.created_paths.push_back(importer.tree().category(id).path);
    outcome.ignored_features = importer.ignoredFeatures();
    outcome.document = importer.document();
    outcome.tree = importer.tree();
    return outcome;
}

/// "where: message" per error, one a line.
inline std::string describeErrors(const catalog::ImportReport& report) {
    std::string out;
    for (const auto& error : report.errors) out += error.where + ": " + error.message + "\n";
    return out;
}

}  // namespace crossdock::edi::bmecat::testing
