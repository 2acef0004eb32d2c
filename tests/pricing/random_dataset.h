#pragma once

// A random but reproducible pricing dataset for the property test: items with
// packaging, entry lists with tiers and validity windows, derived lists (from a
// list, from a derived list, from cost), customers in two currencies.

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"

namespace crossdock::pricing::test {

struct RandomDataset {
    PricingData data;
    std::shared_ptr<InMemoryItemLookup> items;
    std::vector<std::string> skus;
    std::vector<std::string> customers;
};

/// The same seed gives the same dataset.
RandomDataset makeRandomDataset(std::uint64_t seed);

}  // namespace crossdock::pricing::test
