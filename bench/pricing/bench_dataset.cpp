#include "bench_dataset.h"

#include <algorithm>
#include <cstdio>
#include <random>

namespace crossdock::pricing::bench {

namespace {

using core::Decimal;

constexpr int kTopCategories = 12;
constexpr int kSubCategories = 10;
constexpr int kLeafCategories = 8;
constexpr int kBrands = 400;

class Random {
public:
    explicit Random(std::uint64_t seed) : rng_(seed) {}
    std::uint32_t below(std::uint32_t n) {
        return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng_);
    }
    bool chance(int percent) { return below(100) < static_cast<std::uint32_t>(percent); }
    Decimal price(std::int64_t lo, std::int64_t hi) {
        return Decimal::fromRaw(std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_));
    }

private:
    std::mt19937_64 rng_;
};

std::string categoryName(std::uint32_t top, std::uint32_t sub, std::uint32_t leaf) {
    char text[64];
    std::snprintf(text, sizeof text, "Dept %02u > Group %02u > Line %02u", top, sub, leaf);
    return text;
}

std::string listName(const char* prefix, int index) {
    char text[32];
    std::snprintf(text, sizeof text, "%s-%05d", prefix, index);
    return text;
}

PriceList header(std::string id, ListKind kind) {
    std::string name = id;
    return PriceList{std::move(id), std::move(name), "USD", kind, {}, {}};
}

// One SKU's tiers (1 to 5, about 3 on average) in EA, falling with quantity.
void putTiers(SnapshotBuilder& builder, const std::string& list, const ItemFacts& item, std::int64_t base_raw,
              int tiers, std::size_t& count) {
    static const int kBreaks[] = {1, 12, 48, 144, 480};
    PriceEntry entry{list, item.sku, "EA", {}, {}, {}, {}, {}};
    for (int t = 0; t < tiers; ++t) {
        entry.min_qty = Decimal::fromInt(kBreaks[t]);
        entry.unit_price = Decimal::fromRaw(base_raw - base_raw * t / 12);
        builder.putEntry(entry);
        ++count;
    }
}

}  // namespace

void BenchItems::index() {
    std::size_t slot_count = 16;
    while (slot_count < 2 * items_.size()) slot_count *= 2;
    slots_.assign(slot_count, Slot{});
    mask_ = slot_count - 1;
    for (std::uint32_t n = 0; n < items_.size(); ++n) {
        const std::uint64_t hash = std::hash<std::string_view>{}(items_[n].sku);
        std::size_t i = hash & mask_;
        while (slots_[i].index != kEmpty) i = (i + 1) & mask_;
        slots_[i] = Slot{static_cast<std::uint32_t>(hash >> 32), n};
    }
}

std::string skuName(std::uint32_t index) {
    char text[16];
    std::snprintf(text, sizeof text, "SKU-%07u", index);
    return text;
}

Dataset makeItems(const DatasetSize& size, std::uint64_t seed) {
    Random random(seed);
    Dataset dataset;
    dataset.items = std::make_shared<BenchItems>();
    auto& items = dataset.items->items_;
    items.reserve(static_cast<std::size_t>(size.skus));
    std::vector<std::string> categories;
    for (std::uint32_t t = 0; t < kTopCategories; ++t) {
        for (std::uint32_t s = 0; s < kSubCategories; ++s) {
            for (std::uint32_t l = 0; l < kLeafCategories; ++l) categories.push_back(categoryName(t, s, l));
        }
    }
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(size.skus); ++i) {
        core::UnitConversions units("EA");
        if (random.chance(60)) (void)units.addLevel("CS", Decimal::fromInt(12));
        if (random.chance(20)) (void)units.addLevel("PL", Decimal::fromInt(480));
        std::optional<Decimal> cost;
        if (random.chance(80)) cost = random.price(500, 2'000'000);
        items.push_back(ItemFacts{skuName(i),
                                  categories[random.below(static_cast<std::uint32_t>(categories.size()))],
                                  "Brand " + std::to_string(random.below(kBrands)), cost, std::move(units)});
    }
    dataset.items->index();
    return dataset;
}

void fillBuilder(const DatasetSize& size, std::uint64_t seed, Dataset& dataset, SnapshotBuilder& builder) {
    Random random(seed + 1);
    const auto& items = dataset.items->items_;
    const auto sku_count = static_cast<std::uint32_t>(items.size());
    std::size_t& count = dataset.entries;

    builder.putList(header("BASE", ListKind::Base));
    for (std::uint32_t i = 0; i < sku_count; ++i) {
        putTiers(builder, "BASE", items[i], random.price(1'000, 5'000'000).raw(),
                 static_cast<int>(1 + random.below(5)), count);
    }
    std::vector<std::string> groups;
    for (int g = 0; g < size.group_lists; ++g) {
        groups.push_back(listName("GROUP", g));
        builder.putList(header(groups.back(), ListKind::Group));
        // Distinct SKUs: a fixed stride from a random start.
        const auto step =
            std::max<std::uint32_t>(1, sku_count / static_cast<std::uint32_t>(size.skus_per_group_list));
        const auto start = random.below(sku_count);
        for (std::uint32_t k = 0; k < static_cast<std::uint32_t>(size.skus_per_group_list); ++k) {
            putTiers(builder, groups.back(), items[(start + k * step) % sku_count],
                     random.price(1'000, 4'000'000).raw(), static_cast<int>(1 + random.below(3)), count);
        }
    }
    // Rule lists: most derive from BASE by category and brand, some from cost.
    std::vector<std::string> rule_lists;
    for (int r = 0; r < size.rule_lists; ++r) {
        rule_lists.push_back(listName("TIER", r));
        builder.putList(header(rule_lists.back(), ListKind::Group));
        RuleList rules{rule_lists.back(), r % 5 == 4 ? RuleSource::Cost : RuleSource::List, "BASE", {}};
        if (rules.source == RuleSource::Cost) {
            rules.source_list_id.clear();
            rules.rules.push_back(
                PriceRule{RuleScope::All, "", {Adjustment::Kind::Markup, Decimal::fromInt(25 + r % 20)}});
        }
        for (std::uint32_t t = 0; t < kTopCategories && rules.source == RuleSource::List; ++t) {
            rules.rules.push_back(PriceRule{
                RuleScope::Category,
                "Dept " + std::string(t < 10 ? "0" : "") + std::to_string(t),
                {Adjustment::Kind::PercentOff, Decimal::fromInt(2 + (r + static_cast<int>(t)) % 10)}});
            rules.rules.push_back(PriceRule{RuleScope::Category,
                                            categoryName(t, random.below(kSubCategories), 0).substr(0, 18),
                                            {Adjustment::Kind::PercentOff, Decimal::fromInt(12)}});
        }
        for (int b = 0; b < 20 && rules.source == RuleSource::List; ++b) {
            rules.rules.push_back(PriceRule{RuleScope::Brand,
                                            "Brand " + std::to_string((r * 20 + b) % kBrands),
                                            {Adjustment::Kind::PercentOff, Decimal::fromInt(5)}});
        }
        // The category rules above may repeat a scope: keep the first of each.
        std::vector<PriceRule> unique;
        for (auto& rule : rules.rules) {
            const bool seen = std::any_of(unique.begin(), unique.end(), [&](const PriceRule& u) {
                return u.scope == rule.scope && u.value == rule.value;
            });
            if (!seen) unique.push_back(std::move(rule));
        }
        rules.rules = std::move(unique);
        builder.putRules(std::move(rules));
    }
    // One contract per customer, about 500 entries over ~170 SKUs.
    dataset.contract_skus.resize(static_cast<std::size_t>(size.contract_lists));
    for (int c = 0; c < size.contract_lists; ++c) {
        dataset.contract_ids.push_back(listName("CONTRACT", c));
        builder.putList(header(dataset.contract_ids.back(), ListKind::Contract));
        auto& skus = dataset.contract_skus[static_cast<std::size_t>(c)];
        int entries = 0;
        while (entries < size.entries_per_contract) {
            const auto index = random.below(sku_count);
            if (std::find(skus.begin(), skus.end(), index) != skus.end()) continue;
            skus.push_back(index);
            const int tiers =
                std::min(static_cast<int>(1 + random.below(5)), size.entries_per_contract - entries);
            putTiers(builder, dataset.contract_ids.back(), items[index], random.price(1'000, 4'000'000).raw(),
                     tiers, count);
            entries += tiers;
        }
    }
    for (int i = 0; i < size.customers; ++i) {
        dataset.customer_ids.push_back(listName("CUST", i));
        CustomerPricing customer{dataset.customer_ids.back(),
                                 "USD",
                                 {},
                                 random.chance(30) ? Strategy::Lowest : Strategy::Priority};
        if (i < size.contract_lists)
            customer.chain.push_back(dataset.contract_ids[static_cast<std::size_t>(i)]);
        if (random.chance(50)) {
            customer.chain.push_back(rule_lists[random.below(static_cast<std::uint32_t>(rule_lists.size()))]);
        } else {
            customer.chain.push_back(groups[random.below(static_cast<std::uint32_t>(groups.size()))]);
        }
        builder.putCustomer(std::move(customer));
    }
}

}  // namespace crossdock::pricing::bench
