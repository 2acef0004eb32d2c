// The table-driven suite: every tests/data/pricing/*.json file, each resolved by
// the fast resolver and by the reference, both checked against the expectations.

#include <algorithm>
#include <filesystem>

#include "crossdock/pricing/resolver.h"
#include "pricing_cases.h"
#include "reference_resolver.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

std::vector<std::string> caseFiles() {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(CROSSDOCK_PRICING_DATA_DIR)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void checkBuildError(const PricingCaseFile& file, const core::Error& error) {
    BOOST_REQUIRE_MESSAGE(file.build_error, file.path << ": unexpected build error: " << error.describe());
    BOOST_TEST(std::string(core::toString(error.code)) == file.build_error->code);
    BOOST_TEST(error.where == file.build_error->where);
    BOOST_TEST(error.message.find(file.build_error->message_contains) != std::string::npos,
               "message \"" << error.message << "\" lacks \"" << file.build_error->message_contains << "\"");
}

void checkLine(const PricingCase& c, const core::Result<PricedLine>& result) {
    const ExpectedLine& expect = c.expect;
    if (expect.error || expect.reason) {
        BOOST_REQUIRE_MESSAGE(
            !result.ok(), "expected an error, got " << (result.ok() ? result->unit_price.toString() : ""));
        if (expect.error) BOOST_TEST(std::string(core::toString(result.error().code)) == *expect.error);
        if (expect.reason) BOOST_TEST(std::string(errorReason(result.error())) == *expect.reason);
        return;
    }
    BOOST_REQUIRE_MESSAGE(result.ok(), "unexpected error: " << why(result));
    const PricedLine& line = *result;
    if (expect.unit_price) BOOST_TEST(line.unit_price == dec(*expect.unit_price));
    if (expect.extended) {
        BOOST_TEST(line.extended == dec(*expect.extended));
        BOOST_TEST(line.extended.toString(line.currency.minor_units) == *expect.extended,
                   "extended prints as " << line.extended.toString(line.currency.minor_units));
    }
    if (expect.source) BOOST_TEST(std::string(line.list_id) == *expect.source);
    if (expect.min_qty) BOOST_TEST(line.min_qty == dec(*expect.min_qty));
    const auto& next = line.explanation.next_tier;
    if (expect.next_quantity && *expect.next_quantity == "none") {
        BOOST_TEST(!next.has_value());
    } else if (expect.next_quantity) {
        BOOST_REQUIRE_MESSAGE(next.has_value(), "expected a next tier");
        BOOST_TEST(next->quantity == dec(*expect.next_quantity));
        if (expect.next_price) BOOST_TEST(next->unit_price == dec(*expect.next_price));
    }
    const std::string text = describe(line);
    for (const auto& fragment : expect.explanation_contains) {
        BOOST_TEST(text.find(fragment) != std::string::npos,
                   "explanation \"" << text << "\" lacks \"" << fragment << "\"");
    }
}

void checkReference(const PricingCase& c, const ReferenceOutcome& outcome) {
    const ExpectedLine& expect = c.expect;
    if (expect.error || expect.reason) {
        BOOST_TEST(!outcome.line.has_value());
        if (expect.reason) BOOST_TEST(outcome.reason == *expect.reason);
        return;
    }
    BOOST_REQUIRE_MESSAGE(outcome.line, "reference error: " << outcome.reason);
    if (expect.unit_price) BOOST_TEST(outcome.line->unit_price == dec(*expect.unit_price));
    if (expect.extended) BOOST_TEST(outcome.line->extended == dec(*expect.extended));
    if (expect.source) BOOST_TEST(outcome.line->list_id == *expect.source);
    if (expect.min_qty) BOOST_TEST(outcome.line->min_qty == dec(*expect.min_qty));
}

}  // namespace

BOOST_AUTO_TEST_CASE(table_driven_cases) {
    const auto files = caseFiles();
    BOOST_REQUIRE_GE(files.size(), 10U);
    std::size_t case_count = 0;
    for (const auto& path : files) {
        BOOST_TEST_CONTEXT(path) {
            auto loaded = loadPricingCaseFile(path);
            BOOST_REQUIRE_MESSAGE(loaded.ok(), "cannot load: " << why(loaded));
            const PricingCaseFile& file = *loaded;
            auto built = buildSnapshot(file.data, file.items);
            if (!built) {
                checkBuildError(file, built.error());
                ++case_count;
                continue;
            }
            BOOST_REQUIRE_MESSAGE(
                !file.build_error,
                "expected a build error at " << (file.build_error ? file.build_error->where : ""));
            const Resolver resolver(*built);
            const ReferenceResolver reference(file.data, *file.items);
            for (const auto& c : file.cases) {
                BOOST_TEST_CONTEXT(c.name) {
                    const PriceRequest request{c.customer, c.sku, c.uom, c.quantity, c.date};
                    checkLine(c, resolver.resolve(request));
                    checkReference(c, reference.resolve(c.customer, c.sku, c.uom, c.quantity, c.date));
                    ++case_count;
                }
            }
        }
    }
    BOOST_TEST_MESSAGE("pricing table: " << case_count << " cases in " << files.size() << " files");
}

}  // namespace crossdock::pricing::test
