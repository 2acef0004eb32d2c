// Data-driven cases: every tests/data/x12/syntax/<case>.edi parses to <case>.json
// (canonical JSON with its issues: codes and positions), both in memory and streamed
// in chunks of 1, 7 and 4096 bytes. CROSSDOCK_UPDATE_GOLDEN=1 rewrites the .json files
// (review the diff before committing it).

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/json.h"
#include "x12_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock::edi::x12;
using crossdock::edi::x12::testing::readFile;
using crossdock::edi::x12::testing::testData;

namespace {

std::vector<fs::path> cases() {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(testData() / "syntax")) {
        if (entry.path().extension() == ".edi") found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string streamedJson(const std::string& bytes, std::size_t chunk) {
    std::ostringstream out;
    JsonRenderer renderer(out);
    InterchangeParser parser(renderer);
    MemorySource source(bytes, chunk);
    renderer.finish(parser.parse(source));
    return std::move(out).str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(x12_golden)

BOOST_AUTO_TEST_CASE(every_case_matches_its_expected_json) {
    const bool update = std::getenv("CROSSDOCK_UPDATE_GOLDEN") != nullptr;
    const std::vector<fs::path> all = cases();
    BOOST_TEST_REQUIRE(all.size() >= 20u);
    for (const fs::path& edi : all) {
        BOOST_TEST_CONTEXT(edi.filename().string()) {
            const std::string bytes = readFile(edi);
            const std::string json = toCanonicalJson(bytes);
            fs::path expected_path = edi;
            expected_path.replace_extension(".json");
            if (update) {
                std::ofstream(expected_path, std::ios::binary) << json;
                continue;
            }
            BOOST_TEST_REQUIRE(fs::exists(expected_path), "missing " << expected_path.filename());
            BOOST_TEST(json == readFile(expected_path));
            for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096}}) {
                BOOST_TEST_CONTEXT("streamed in chunks of " << chunk) {
                    BOOST_TEST(streamedJson(bytes, chunk) == json);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_expected_json_has_its_input) {
    for (const auto& entry : fs::directory_iterator(testData() / "syntax")) {
        if (entry.path().extension() != ".json") continue;
        fs::path edi = entry.path();
        edi.replace_extension(".edi");
        BOOST_TEST(fs::exists(edi), entry.path().filename() << " has no .edi");
    }
}

BOOST_AUTO_TEST_SUITE_END()
