// SnapshotBuilder::build(): turns the collected changes into a new SnapshotState.
// The state starts as a shallow copy of the base (shared lists, tables and
// customers) and each step replaces only what its changes touch.

#include <stdexcept>

#include "builder_state.h"
#include "compiled_rules.h"
#include "crossdock/pricing/snapshot.h"

namespace crossdock::pricing {

using detail::BuilderState;
using detail::ListChange;
using detail::ListData;
using detail::SnapshotState;
using detail::StringTable;

namespace {

class Build {
public:
    Build(BuilderState& builder, SnapshotState& state)
        : b_(builder), s_(state), list_ids_(builder.base ? builder.base->list_ids : nullptr) {}

    core::Status run() {
        if (auto status = applyHeaders(); !status) return status;
        for (const ListChange& change : b_.list_changes) {
            if (auto status = applyEntries(change); !status) return status;
        }
        for (const ListChange& change : b_.list_changes) {
            if (auto status = applyRules(change); !status) return status;
        }
        if (auto status = checkDerivations(); !status) return status;
        auto customers = detail::buildCustomers(s_, b_.customer_changes, lists_changed_);
        if (!customers) return customers.takeError();
        s_.customers = std::move(*customers);
        return {};
    }

private:
    const ListData* live(std::uint32_t slot) const {
        return slot < s_.lists.size() ? s_.lists[slot].get() : nullptr;
    }
    std::uint32_t liveSlot(std::string_view id) const {
        const auto slot = list_ids_.find(id);
        return live(slot) != nullptr ? slot : StringTable::kNone;
    }

    // Step 1: list headers, removals and additions.
    core::Status applyHeaders() {
        for (const ListChange& change : b_.list_changes) {
            const auto slot = liveSlot(change.id);
            if (change.removed && !change.header) {
                if (slot == StringTable::kNone) {
                    return core::makeError(core::ErrorCode::NotFound,
                                           "no price list " + change.id + " to remove", change.remove_where);
                }
                s_.entry_count -= s_.lists[slot]->rows->size();
                s_.lists[slot] = nullptr;
                lists_changed_ = true;
                continue;
            }
            if (!change.header) continue;
            if (auto status = checkHeader(*change.header, change.header_where); !status) return status;
            const auto currency = core::findCurrency(change.header->currency);
            auto data = std::allocate_shared<ListData>(detail::HugePageAllocator<ListData>{});
            const bool replace = slot != StringTable::kNone && !change.removed;
            if (replace) {
                *data = *s_.lists[slot];
                lists_changed_ = lists_changed_ || data->currency.code != currency->code;
            } else {
                if (slot != StringTable::kNone) s_.entry_count -= s_.lists[slot]->rows->size();
                data->setRows(detail::emptyRows(), detail::emptyIndex());
                lists_changed_ = true;
            }
            data->setHeader(*change.header);
            data->currency = *currency;
            const auto new_slot = list_ids_.intern(change.id);
            if (new_slot >= s_.lists.size()) s_.lists.resize(new_slot + 1);
            s_.lists[new_slot] = std::move(data);
        }
        s_.list_ids = list_ids_.result();
        return {};
    }

    static core::Status checkHeader(const PriceList& list, const std::string& where) {
        if (list.id.empty())
            return core::makeError(core::ErrorCode::InvalidArgument, "a price list needs an id", where);
        if (!core::findCurrency(list.currency)) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   "unknown currency \"" + list.currency + "\" for price list " + list.id,
                                   where);
        }
        if (list.valid_from && list.valid_to && *list.valid_to < *list.valid_from) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   "price list " + list.id + " validity ends before it starts", where);
        }
        return {};
    }

    std::string firstEntryWhere(const ListChange& change) const {
        std::uint32_t first = 0xffff'ffffU;
        for (const auto& p : change.upserts) first = std::min(first, p.ordinal);
        for (const auto& p : change.removals) first = std::min(first, p.ordinal);
        return first == 0xffff'ffffU ? "list " + change.id : b_.whereOf(first);
    }

    // Step 2: entries of one list.
    core::Status applyEntries(const ListChange& change) {
        const bool touched = !change.upserts.empty() || !change.removals.empty() || change.cleared;
        if (!touched || (change.removed && !change.header)) return {};
        const auto slot = liveSlot(change.id);
        if (slot == StringTable::kNone) {
            return core::makeError(core::ErrorCode::NotFound, "unknown price list " + change.id,
                                   firstEntryWhere(change));
        }
        const ListData& old = *s_.lists[slot];
        for (const auto& [ordinal, currency] : change.currency_claims) {
            if (currency != old.header.currency) {
                return core::makeError(
                    core::ErrorCode::InvalidArgument,
                    "entry in " + currency + " for price list " + change.id + " in " + old.header.currency,
                    b_.whereOf(ordinal));
            }
        }
        if (!change.upserts.empty() && (old.rules || change.rules)) {
            return core::makeError(
                core::ErrorCode::InvalidArgument,
                "price list " + change.id + " derives its prices from rules: it holds no entries",
                firstEntryWhere(change));
        }
        auto merged = detail::mergeListRows(&old, change, b_);
        if (!merged) return merged.takeError();
        auto data = std::allocate_shared<ListData>(detail::HugePageAllocator<ListData>{}, old);
        s_.entry_count = s_.entry_count - old.rows->size() + merged->rows->size();
        data->setRows(std::move(merged->rows), std::move(merged->index));
        s_.lists[slot] = std::move(data);
        return {};
    }

    // Step 3: rule lists.
    core::Status applyRules(const ListChange& change) {
        if (!change.rules || (change.removed && !change.header)) return {};
        const auto slot = liveSlot(change.id);
        if (slot == StringTable::kNone) {
            return core::makeError(core::ErrorCode::NotFound, "rule list for unknown price list " + change.id,
                                   change.rules_where);
        }
        if (!s_.lists[slot]->rows->empty()) {
            return core::makeError(
                core::ErrorCode::InvalidArgument,
                "price list " + change.id + " holds entries: it cannot also derive by rules",
                change.rules_where);
        }
        const bool from_list = change.rules->source == RuleSource::List;
        const auto source = from_list ? list_ids_.find(change.rules->source_list_id) : StringTable::kNone;
        auto compiled = detail::compileRules(*change.rules, change.rules_where, source, b_.interns());
        if (!compiled) return compiled.takeError();
        auto data = std::allocate_shared<ListData>(detail::HugePageAllocator<ListData>{}, *s_.lists[slot]);
        data->rules = std::move(*compiled);
        s_.lists[slot] = std::move(data);
        return {};
    }

    std::string rulesWhere(const ListData& list) const {
        auto found = b_.list_change_index.find(list.header.id);
        if (found != b_.list_change_index.end() && b_.list_changes[found->second].rules) {
            return b_.list_changes[found->second].rules_where;
        }
        return "rule list " + list.header.id;
    }

    // Step 4: every derived list's source exists, shares its currency, and no
    // chain of derivations loops.
    core::Status checkDerivations() {
        std::vector<std::uint8_t> state(s_.lists.size(), 0);  // 0 unseen, 1 on the path, 2 done
        for (std::uint32_t slot = 0; slot < s_.lists.size(); ++slot) {
            const ListData* list = live(slot);
            if (list == nullptr || !list->rules || list->rules->definition.source != RuleSource::List)
                continue;
            const ListData* source = live(list->rules->source_slot);
            if (source == nullptr) {
                return core::makeError(core::ErrorCode::NotFound,
                                       "price list " + list->header.id + " derives from unknown list " +
                                           list->rules->definition.source_list_id,
                                       rulesWhere(*list));
            }
            if (source->currency.code != list->currency.code) {
                return core::makeError(core::ErrorCode::InvalidArgument,
                                       "price list " + list->header.id + " in " + list->header.currency +
                                           " derives from " + source->header.id + " in " +
                                           source->header.currency,
                                       rulesWhere(*list));
            }
        }
        for (std::uint32_t start = 0; start < s_.lists.size(); ++start) {
            std::string path;
            std::uint32_t slot = start;
            while (live(slot) != nullptr && live(slot)->rules && state[slot] != 2 &&
                   live(slot)->rules->definition.source == RuleSource::List) {
                if (state[slot] == 1) {
                    return core::makeError(core::ErrorCode::InvalidArgument,
                                           "rule cycle: " + path + live(slot)->header.id,
                                           rulesWhere(*live(slot)));
                }
                state[slot] = 1;
                path += live(slot)->header.id + " derives from ";
                slot = live(slot)->rules->source_slot;
            }
            for (slot = start; slot < state.size() && state[slot] == 1;
                 slot = live(slot)->rules->source_slot) {
                state[slot] = 2;
            }
        }
        return {};
    }

    BuilderState& b_;
    SnapshotState& s_;
    detail::CowTable list_ids_;
    bool lists_changed_ = false;
};

}  // namespace

core::Result<std::shared_ptr<const PriceSnapshot>> SnapshotBuilder::build() {
    BuilderState& b = *state_;
    if (b.spent) throw std::logic_error("SnapshotBuilder::build called twice");
    b.spent = true;
    if (b.first_error) return *b.first_error;
    auto state = std::make_shared<SnapshotState>();
    if (b.base) *state = *b.base;
    state->version = b.base ? b.base->version + 1 : 1;
    state->items = b.items;
    // A new catalog (or the first build): intern every item into the dense tables.
    if (!b.base || b.base->items != b.items || !b.base->item_table) {
        state->item_table = detail::buildItemTable(*b.items, b.interns());
    }
    if (!state->list_ids) state->list_ids = std::make_shared<const StringTable>();
    Build build(b, *state);
    if (auto status = build.run(); !status) return status.takeError();
    // After the rules: they intern their SKUs, categories and brands too.
    state->skus = b.skus.result();
    state->units = b.units.result();
    state->categories = b.categories.result();
    state->brands = b.brands.result();
    return std::make_shared<const PriceSnapshot>(std::move(state));
}

}  // namespace crossdock::pricing
