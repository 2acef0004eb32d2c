#pragma once

// Where price lists, their entries, rule lists and customers' chains are kept.
// Implemented in storage/. The server builds its PriceSnapshot from load() and
// rebuilds when version() moves (a change made by any process).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crossdock/pricing/model.h"

namespace crossdock::pricing {

/// One write transaction; nothing is visible until commit(), destroying it
/// without commit() rolls back. Callers validate first (SnapshotBuilder) and write
/// only what validated. Infrastructure failures throw.
class PricingWrite {
public:
    virtual ~PricingWrite() = default;
    /// Adds or replaces a list header (its entries stay).
    virtual void putList(const PriceList& list) = 0;
    /// Adds or replaces the entry with the same EntryKey.
    virtual void putEntry(const PriceEntry& entry) = 0;
    /// Removes every entry of `list_id`.
    virtual void clearEntries(const std::string& list_id) = 0;
    /// Removes the entry with this key (nothing when there is none).
    virtual void removeEntry(const EntryKey& key) = 0;
    /// Replaces the rules of a derived list.
    virtual void putRules(const RuleList& rules) = 0;
    /// Adds or replaces a customer's chain.
    virtual void putCustomer(const CustomerPricing& customer) = 0;
    /// Makes the changes durable and visible; returns version() as of this commit.
    virtual std::int64_t commit() = 0;
};

class PricingRepository {
public:
    virtual ~PricingRepository() = default;
    /// Everything stored, lists by id, entries by (list, sku, uom, min_qty).
    virtual PricingData load() const = 0;
    virtual std::unique_ptr<PricingWrite> begin() = 0;
    /// Changes with every committed write, from any process.
    virtual std::int64_t version() const = 0;
    /// Every list header, by id.
    virtual std::vector<PriceList> lists() const = 0;
    /// Entries of `list_id` in key order (sku, uom, min_qty, valid_from), those of `sku`
    /// only when it is not empty, starting after the entry of SKU `after_sku` when that is
    /// not empty (a page boundary always falls between SKUs), at most `limit` SKUs' worth.
    virtual std::vector<PriceEntry> entries(const std::string& list_id, const std::string& sku,
                                            const std::string& after_sku, std::size_t limit) const = 0;
};

}  // namespace crossdock::pricing
