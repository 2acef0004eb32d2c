// The fast resolver against the naive reference on 100,000 random requests over a
// random dataset. The seed is printed; set PRICING_SEED to replay another one.

#include <chrono>
#include <cstdlib>
#include <random>

#include "crossdock/pricing/resolver.h"
#include "random_dataset.h"
#include "reference_resolver.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

constexpr int kRequests = 100'000;
constexpr std::uint64_t kDefaultSeed = 20'260'115;

std::uint64_t seedFromEnvironment() {
    const char* text = std::getenv("PRICING_SEED");
    return text != nullptr ? std::strtoull(text, nullptr, 10) : kDefaultSeed;
}

struct Request {
    std::string customer;
    std::string sku;
    std::string uom;
    core::Decimal quantity;
    core::Date date;
};

// Quantities cluster on tier breaks (and one ten-thousandth either side of them,
// in every unit) so that the interesting edges are hit often.
core::Decimal randomQuantity(std::mt19937_64& rng, const ItemFacts& item, const std::string& uom) {
    std::uniform_int_distribution<int> percent(0, 99);
    const int kind = percent(rng);
    if (kind < 1) return core::Decimal::fromRaw(-std::uniform_int_distribution<std::int64_t>(0, 5)(rng));
    if (kind < 45) {
        static const std::vector<std::int64_t> kBreaks{5'000,   10'000,  20'000,  25'000,  50'000,
                                                       100'000, 120'000, 240'000, 480'000, 1'000'000};
        std::int64_t base = kBreaks[std::uniform_int_distribution<std::size_t>(0, kBreaks.size() - 1)(rng)];
        // A break given in another unit, seen from this one.
        const auto& levels = item.units.levels();
        if (!levels.empty() && percent(rng) < 40) {
            const auto& level = levels[std::uniform_int_distribution<std::size_t>(0, levels.size() - 1)(rng)];
            auto converted = item.units.convert(core::Decimal::fromRaw(base), level.unit, uom);
            if (converted && converted->raw() > 0) base = converted->raw();
        }
        return core::Decimal::fromRaw(base + std::uniform_int_distribution<std::int64_t>(-1, 1)(rng));
    }
    return core::Decimal::fromRaw(std::uniform_int_distribution<std::int64_t>(1, 2'000'000)(rng));
}

Request randomRequest(std::mt19937_64& rng, const RandomDataset& set) {
    std::uniform_int_distribution<int> percent(0, 99);
    Request r;
    r.customer =
        percent(rng) < 1
            ? "NOBODY"
            : set.customers[std::uniform_int_distribution<std::size_t>(0, set.customers.size() - 1)(rng)];
    r.sku = percent(rng) < 1
                ? "NOSUCH"
                : set.skus[std::uniform_int_distribution<std::size_t>(0, set.skus.size() - 1)(rng)];
    const ItemFacts* item = set.items->find(r.sku);
    r.uom = "EA";
    if (item != nullptr) {
        std::vector<std::string> units{item->units.baseUnit()};
        for (const auto& level : item->units.levels()) units.push_back(level.unit);
        r.uom = units[std::uniform_int_distribution<std::size_t>(0, units.size() - 1)(rng)];
        if (percent(rng) < 2) r.uom = "ZZ";
        r.quantity = randomQuantity(rng, *item, r.uom);
    } else {
        r.quantity = core::Decimal::fromInt(1);
    }
    static const std::vector<std::int32_t> kEdges{20'439, 20'440, 20'453, 20'454,
                                                  20'480, 20'481, 20'500, 20'501};
    r.date = percent(rng) < 30
                 ? core::Date::fromDays(
                       kEdges[std::uniform_int_distribution<std::size_t>(0, kEdges.size() - 1)(rng)])
                 : core::Date::fromDays(std::uniform_int_distribution<std::int32_t>(20'300, 20'600)(rng));
    return r;
}

std::string show(const core::Result<PricedLine>& fast) {
    if (!fast) return "error " + fast.error().message;
    std::string text = fast->unit_price.toString() + " ext " + fast->extended.toString() + " from " +
                       std::string(fast->list_id) + " tier " + fast->min_qty.toShortString();
    if (fast->explanation.next_tier) {
        text += " next " + fast->explanation.next_tier->quantity.toShortString() + " @ " +
                fast->explanation.next_tier->unit_price.toString() + " " +
                std::string(fast->explanation.next_tier->list_id);
    }
    return text;
}

std::string show(const ReferenceOutcome& slow) {
    if (!slow.line) return "error " + slow.reason;
    const auto& l = *slow.line;
    std::string text = l.unit_price.toString() + " ext " + l.extended.toString() + " from " + l.list_id +
                       " tier " + l.min_qty.toShortString();
    if (l.has_next)
        text += " next " + l.next_quantity.toShortString() + " @ " + l.next_price.toString() + " " +
                l.next_list_id;
    return text;
}

bool agree(const core::Result<PricedLine>& fast, const ReferenceOutcome& slow) {
    if (!fast || !slow.line)
        return !fast && !slow.line && std::string(errorReason(fast.error())) == slow.reason;
    const auto& l = *slow.line;
    const auto& next = fast->explanation.next_tier;
    if (next.has_value() != l.has_next) return false;
    if (next && (next->quantity != l.next_quantity || next->unit_price != l.next_price ||
                 next->list_id != l.next_list_id)) {
        return false;
    }
    return fast->unit_price == l.unit_price && fast->extended == l.extended && fast->list_id == l.list_id &&
           fast->min_qty == l.min_qty;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fast_resolver_agrees_with_reference) {
    const std::uint64_t seed = seedFromEnvironment();
    BOOST_TEST_MESSAGE("pricing property test seed " << seed << " (PRICING_SEED=" << seed << " replays it)");
    const RandomDataset set = makeRandomDataset(seed);
    auto built = buildSnapshot(set.data, set.items);
    BOOST_REQUIRE_MESSAGE(built.ok(), "random dataset does not build: " << why(built));
    const Resolver resolver(*built);
    const ReferenceResolver reference(set.data, *set.items);

    std::mt19937_64 rng(seed ^ 0x9E37'79B9'7F4A'7C15ULL);
    int priced = 0;
    int mismatches = 0;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kRequests; ++i) {
        const Request r = randomRequest(rng, set);
        const auto fast = resolver.resolve(PriceRequest{r.customer, r.sku, r.uom, r.quantity, r.date});
        const auto slow = reference.resolve(r.customer, r.sku, r.uom, r.quantity, r.date);
        priced += fast.ok() ? 1 : 0;
        if (!agree(fast, slow) && ++mismatches <= 10) {
            BOOST_ERROR("request " << i << ": " << r.customer << " " << r.sku << " "
                                   << r.quantity.toShortString() << " " << r.uom << " on "
                                   << r.date.toString() << "\n  fast: " << show(fast)
                                   << "\n  slow: " << show(slow));
        }
    }
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    BOOST_TEST(mismatches == 0);
    // Most requests must price, or the test would prove little.
    BOOST_TEST(priced > kRequests / 2);
    BOOST_TEST_MESSAGE("property test: " << kRequests << " requests, " << priced << " priced, " << mismatches
                                         << " mismatches, " << elapsed << " s");
}

}  // namespace crossdock::pricing::test
