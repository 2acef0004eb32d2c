#include "random_dataset.h"

#include <algorithm>
#include <set>

namespace crossdock::pricing::test {

namespace {

constexpr int kItemCount = 80;

class Generator {
public:
    explicit Generator(std::uint64_t seed) : rng_(seed) {}

    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(int percent) { return uniform(0, 99) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& from) {
        return from[static_cast<std::size_t>(uniform(0, static_cast<int>(from.size()) - 1))];
    }
    core::Decimal raw(std::int64_t lo, std::int64_t hi) {
        return core::Decimal::fromRaw(std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_));
    }
    core::Date date(int lo_days, int hi_days) { return core::Date::fromDays(uniform(lo_days, hi_days)); }
    std::mt19937_64& rng() { return rng_; }

private:
    std::mt19937_64 rng_;
};

const std::vector<std::string> kCategories{"Hardware",
                                           "Hardware > Fasteners",
                                           "Hardware > Fasteners > Screws",
                                           "Hardware > Fastening",
                                           "Hardware > Tools",
                                           "Garden",
                                           "Garden > Hoses",
                                           ""};
const std::vector<std::string> kBrands{"Acme", "Bolt", "Zed", ""};
const std::vector<const char*> kMinQtys{"0", "0.5", "1", "2", "2.5", "5", "10", "12", "24", "48", "100"};

core::Decimal dec(const char* text) { return *core::Decimal::parse(text); }

ItemFacts makeItem(Generator& g, int index) {
    char sku[16];
    std::snprintf(sku, sizeof sku, "P%03d", index);
    core::UnitConversions units("EA");
    if (g.chance(60))
        (void)units.addLevel("CS", g.pick(std::vector<core::Decimal>{dec("12"), dec("6"), dec("2.5")}));
    if (g.chance(30)) (void)units.addLevel("PL", dec("480"));
    if (g.chance(20)) (void)units.addLevel("BX", dec("3"));
    std::optional<core::Decimal> cost;
    if (g.chance(70)) cost = g.raw(1, 500'000);
    return ItemFacts{sku, g.pick(kCategories), g.pick(kBrands), cost, std::move(units)};
}

std::vector<std::string> unitsOf(const ItemFacts& item) {
    std::vector<std::string> units{item.units.baseUnit()};
    for (const auto& level : item.units.levels()) units.push_back(level.unit);
    return units;
}

// Tiers of one SKU in one list: distinct min_qty per unit, sometimes a second
// entry for the same tier in a later, disjoint validity window.
void addEntries(Generator& g, const std::string& list, const ItemFacts& item, std::vector<PriceEntry>& out) {
    auto units = unitsOf(item);
    std::shuffle(units.begin(), units.end(), g.rng());
    const int unit_count = g.chance(25) ? 2 : 1;
    const core::Date split = core::Date::fromDays(20'454);  // 2026-01-01
    for (int u = 0; u < unit_count && u < static_cast<int>(units.size()); ++u) {
        std::set<std::string> used;
        const int tiers = g.uniform(1, 4);
        for (int t = 0; t < tiers; ++t) {
            const std::string min_qty = g.pick(kMinQtys);
            if (!used.insert(min_qty).second) continue;
            PriceEntry entry{list,
                             item.sku,
                             units[static_cast<std::size_t>(u)],
                             dec(min_qty.c_str()),
                             g.raw(1, 999'999),
                             {},
                             {},
                             {}};
            const int window = g.uniform(0, 9);
            if (window == 0) entry.valid_from = g.date(20'300, 20'600);
            if (window == 1) entry.valid_to = g.date(20'300, 20'600);
            if (window == 2) {
                entry.valid_to = split.addDays(-1);
                PriceEntry later = entry;
                later.valid_from = split;
                later.valid_to.reset();
                later.unit_price = g.raw(1, 999'999);
                out.push_back(later);
            }
            out.push_back(entry);
        }
    }
}

PriceRule rule(RuleScope scope, std::string value, bool markup, const char* percent) {
    return PriceRule{
        scope, std::move(value),
        Adjustment{markup ? Adjustment::Kind::Markup : Adjustment::Kind::PercentOff, dec(percent)}};
}

}  // namespace

RandomDataset makeRandomDataset(std::uint64_t seed) {
    Generator g(seed);
    RandomDataset set;
    set.items = std::make_shared<InMemoryItemLookup>();
    std::vector<ItemFacts> items;
    for (int i = 0; i < kItemCount; ++i) {
        items.push_back(makeItem(g, i));
        set.skus.push_back(items.back().sku);
        set.items->put(items.back());
    }
    auto& data = set.data;
    const std::vector<std::string> usd_lists{"BASE", "G1", "G2", "C1", "C2", "C3", "C4", "C5", "PR1"};
    const std::vector<std::string> eur_lists{"BASE-EUR", "E1"};
    for (const auto& id : usd_lists) data.lists.push_back(PriceList{id, id, "USD", ListKind::Group, {}, {}});
    for (const auto& id : eur_lists) data.lists.push_back(PriceList{id, id, "EUR", ListKind::Group, {}, {}});
    data.lists[8].valid_from = core::Date::fromDays(20'440);  // PR1: a promotion window
    data.lists[8].valid_to = core::Date::fromDays(20'500);
    for (const char* id : {"GOLD", "SILVER", "COST", "PLAT"})
        data.lists.push_back(PriceList{id, id, "USD", ListKind::Group, {}, {}});
    data.lists.push_back(PriceList{"EGOLD", "EGOLD", "EUR", ListKind::Group, {}, {}});
    data.lists.back().valid_to = core::Date::fromDays(20'480);

    data.rule_lists.push_back(
        RuleList{"GOLD",
                 RuleSource::List,
                 "BASE",
                 {rule(RuleScope::Category, "Hardware > Fasteners", false, "12"),
                  rule(RuleScope::Category, "Hardware > Fasteners > Screws", false, "15"),
                  rule(RuleScope::Brand, "Acme", false, "5"), rule(RuleScope::Sku, "P003", false, "20"),
                  rule(RuleScope::Sku, "P010", true, "10")}});
    data.rule_lists.push_back(
        RuleList{"SILVER", RuleSource::List, "G1", {rule(RuleScope::All, "", false, "3")}});
    data.rule_lists.push_back(
        RuleList{"COST",
                 RuleSource::Cost,
                 "",
                 {rule(RuleScope::All, "", true, "30"), rule(RuleScope::Category, "Garden", true, "50.5")}});
    data.rule_lists.push_back(
        RuleList{"PLAT",
                 RuleSource::List,
                 "GOLD",
                 {rule(RuleScope::All, "", false, "2"), rule(RuleScope::Brand, "Bolt", false, "7.25")}});
    data.rule_lists.push_back(
        RuleList{"EGOLD", RuleSource::List, "BASE-EUR", {rule(RuleScope::Category, "Garden", false, "10")}});

    for (const auto& item : items) {
        for (const auto& id : usd_lists) {
            if (g.chance(id == "BASE" ? 85 : 30)) addEntries(g, id, item, data.entries);
        }
        for (const auto& id : eur_lists) {
            if (g.chance(id == "BASE-EUR" ? 80 : 30)) addEntries(g, id, item, data.entries);
        }
    }
    std::shuffle(data.entries.begin(), data.entries.end(), g.rng());

    const std::vector<std::string> usd_chainable{"G1", "G2",  "C1",   "C2",     "C3",   "C4",
                                                 "C5", "PR1", "GOLD", "SILVER", "COST", "PLAT"};
    const std::vector<std::string> eur_chainable{"E1", "EGOLD"};
    for (int i = 0; i < 50; ++i) {
        const bool eur = i >= 40;
        CustomerPricing customer{"CU" + std::to_string(i),
                                 eur ? "EUR" : "USD",
                                 {},
                                 g.chance(50) ? Strategy::Lowest : Strategy::Priority};
        auto pool = eur ? eur_chainable : usd_chainable;
        std::shuffle(pool.begin(), pool.end(), g.rng());
        pool.resize(static_cast<std::size_t>(g.uniform(0, eur ? 2 : 5)));
        customer.chain = pool;
        if (!eur && g.chance(10)) customer.chain.push_back("BASE");
        set.customers.push_back(customer.customer_id);
        data.customers.push_back(std::move(customer));
    }
    return set;
}

}  // namespace crossdock::pricing::test
