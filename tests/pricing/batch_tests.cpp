// Resolver::resolveAll() against resolve() line by line, and the snapshot's
// string tables with keys short enough to live in their slots and longer ones.

#include <random>

#include "crossdock/pricing/resolver.h"
#include "random_dataset.h"
#include "test_helpers.h"

namespace crossdock::pricing::test {

namespace {

// Everything a caller can see of a line: price, source, tier, explanation, or the error.
std::string outcome(const core::Result<PricedLine>& line) {
    if (!line) return "error " + std::string(toString(line.error().code)) + " " + line.error().message;
    return line->unit_price.toString() + " " + line->extended.toString() + " " + std::string(line->list_id) +
           " " + line->min_qty.toShortString() + " | " + describe(*line);
}

struct Owned {
    std::string customer;
    std::string sku;
    std::string uom;
    core::Decimal quantity;
    core::Date date;
};

Owned randomLine(std::mt19937_64& rng, const RandomDataset& set) {
    std::uniform_int_distribution<int> percent(0, 99);
    Owned r;
    r.customer =
        percent(rng) < 2
            ? "NOBODY"
            : set.customers[std::uniform_int_distribution<std::size_t>(0, set.customers.size() - 1)(rng)];
    r.sku = percent(rng) < 2
                ? "NOSUCH"
                : set.skus[std::uniform_int_distribution<std::size_t>(0, set.skus.size() - 1)(rng)];
    r.uom = percent(rng) < 80 ? "EA" : (percent(rng) < 90 ? "CS" : "ZZ");
    r.quantity = core::Decimal::fromRaw(std::uniform_int_distribution<std::int64_t>(-1, 2'000'000)(rng));
    r.date = core::Date::fromDays(std::uniform_int_distribution<std::int32_t>(20'300, 20'600)(rng));
    return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(resolve_all_returns_what_resolve_returns_line_by_line) {
    const RandomDataset set = makeRandomDataset(20'260'116);
    auto built = buildSnapshot(set.data, set.items);
    BOOST_REQUIRE_MESSAGE(built.ok(), why(built));
    const Resolver resolver(*built);
    std::mt19937_64 rng(7);
    std::vector<Owned> owned;
    for (int i = 0; i < 20'000; ++i) owned.push_back(randomLine(rng, set));
    std::vector<PriceRequest> requests;
    for (const auto& r : owned)
        requests.push_back(PriceRequest{r.customer, r.sku, r.uom, r.quantity, r.date});
    requests[3].next_tier = false;

    // Batches of every awkward size around the internal group of 16, and one large.
    int mismatches = 0;
    std::size_t at = 0;
    const std::size_t sizes[] = {0, 1, 2, 15, 16, 17, 31, 33, 1'000, 18'885};
    for (const std::size_t size : sizes) {
        const auto batch = std::span<const PriceRequest>(requests).subspan(at, size);
        const auto lines = resolver.resolveAll(batch);
        BOOST_REQUIRE_EQUAL(lines.size(), size);
        for (std::size_t i = 0; i < size; ++i) {
            const std::string expected = outcome(resolver.resolve(batch[i]));
            if (outcome(lines[i]) != expected && ++mismatches <= 5) {
                BOOST_ERROR("line " << at + i << ": resolveAll " << outcome(lines[i]) << "\n  resolve "
                                    << expected);
            }
        }
        at += size;
    }
    BOOST_TEST(at == requests.size());
    BOOST_TEST(mismatches == 0);
}

// A cart is a run of lines of one customer: from the second group of lines on,
// resolveAll() takes the customer's chain from the line before (across group
// boundaries too) and starts loading the first list early. Runs longer than a
// group, of known and unknown customers, one unit or mixed, price as resolve() does.
BOOST_AUTO_TEST_CASE(runs_of_one_customer_across_groups_price_as_resolve_does) {
    const RandomDataset set = makeRandomDataset(20'260'117);
    auto built = buildSnapshot(set.data, set.items);
    BOOST_REQUIRE_MESSAGE(built.ok(), why(built));
    const Resolver resolver(*built);
    std::mt19937_64 rng(11);
    std::vector<Owned> owned;
    const std::size_t run_lengths[] = {1, 31, 32, 33, 70, 5, 100};
    for (std::size_t run = 0; run < 14; ++run) {
        const Owned first = randomLine(rng, set);
        for (std::size_t i = 0; i < run_lengths[run % std::size(run_lengths)]; ++i) {
            Owned line = randomLine(rng, set);
            line.customer = first.customer;
            if (run % 2 == 0) line.uom = first.uom;
            owned.push_back(line);
        }
    }
    std::vector<PriceRequest> requests;
    for (const auto& r : owned)
        requests.push_back(PriceRequest{r.customer, r.sku, r.uom, r.quantity, r.date});
    const auto lines = resolver.resolveAll(requests);
    BOOST_REQUIRE_EQUAL(lines.size(), requests.size());
    int mismatches = 0;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const std::string expected = outcome(resolver.resolve(requests[i]));
        if (outcome(lines[i]) != expected && ++mismatches <= 5)
            BOOST_ERROR("line " << i << ": resolveAll " << outcome(lines[i]) << "\n  resolve " << expected);
    }
    BOOST_TEST(mismatches == 0);
}

// Keys of up to 11 characters are kept in the table's slots, longer ones in its
// arena: both kinds, and keys that differ only past the 11th character, resolve
// to their own prices; a near miss is not found.
BOOST_AUTO_TEST_CASE(short_and_long_keys_find_their_own_rows) {
    const std::vector<std::string> skus{"A",
                                        "ABCDEFGHIJ",
                                        "ABCDEFGHIJK",
                                        "ABCDEFGHIJKL",
                                        "ABCDEFGHIJKM",
                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789",
                                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456788",
                                        std::string("AB\0C", 4),
                                        "AB"};
    auto items = std::make_shared<InMemoryItemLookup>();
    for (const auto& sku : skus) items->put(item(sku));
    items->put(item("ABCDEFGHIJKN"));  // in the catalog, no price
    SnapshotBuilder b(items);
    const std::string long_list = "CONTRACT-FOR-A-VERY-LONG-CUSTOMER-NAME";
    b.putList(PriceList{"BASE", "BASE", "USD", ListKind::Base, {}, {}});
    b.putList(PriceList{long_list, long_list, "USD", ListKind::Contract, {}, {}});
    for (std::size_t i = 0; i < skus.size(); ++i) {
        b.putEntry(entry("BASE", skus[i], "EA", "1", std::to_string(i + 1)));
        b.putEntry(entry(long_list, skus[i], "EA", "1", "0." + std::to_string(i + 1)));
    }
    b.putCustomer(CustomerPricing{"C1", "USD", {}, Strategy::Priority});
    b.putCustomer(CustomerPricing{"CUSTOMER-WITH-A-LONG-ID", "USD", {long_list}, Strategy::Priority});
    auto built = b.build();
    BOOST_REQUIRE_MESSAGE(built.ok(), why(built));
    const Resolver resolver(*built);
    const auto date = day("2026-01-15");
    for (std::size_t i = 0; i < skus.size(); ++i) {
        auto base = resolver.resolve(PriceRequest{"C1", skus[i], "EA", dec("1"), date});
        BOOST_REQUIRE_MESSAGE(base.ok(), why(base));
        BOOST_TEST(base->unit_price == dec(std::to_string(i + 1)));
        auto contract =
            resolver.resolve(PriceRequest{"CUSTOMER-WITH-A-LONG-ID", skus[i], "EA", dec("1"), date});
        BOOST_REQUIRE_MESSAGE(contract.ok(), why(contract));
        BOOST_TEST(contract->unit_price == dec("0." + std::to_string(i + 1)));
        BOOST_TEST(contract->list_id == long_list);
    }
    auto missing = resolver.resolve(PriceRequest{"C1", "ABCDEFGHIJKN", "EA", dec("1"), date});
    BOOST_REQUIRE(!missing.ok());
    BOOST_TEST(errorReason(missing.error()) == "no_price");
    auto nobody = resolver.resolve(PriceRequest{"CUSTOMER-WITH-A-LONG-IE", "A", "EA", dec("1"), date});
    BOOST_REQUIRE(!nobody.ok());
    BOOST_TEST(errorReason(nobody.error()) == "unknown_customer");
}

}  // namespace crossdock::pricing::test
