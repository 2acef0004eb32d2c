// The allocator of the snapshot's arrays: a large array starts on a 2 MiB
// boundary in a mapping advised for transparent huge pages, a middle-sized one
// comes from the pool (reused once freed), a small one from operator new;
// contents survive growth across the thresholds, copies and shrinking;
// over-aligned records keep their alignment.

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "../../pricing/src/huge_pages.h"

namespace crossdock::pricing::test {

namespace {

using detail::kHugePageBytes;
using detail::kPooledBytes;
using detail::LargeVector;

std::uintptr_t address(const void* p) { return reinterpret_cast<std::uintptr_t>(p); }

// "always" or "madvise" is selected in the kernel's THP setting.
bool hugePagesAdvisable() {
    std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string text;
    std::getline(setting, text);
    return text.find("[always]") != std::string::npos || text.find("[madvise]") != std::string::npos;
}

// The THPeligible value of the mapping that holds `p` in /proc/self/smaps ("" if none).
std::string thpEligible(const void* p) {
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        unsigned long begin = 0;
        unsigned long end = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> begin >> dash >> end && dash == '-') {
            inside = begin <= address(p) && address(p) < end;
            continue;
        }
        if (inside && line.rfind("THPeligible:", 0) == 0) {
            std::string value;
            std::istringstream(line.substr(12)) >> value;
            return value;
        }
    }
    return "";
}

struct alignas(64) Record {
    std::uint64_t value[8];
};

}  // namespace

BOOST_AUTO_TEST_SUITE(huge_pages)

BOOST_AUTO_TEST_CASE(a_large_array_starts_on_a_huge_page_boundary_and_keeps_its_contents) {
    LargeVector<std::uint64_t> values;
    for (std::uint64_t i = 0; i < 1000; ++i) values.push_back(i * 7);  // small: operator new
    BOOST_TEST(address(values.data()) % alignof(std::uint64_t) == 0u);
    const std::size_t large = 3 * kHugePageBytes / sizeof(std::uint64_t) + 5;
    for (std::uint64_t i = 1000; i < large; ++i) values.push_back(i * 7);  // grows across the threshold
    BOOST_TEST(address(values.data()) % kHugePageBytes == 0u);
    bool same = true;
    for (std::uint64_t i = 0; i < large; ++i) same = same && values[i] == i * 7;
    BOOST_TEST(same);
    if (hugePagesAdvisable()) BOOST_TEST(thpEligible(values.data()) == "1");

    const LargeVector<std::uint64_t> copy = values;
    BOOST_TEST(address(copy.data()) % kHugePageBytes == 0u);
    BOOST_TEST((copy == values));
    values.resize(10);
    values.shrink_to_fit();  // back below the threshold: operator new again
    BOOST_TEST(values.size() == 10u);
    BOOST_TEST(values[9] == 63u);
    BOOST_TEST(copy[large - 1] == (large - 1) * 7);
}

BOOST_AUTO_TEST_CASE(over_aligned_records_keep_their_alignment_small_and_large) {
    LargeVector<Record> small(3);
    BOOST_TEST(address(small.data()) % 64 == 0u);
    LargeVector<Record> large(kHugePageBytes / sizeof(Record) + 1);
    BOOST_TEST(address(large.data()) % kHugePageBytes == 0u);
    large.back().value[7] = 42;
    BOOST_TEST(large.back().value[7] == 42u);
}

BOOST_AUTO_TEST_CASE(pooled_blocks_hold_their_size_and_are_reused_once_freed) {
    // Sizes at the edges of the pool's classes, each block filled to its last byte.
    const std::size_t sizes[] = {kPooledBytes - 1,
                                 kPooledBytes,
                                 kPooledBytes + 1,
                                 319,
                                 320,
                                 5000,
                                 16'000,
                                 (7 * kHugePageBytes) / 8 + 1,
                                 kHugePageBytes - 1};
    std::vector<LargeVector<unsigned char>> blocks;
    for (const std::size_t size : sizes) {
        auto& block = blocks.emplace_back(size, static_cast<unsigned char>(size % 251));
        if (detail::kPoolOn && size >= kPooledBytes) BOOST_TEST(address(block.data()) % 64 == 0u);
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        bool same = true;
        for (const unsigned char c : blocks[i]) same = same && c == sizes[i] % 251;
        BOOST_TEST(same, "block of " << sizes[i] << " bytes");
    }
    if (!detail::kPoolOn) return;  // under AddressSanitizer
    BOOST_TEST(detail::pooledBytes() > 0u);
    // A freed block is the next one handed out for its class; blocks do not overlap.
    LargeVector<unsigned char> first(5000, 1);
    const void* where = first.data();
    LargeVector<unsigned char> second(5000, 2);
    BOOST_TEST(
        (address(second.data()) >= address(where) + 5000 || address(second.data()) + 5000 <= address(where)));
    first = LargeVector<unsigned char>();
    const LargeVector<unsigned char> third(4900, 3);  // the same class as 5000
    BOOST_TEST(third.data() == where);
    BOOST_TEST(second[4999] == 2);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
