#pragma once

// What a SnapshotBuilder collects before build(): changes grouped per list in the
// order they were first touched, customer changes, and the first error seen.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "crossdock/core/error.h"
#include "snapshot_state.h"

namespace crossdock::pricing::detail {

/// A StringTable shared with the base snapshot until the first new string.
class CowTable {
public:
    explicit CowTable(std::shared_ptr<const StringTable> shared)
        : shared_(shared ? std::move(shared) : std::make_shared<const StringTable>()) {}
    std::uint32_t find(std::string_view text) const { return current().find(text); }
    std::uint32_t intern(std::string_view text) {
        if (const auto id = current().find(text); id != StringTable::kNone) return id;
        if (!own_) own_ = std::make_shared<StringTable>(*shared_);
        return own_->intern(text);
    }
    const StringTable& current() const { return own_ ? *own_ : *shared_; }
    std::shared_ptr<const StringTable> result() const { return own_ ? own_ : shared_; }

private:
    std::shared_ptr<const StringTable> shared_;
    std::shared_ptr<StringTable> own_;
};

/// An entry to put or remove, compiled; `ordinal` finds its `where`.
struct PendingRow {
    Row row;
    std::uint32_t ordinal = 0;
};

struct ListChange {
    std::string id;
    std::optional<PriceList> header;
    std::string header_where;
    bool removed = false;  // removed and not put again since
    std::string remove_where;
    bool cleared = false;  // start from no entries instead of the base's
    std::optional<RuleList> rules;
    std::string rules_where;
    std::vector<PendingRow> upserts;
    std::vector<PendingRow> removals;
    std::vector<std::pair<std::uint32_t, std::string>> currency_claims;  // ordinal, entry currency
};

struct CustomerChange {
    std::string id;
    std::optional<CustomerPricing> value;  // nullopt: remove
    std::string where;
};

/// The tables a snapshot interns into; they only grow, so that ids held by shared
/// rows, rules and item tables of older versions stay valid.
struct InternTables {
    CowTable& skus;
    CowTable& units;
    Cow<CategoryTable>& categories;
    CowTable& brands;

    /// The id of a brand (kNone for none).
    std::uint32_t brand(std::string_view text) {
        return text.empty() ? StringTable::kNone : brands.intern(text);
    }
    /// The id of a category path (kNone for none), its ancestors interned too.
    std::uint32_t category(std::string_view path) {
        if (path.empty()) return StringTable::kNone;
        const auto id = categories.current().find(path);
        return id != StringTable::kNone ? id : categories.mutate().intern(path);
    }
};

/// Every item of `items`, interned into `tables`, as records by SKU id.
std::shared_ptr<const ItemTable> buildItemTable(const ItemLookup& items, InternTables tables);

struct BuilderState {
    std::shared_ptr<const SnapshotState> base;  // null when building from nothing
    std::shared_ptr<const ItemLookup> items;
    CowTable skus;
    CowTable units;
    Cow<CategoryTable> categories;
    CowTable brands;
    std::vector<ListChange> list_changes;
    std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>> list_change_index;
    std::vector<CustomerChange> customer_changes;
    std::uint32_t next_ordinal = 0;
    std::unordered_map<std::uint32_t, std::string> wheres;  // ordinal → caller's where
    std::optional<core::Error> first_error;
    bool spent = false;

    BuilderState(std::shared_ptr<const SnapshotState> base_state,
                 std::shared_ptr<const ItemLookup> item_lookup)
        : base(std::move(base_state)),
          items(std::move(item_lookup)),
          skus(base ? base->skus : nullptr),
          units(base ? base->units : nullptr),
          categories(base ? base->categories : nullptr),
          brands(base ? base->brands : nullptr) {}

    InternTables interns() { return InternTables{skus, units, categories, brands}; }

    /// The caller's where for an ordinal, or "entry N".
    std::string whereOf(std::uint32_t ordinal) const {
        auto found = wheres.find(ordinal);
        return found != wheres.end() ? found->second : "entry " + std::to_string(ordinal);
    }
    ListChange& changeFor(std::string_view list_id);
    void fail(core::Error error) {
        if (!first_error) first_error = std::move(error);
    }
};

/// Step "entries" of build(): the new rows of one list from its old rows (null
/// when the list is new) and its change. Also returns the new index, shared with
/// the old one when no SKU's row count changed.
struct MergedRows {
    std::shared_ptr<const Rows> rows;
    std::shared_ptr<const SkuIndex> index;
};
core::Result<MergedRows> mergeListRows(const ListData* old_list, const ListChange& change,
                                       const BuilderState& builder);

/// Step "customers" of build(): applies customer changes and re-derives default
/// lists; re-checks every customer when `lists_changed`, else only changed ones.
core::Result<std::shared_ptr<const CustomerTable>> buildCustomers(const SnapshotState& state,
                                                                  const std::vector<CustomerChange>& changes,
                                                                  bool lists_changed);

}  // namespace crossdock::pricing::detail
