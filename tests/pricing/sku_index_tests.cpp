// The SKU index on its own: every key inserted is found with its rows and every
// other key is not, in hashed indexes from one key to some thousands (full
// buckets that overflow into the next one, the wrap at the end of the slots) and
// in a direct one.

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <map>
#include <random>

#include "../../pricing/src/sku_index.h"

namespace crossdock::pricing::detail {

namespace {

void checkIndex(std::size_t key_count, bool direct, std::uint32_t seed) {
    constexpr std::uint32_t kIdLimit = 20'000;
    std::mt19937 rng(seed);
    std::map<std::uint32_t, RowRange> keys;
    while (keys.size() < key_count) {
        const std::uint32_t sku = std::uniform_int_distribution<std::uint32_t>(0, kIdLimit - 1)(rng);
        keys.emplace(sku, RowRange{sku * 3, 1 + sku % 5});
    }
    SkuIndex index(key_count, direct, kIdLimit);
    for (const auto& [sku, range] : keys) index.insert(sku, range);
    const SkuIndex::View view = index.view();
    for (std::uint32_t sku = 0; sku < kIdLimit + 10; ++sku) {
        const auto it = keys.find(sku);
        const RowRange found = view.find(sku);
        if (it == keys.end()) {
            BOOST_TEST_REQUIRE(found.count == 0u, "key " << sku << " of " << key_count);
        } else {
            BOOST_TEST_REQUIRE(found.begin == it->second.begin, "key " << sku << " of " << key_count);
            BOOST_TEST_REQUIRE(found.count == it->second.count, "key " << sku << " of " << key_count);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sku_index)

BOOST_AUTO_TEST_CASE(hashed_indexes_find_every_key_and_nothing_else) {
    constexpr std::size_t kCounts[] = {1, 2, 3, 5, 8, 13, 40, 100, 333, 1'000, 5'000};
    for (const std::size_t count : kCounts)
        for (std::uint32_t seed = 1; seed <= 5; ++seed) checkIndex(count, false, seed);
}

BOOST_AUTO_TEST_CASE(a_direct_index_finds_every_key_and_nothing_else) { checkIndex(5'000, true, 7); }

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::detail
