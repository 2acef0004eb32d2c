// Every BMEcat document of the public corpus, read in place, without and with XSD
// validation, against tests/data/bmecat/corpus_expectations.txt. A line there:
//   <file relative to the corpus bmecat folder> <plain|xsd> ok <items> <prices> <deleted>
//   <file relative to the corpus bmecat folder> <plain|xsd> error <text the first error contains>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "bmecat_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock;
using namespace crossdock::edi::bmecat;
using namespace crossdock::edi::bmecat::testing;

namespace {

std::map<std::string, std::string> loadExpectations() {
    std::map<std::string, std::string> table;
    std::ifstream in(kData / "corpus_expectations.txt");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.front() == '#') continue;
        auto first = line.find(' ');
        auto second = line.find(' ', first + 1);
        table[line.substr(0, second)] = line.substr(second + 1);
    }
    return table;
}

std::string actual(const Outcome& outcome) {
    if (outcome.report.ok()) {
        return "ok " + std::to_string(outcome.items.size()) + " " + std::to_string(outcome.prices.size()) +
               " " + std::to_string(outcome.deleted.size());
    }
    return "error " + outcome.report.errors.front().message;
}

bool matches(const std::string& expected, const std::string& got) {
    if (expected.rfind("error ", 0) == 0)
        return got.rfind("error ", 0) == 0 && got.find(expected.substr(6)) != std::string::npos;
    return expected == got;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_corpus_document_has_its_listed_outcome) {
    if (!fs::exists(kCorpus)) {
        BOOST_TEST_MESSAGE("corpus not found at " << kCorpus << ": nothing to check");
        return;
    }
    auto expectations = loadExpectations();
    std::size_t checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
        if (entry.path().extension() != ".xml") continue;
        const std::string file = fs::relative(entry.path(), kCorpus).string();
        for (std::string mode : {"plain", "xsd"}) {
            BmecatOptions options;
            if (mode == "xsd") options.schema_dir = kSchemaDir.string();
            auto outcome = importText(readFile(entry.path()), catalog::CategoryTree{}, options, file);
            const std::string got = actual(outcome);
            auto expected = expectations.find(file + " " + mode);
            BOOST_TEST_CONTEXT(file << " " << mode << ": got '" << got << "'\n"
                                    << describeErrors(outcome.report)) {
                BOOST_CHECK_MESSAGE(expected != expectations.end(),
                                    "no expectation for " << file << " " << mode);
                if (expected != expectations.end()) BOOST_TEST(matches(expected->second, got));
            }
            ++checked;
        }
    }
    BOOST_TEST(checked == expectations.size(), "every expectation names a corpus file");
}
