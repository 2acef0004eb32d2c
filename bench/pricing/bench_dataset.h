#pragma once

// A deterministic wholesale dataset for pricing_bench: items, price lists with
// tiers, rule lists and customers, streamed straight into a SnapshotBuilder.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/snapshot.h"

namespace crossdock::pricing::bench {

/// Sizes; the defaults are the target figures.
struct DatasetSize {
    int skus = 1'000'000;
    int customers = 10'000;
    int group_lists = 200;
    int skus_per_group_list = 2'500;
    int contract_lists = 10'000;     // one per customer
    int entries_per_contract = 500;  // about 3 tiers per SKU
    int rule_lists = 50;
};

/// An item catalog as a catalog snapshot would hold it: items in a vector and an
/// open-addressing table of (hash tag, index) pairs over them.
class BenchItems final : public ItemLookup {
public:
    const ItemFacts* find(std::string_view sku) const override {
        const std::uint64_t hash = std::hash<std::string_view>{}(sku);
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            const Slot slot = slots_[i];
            if (slot.index == kEmpty) return nullptr;
            if (slot.tag == tag && items_[slot.index].sku == sku) return &items_[slot.index];
        }
    }
    void forEach(const std::function<void(const ItemFacts&)>& visit) const override {
        for (const auto& item : items_) visit(item);
    }
    /// Indexes items_ (call once, after filling it).
    void index();

    std::vector<ItemFacts> items_;

private:
    static constexpr std::uint32_t kEmpty = 0xffff'ffffU;
    struct Slot {
        std::uint32_t tag = 0;
        std::uint32_t index = kEmpty;
    };
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

struct Dataset {
    std::shared_ptr<BenchItems> items;
    std::vector<std::string> customer_ids;
    std::vector<std::string> contract_ids;                  // customer i has contract i
    std::vector<std::vector<std::uint32_t>> contract_skus;  // item indexes per contract
    std::size_t entries = 0;
};

std::string skuName(std::uint32_t index);

/// Builds the items (into `dataset`) and fills `builder` with lists, entries,
/// rules and customers. Deterministic for a given seed.
Dataset makeItems(const DatasetSize& size, std::uint64_t seed);
void fillBuilder(const DatasetSize& size, std::uint64_t seed, Dataset& dataset, SnapshotBuilder& builder);

}  // namespace crossdock::pricing::bench
