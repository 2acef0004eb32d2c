// Memory stays bounded: 200 MB of generated 850s streamed through a CallbackSource
// (never held in memory) parse with a reader footprint of a few hundred KiB.

#include <algorithm>
#include <cstring>
#include <string>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/interchange_parser.h"
#include "x12_test_support.h"

using namespace crossdock::edi::x12;

namespace {

/// Touches every element of every body segment, so the walk cannot be skipped.
class TouchingHandler : public EnvelopeHandler {
public:
    std::size_t bytes = 0;
    std::size_t segments = 0;
    void onSegment(const Segment& segment, std::size_t) override {
        ++segments;
        for (std::size_t k = 1; k <= segment.elementCount(); ++k) bytes += segment.element(k).size();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(x12_stream)

BOOST_AUTO_TEST_CASE(two_hundred_megabytes_stream_in_bounded_memory) {
    constexpr std::size_t kTarget = 200u * 1024 * 1024;
    testing::PurchaseOrderGenerator generator(25);
    std::string pending = generator.header();
    std::size_t offset = 0;
    std::size_t produced = 0;
    bool trailer_written = false;
    CallbackSource source([&](char* destination, std::size_t capacity) -> std::size_t {
        if (offset == pending.size()) {
            pending.clear();
            offset = 0;
            if (produced >= kTarget) {
                if (trailer_written) return 0;
                pending = generator.trailer();
                trailer_written = true;
            } else {
                while (pending.size() < 64 * 1024) pending += generator.transaction();
            }
            produced += pending.size();
        }
        const std::size_t n = std::min(capacity, pending.size() - offset);
        std::memcpy(destination, pending.data() + offset, n);
        offset += n;
        return n;
    });

    TouchingHandler handler;
    InterchangeParser parser(handler);
    const ParseSummary summary = parser.parse(source);
    BOOST_TEST(summary.ok());
    BOOST_TEST(summary.issues.empty());
    BOOST_TEST(summary.bytes >= kTarget);
    BOOST_TEST(summary.transactions == generator.sets());
    BOOST_TEST(handler.segments == generator.sets() * (2 * 25 + 6));
    BOOST_TEST_MESSAGE("streamed " << summary.bytes << " bytes, " << summary.transactions
                                   << " sets; peak reader memory " << summary.peak_memory << " bytes");
    BOOST_TEST(summary.peak_memory <= 512u * 1024);
}

BOOST_AUTO_TEST_SUITE_END()
