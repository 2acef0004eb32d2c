// SnapshotHolder: readers see whole versions, never a mix, while a writer swaps.

#include <atomic>
#include <thread>
#include <vector>

#include "crossdock/pricing/resolver.h"
#include "crossdock/pricing/snapshot_holder.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

// Version n prices A at n and B at n (both lists), so a reader can tell a torn view.
std::shared_ptr<const PriceSnapshot> firstVersion() {
    auto items = std::make_shared<InMemoryItemLookup>();
    items->put(item("A"));
    items->put(item("B"));
    SnapshotBuilder b(items);
    b.putList(PriceList{"BASE", "Base", "USD", ListKind::Base, {}, {}});
    b.putList(PriceList{"GOLD", "Gold", "USD", ListKind::Group, {}, {}});
    b.putEntry(entry("BASE", "A", "EA", "1", "1"));
    b.putEntry(entry("GOLD", "B", "EA", "1", "1"));
    b.putCustomer(CustomerPricing{"C", "USD", {"GOLD"}, Strategy::Priority});
    auto built = b.build();
    BOOST_REQUIRE(built.ok());
    return *built;
}

// Boost.Test's macros are not thread-safe: what runs on other threads builds its
// values without them.
PriceEntry plainEntry(const char* list, const char* sku, int min_qty, int price) {
    return PriceEntry{list, sku, "EA", core::Decimal::fromInt(min_qty), core::Decimal::fromInt(price),
                      {},   {},  {}};
}

core::Decimal priceAt(const Resolver& resolver, const char* sku) {
    const auto date = core::Date::fromDays(20'468);
    auto line = resolver.resolve(PriceRequest{"C", sku, "EA", core::Decimal::fromInt(1), date});
    return line.ok() ? line->unit_price : core::Decimal::fromInt(-1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(snapshot_holder)

BOOST_AUTO_TEST_CASE(readers_never_see_a_torn_version) {
    SnapshotHolder holder(firstVersion());
    constexpr int kVersions = 300;
    std::atomic<bool> done{false};
    std::atomic<int> torn{0};
    std::atomic<int> backwards{0};
    std::atomic<long> reads{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r) {
        readers.emplace_back([&] {
            core::Decimal last;
            while (!done.load()) {
                const Resolver resolver(holder.current());
                const auto a = priceAt(resolver, "A");
                const auto b = priceAt(resolver, "B");
                if (a != b) ++torn;
                if (a < last) ++backwards;
                last = a;
                ++reads;
            }
        });
    }
    while (reads.load() < 3) std::this_thread::yield();  // readers are running
    for (int v = 2; v <= kVersions; ++v) {
        std::this_thread::yield();
        auto updated = holder.update([v](SnapshotBuilder& b) {
            b.putEntry(plainEntry("BASE", "A", 1, v));
            b.putEntry(plainEntry("GOLD", "B", 1, v));
        });
        BOOST_REQUIRE(updated.ok());
    }
    done = true;
    for (auto& reader : readers) reader.join();
    BOOST_TEST(torn.load() == 0);
    BOOST_TEST(backwards.load() == 0);
    BOOST_TEST(reads.load() > 0);
    BOOST_TEST(holder.current()->version() == static_cast<std::uint64_t>(kVersions));
    BOOST_TEST(priceAt(Resolver(holder.current()), "A") == core::Decimal::fromInt(kVersions));
    BOOST_TEST_MESSAGE("holder: " << reads.load() << " consistent reads during " << kVersions - 1
                                  << " swaps");
}

BOOST_AUTO_TEST_CASE(concurrent_writers_lose_nothing) {
    SnapshotHolder holder(firstVersion());
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&holder, w] {
            for (int i = 0; i < 25; ++i) {
                const int min_qty = 10 + w * 100 + i;
                auto result = holder.update(
                    [&](SnapshotBuilder& b) { b.putEntry(plainEntry("BASE", "A", min_qty, 1)); });
                if (!result.ok()) throw std::runtime_error(result.error().describe());
            }
        });
    }
    for (auto& writer : writers) writer.join();
    BOOST_TEST(holder.current()->entryCount() == 2U + 100U);
    BOOST_TEST(holder.current()->version() == 101U);
}

BOOST_AUTO_TEST_CASE(a_failed_update_publishes_nothing) {
    SnapshotHolder holder(firstVersion());
    const auto before = holder.current();
    auto failed = holder.update([](SnapshotBuilder& b) { b.putEntry(plainEntry("BASE", "A", 1, -1)); });
    BOOST_TEST(!failed.ok());
    BOOST_TEST(holder.current() == before);
    holder.publish(firstVersion());
    BOOST_TEST(holder.current() != before);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::test
