#pragma once

// An immutable, versioned view of every price list, rule list and customer chain,
// and the builder that validates input into one. A new version is built from the
// previous one plus changes; lists that did not change are shared, not copied.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"

namespace crossdock::pricing {

namespace detail {
struct SnapshotState;
struct BuilderState;
}  // namespace detail

/// One consistent version of the price data. Immutable: any number of threads may
/// read it at once. Obtain one from SnapshotBuilder::build(); hand it around as
/// std::shared_ptr<const PriceSnapshot>. Resolve prices with a Resolver over it.
class PriceSnapshot {
public:
    explicit PriceSnapshot(std::shared_ptr<const detail::SnapshotState> state);
    ~PriceSnapshot();

    /// 1 for a snapshot built from nothing; one more than its base otherwise.
    std::uint64_t version() const;
    /// Live price lists (entry lists and derived lists).
    std::size_t listCount() const;
    /// Entries over all lists.
    std::size_t entryCount() const;
    /// Customers with a pricing assignment.
    std::size_t customerCount() const;
    /// The header of a list, or nullopt.
    std::optional<PriceList> list(std::string_view list_id) const;
    /// The rules of a derived list, or nullopt for an entry list or an unknown id.
    std::optional<RuleList> rules(std::string_view list_id) const;
    /// A customer's assignment as it was put (the chain without the default list).
    std::optional<CustomerPricing> customer(std::string_view customer_id) const;
    /// The item lookup this snapshot was built with.
    const ItemLookup& items() const;
    /// Approximate heap bytes of the price data this version holds, shared parts
    /// included (the item lookup excluded; the snapshot's own item table included).
    std::size_t memoryBytes() const;

    /// Internal representation, for the resolver and the builder.
    const detail::SnapshotState& state() const { return *state_; }
    std::shared_ptr<const detail::SnapshotState> sharedState() const { return state_; }

private:
    std::shared_ptr<const detail::SnapshotState> state_;
};

/// Collects changes and turns them into a validated PriceSnapshot.
///
/// Start from nothing (with an item lookup) or from an existing snapshot; put and
/// remove lists, entries, rule lists and customers; then build(). Each put takes an
/// optional `where` ("prices.csv:12", "$.entries[3]") that positions any error it
/// causes; without one the builder says "entry 12" (the 12th putEntry call), "list
/// GOLD", "rule list GOLD" or "customer C-7". build() checks everything and returns
/// the first error found: nothing is half-applied, the base snapshot is untouched.
///
/// Checks: unknown currency, validity that ends before it starts, a negative price
/// or min_qty, an unknown SKU or a unit the item does not have, an entry for an
/// unknown list or for a derived list, a duplicate tier (same list, SKU, unit and
/// min_qty with overlapping validity), a rule list for an unknown list, with a bad
/// rule or an unknown or foreign-currency source, a rule cycle, a customer chain
/// with an unknown list, a list twice, BASE before the end or a list in another
/// currency, removing anything that does not exist or is still used.
///
/// Entries are checked against the item lookup when they are put; replacing the
/// lookup later does not re-check stored entries. Not thread-safe; use one builder
/// per change (SnapshotHolder::update serialises writers).
class SnapshotBuilder {
public:
    /// An empty dataset whose entries and rules will be checked against `items`.
    explicit SnapshotBuilder(std::shared_ptr<const ItemLookup> items);
    /// Everything `base` holds, to be changed. `base` stays valid and unchanged.
    explicit SnapshotBuilder(std::shared_ptr<const PriceSnapshot> base);
    SnapshotBuilder(SnapshotBuilder&&) noexcept;
    SnapshotBuilder& operator=(SnapshotBuilder&&) noexcept;
    ~SnapshotBuilder();

    /// Replaces the item lookup (a new catalog version) for later puts and for the result.
    void setItems(std::shared_ptr<const ItemLookup> items);
    /// Adds a list, or replaces the header of the list with the same id (its
    /// entries or rules stay).
    void putList(PriceList list, std::string where = {});
    /// Removes a list with its entries or rules. An error at build() when a
    /// customer chain or a rule list still uses it.
    void removeList(std::string_view list_id, std::string where = {});
    /// Adds an entry, or replaces the entry with the same EntryKey.
    void putEntry(const PriceEntry& entry, std::string where = {});
    /// Removes the entry with this key; an error at build() when there is none.
    void removeEntry(const EntryKey& key, std::string where = {});
    /// Drops every entry the list holds so far (before this builder's puts to it):
    /// a full replacement of a list's entries is clearEntries() then putEntry()s.
    void clearEntries(std::string_view list_id);
    /// Makes `rules.list_id` (a list put before or in this change) a derived list.
    void putRules(RuleList rules, std::string where = {});
    /// Adds or replaces a customer's assignment.
    void putCustomer(CustomerPricing customer, std::string where = {});
    /// Removes a customer's assignment; an error at build() when there is none.
    void removeCustomer(std::string_view customer_id, std::string where = {});

    /// Validates and builds the new version. The builder is spent afterwards.
    core::Result<std::shared_ptr<const PriceSnapshot>> build();

private:
    std::unique_ptr<detail::BuilderState> state_;
};

/// Builds a snapshot from plain vectors (tests, the reference, small tools):
/// lists, then rule lists, entries ("entry N" counts from 1 in vector order) and
/// customers.
core::Result<std::shared_ptr<const PriceSnapshot>> buildSnapshot(const PricingData& data,
                                                                 std::shared_ptr<const ItemLookup> items);

}  // namespace crossdock::pricing
