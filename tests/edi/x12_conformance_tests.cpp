// edi_conformance: every X12 file of the public corpus is parsed or rejected as
// tests/data/x12/corpus_expectations.txt says. The corpus is read in place from
// CROSSDOCK_CORPUS_DIR (../shared/corpus), never copied. When it is absent the binary
// prints why and exits 77, which CTest reports as skipped (not passed).
//
// An expectation line: <file> <verdict> [<error>...] [warnings=<n>]  # reason
//   verdict accept: no error (warnings allowed); reject: exactly the listed errors;
//   fatal: reading stops with the listed error. An error is
//   <scope>:<code>@<segment id>[<segment number>].<element>, or @end for the end of input.

#define BOOST_TEST_MODULE edi_conformance
#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crossdock/edi/x12/json.h"
#include "x12_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock::edi::x12;
using crossdock::edi::x12::testing::readFile;

namespace {

const fs::path kCorpus = CROSSDOCK_CORPUS_DIR;

struct Expectation {
    std::string verdict;
    std::vector<std::string> errors;
    long warnings = -1;  // -1: not checked
};

std::map<std::string, Expectation> loadExpectations() {
    std::map<std::string, Expectation> table;
    std::istringstream lines(readFile(testing::testData() / "corpus_expectations.txt"));
    std::string line;
    while (std::getline(lines, line)) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::string file;
        Expectation expectation;
        if (!(words >> file >> expectation.verdict)) continue;
        for (std::string word; words >> word;) {
            if (word.rfind("warnings=", 0) == 0) {
                expectation.warnings = std::stol(word.substr(9));
            } else {
                expectation.errors.push_back(word);
            }
        }
        std::sort(expectation.errors.begin(), expectation.errors.end());
        table[file] = expectation;
    }
    return table;
}

std::string spec(const Issue& issue) {
    const Location& at = issue.location;
    std::string where =
        at.segment_id.empty() && at.element == 0
            ? std::string("end")
            : at.segment_id + "[" + std::to_string(at.file_segment) + "]." + std::to_string(at.element);
    return std::string(toString(issue.scope())) + ":" + std::string(issue.codeText()) + "@" + where;
}

// The x12 rows of MANIFEST.md, and the X12 payload the AS2 captures carry.
std::set<std::string> manifestX12Files() {
    std::set<std::string> files;
    std::istringstream lines(readFile(kCorpus / "MANIFEST.md"));
    std::string line;
    while (std::getline(lines, line)) {
        const bool x12_row = line.rfind("| x12 | `", 0) == 0;
        const bool as2_x12 = line.rfind("| as2 | `", 0) == 0 && line.find("X12 ") != std::string::npos &&
                             line.find(".edi`") != std::string::npos;
        if (!x12_row && !as2_x12) continue;
        const std::size_t open = line.find('`');
        files.insert(line.substr(open + 1, line.find('`', open + 1) - open - 1));
    }
    return files;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_corpus_x12_file_has_an_expectation) {
    const auto table = loadExpectations();
    const std::set<std::string> manifest = manifestX12Files();
    BOOST_TEST(manifest.size() >= 44u);
    for (const std::string& file : manifest)
        BOOST_TEST(table.count(file) == 1u, file << " has no expectation");
    for (const auto& entry : fs::recursive_directory_iterator(kCorpus / "x12")) {
        if (!entry.is_regular_file()) continue;
        const std::string file = fs::relative(entry.path(), kCorpus).generic_string();
        BOOST_TEST(table.count(file) == 1u, file << " is in the corpus but not in corpus_expectations.txt");
    }
    for (const auto& [file, expectation] : table) {
        BOOST_TEST(fs::exists(kCorpus / file), file << " is expected but not in the corpus");
        BOOST_TEST((expectation.verdict == "accept" || expectation.verdict == "reject" ||
                    expectation.verdict == "fatal"));
    }
}

BOOST_AUTO_TEST_CASE(every_corpus_x12_file_is_parsed_or_rejected_as_expected) {
    std::size_t accepted = 0;
    std::size_t rejected = 0;
    for (const auto& [file, expectation] : loadExpectations()) {
        BOOST_TEST_CONTEXT(file) {
            const std::string bytes = readFile(kCorpus / file);
            ParseSummary summary;
            const std::string json = toCanonicalJson(bytes, {}, &summary);
            std::vector<std::string> errors;
            std::string warnings;
            for (const Issue& issue : summary.issues) {
                if (issue.isError()) errors.push_back(spec(issue));
            }
            std::sort(errors.begin(), errors.end());
            const std::string verdict = summary.fatal ? "fatal" : summary.ok() ? "accept" : "reject";
            std::string actual = verdict;
            for (const std::string& error : errors) actual += " " + error;
            actual += " warnings=" + std::to_string(summary.warnings);
            BOOST_TEST(verdict == expectation.verdict, "actual: " << actual);
            BOOST_TEST(errors == expectation.errors, "actual: " << actual);
            if (expectation.warnings >= 0) {
                BOOST_TEST(summary.warnings == static_cast<std::size_t>(expectation.warnings),
                           "actual: " << actual);
            }
            // The streaming path reads the same document.
            std::ostringstream streamed;
            JsonRenderer renderer(streamed);
            InterchangeParser parser(renderer);
            MemorySource source(bytes, 997);
            renderer.finish(parser.parse(source));
            BOOST_TEST(streamed.str() == json);
            (verdict == "accept" ? accepted : rejected) += 1;
        }
    }
    BOOST_TEST_MESSAGE("corpus: " << accepted << " accepted, " << rejected << " rejected as expected");
}

int main(int argc, char* argv[]) {
    if (!fs::is_directory(kCorpus / "x12")) {
        std::cerr << "edi_conformance: SKIPPED: the corpus is not at " << kCorpus.string()
                  << " (expected ../shared/corpus beside the project)\n";
        return 77;
    }
    return boost::unit_test::unit_test_main(&init_unit_test, argc, argv);
}
