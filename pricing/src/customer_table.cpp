// Customers: their chains compiled to list slots, with the default list
// (BASE, or BASE-<currency> for customers in another currency) appended.

#include <algorithm>
#include <unordered_map>

#include "builder_state.h"

namespace crossdock::pricing::detail {

namespace {

using SlotChain = std::vector<std::uint32_t>;

const ListData* liveList(const SnapshotState& state, std::uint32_t slot) {
    return slot < state.lists.size() ? state.lists[slot].get() : nullptr;
}

// The default list of a customer in `currency`, if one exists in that currency.
std::uint32_t defaultSlot(const SnapshotState& state, std::string_view currency) {
    for (const std::string& id : {std::string(kBaseListId), defaultListIdFor(currency)}) {
        const auto slot = state.list_ids->find(id);
        const ListData* list = slot == StringTable::kNone ? nullptr : liveList(state, slot);
        if (list != nullptr && list->currency.code == currency) return slot;
    }
    return StringTable::kNone;
}

bool isDefaultId(std::string_view id, std::string_view currency) {
    return id == kBaseListId || id == defaultListIdFor(currency);
}

// Checks one customer's explicit chain against the lists as they are now.
std::optional<core::Error> checkChain(const SnapshotState& state, std::string_view customer_id,
                                      core::Currency currency, const SlotChain& chain,
                                      const std::string& where) {
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const ListData* list = liveList(state, chain[i]);
        const std::string position = where + " chain[" + std::to_string(i) + "]";
        if (list == nullptr) {
            return core::makeError(core::ErrorCode::NotFound,
                                   "customer " + std::string(customer_id) + " names unknown price list " +
                                       std::string(state.list_ids->name(chain[i])),
                                   position);
        }
        if (list->currency.code != currency.code) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   "price list " + list->header.id + " is in " + list->header.currency +
                                       " but customer " + std::string(customer_id) + " buys in " +
                                       std::string(currency.code),
                                   position);
        }
    }
    return std::nullopt;
}

// Compiles a put: currency, list ids to slots, duplicates, BASE only last.
core::Result<SlotChain> compileChain(const SnapshotState& state, const CustomerPricing& customer,
                                     core::Currency currency, const std::string& where) {
    SlotChain chain;
    for (std::size_t i = 0; i < customer.chain.size(); ++i) {
        const std::string& id = customer.chain[i];
        const std::string position = where + " chain[" + std::to_string(i) + "]";
        if (isDefaultId(id, currency.code) && i + 1 != customer.chain.size()) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   "the default list " + id + " can only come last in a chain", position);
        }
        const auto slot = state.list_ids->find(id);
        if (slot == StringTable::kNone || liveList(state, slot) == nullptr) {
            return core::makeError(core::ErrorCode::NotFound,
                                   "customer " + customer.customer_id + " names unknown price list " + id,
                                   position);
        }
        if (std::find(chain.begin(), chain.end(), slot) != chain.end()) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   "price list " + id + " is twice in the chain", position);
        }
        chain.push_back(slot);
    }
    return chain;
}

}  // namespace

core::Result<std::shared_ptr<const CustomerTable>> buildCustomers(const SnapshotState& state,
                                                                  const std::vector<CustomerChange>& changes,
                                                                  bool lists_changed) {
    if (changes.empty() && !lists_changed && state.customers) return state.customers;
    const CustomerTable empty;
    const CustomerTable& old = state.customers ? *state.customers : empty;
    auto table = std::make_shared<CustomerTable>();
    table->ids = old.ids;
    table->records = old.records;

    std::unordered_map<std::uint32_t, SlotChain> explicit_chains;  // changed customers
    std::unordered_map<std::uint32_t, std::string> change_wheres;
    for (const CustomerChange& change : changes) {
        const std::string where = change.where.empty() ? "customer " + change.id : change.where;
        if (!change.value) {
            const auto index = table->ids.find(change.id);
            if (index == StringTable::kNone || !table->records[index].active) {
                return core::makeError(core::ErrorCode::NotFound, "no customer " + change.id + " to remove",
                                       where);
            }
            table->records[index].active = false;
            explicit_chains[index].clear();
            continue;
        }
        const CustomerPricing& customer = *change.value;
        if (customer.customer_id.empty()) {
            return core::makeError(core::ErrorCode::InvalidArgument, "customer id is empty", where);
        }
        const auto currency = core::findCurrency(customer.currency);
        if (!currency) {
            return core::makeError(core::ErrorCode::InvalidArgument,
                                   "unknown currency \"" + customer.currency + "\"", where);
        }
        auto chain = compileChain(state, customer, *currency, where);
        if (!chain) return chain.takeError();
        const auto index = table->ids.intern(customer.customer_id);
        if (index >= table->records.size()) table->records.resize(index + 1);
        table->records[index] = CustomerRecord{*currency, customer.strategy, true, 0, 0, 0};
        explicit_chains[index] = std::move(*chain);
        change_wheres[index] = where;
    }

    // Lay out every chain again (a few uint32 per customer) with its default list.
    table->chains.reserve(old.chains.size() + changes.size() * 4);
    for (std::uint32_t index = 0; index < table->records.size(); ++index) {
        CustomerRecord& record = table->records[index];
        SlotChain chain;
        auto fresh = explicit_chains.find(index);
        if (fresh != explicit_chains.end()) {
            chain = fresh->second;
        } else {
            const auto* begin = old.chains.data() + record.chain_begin;
            chain.assign(begin, begin + record.explicit_count);
        }
        if (!record.active) {
            record.chain_begin = record.explicit_count = record.chain_count = 0;
            continue;
        }
        if (fresh != explicit_chains.end() || lists_changed) {
            const auto where_it = change_wheres.find(index);
            const std::string where = where_it != change_wheres.end()
                                          ? where_it->second
                                          : "customer " + std::string(table->ids.name(index));
            if (auto error = checkChain(state, table->ids.name(index), record.currency, chain, where)) {
                return std::move(*error);
            }
        }
        record.chain_begin = static_cast<std::uint32_t>(table->chains.size());
        record.explicit_count = static_cast<std::uint32_t>(chain.size());
        const auto fallback = defaultSlot(state, record.currency.code);
        if (fallback != StringTable::kNone &&
            std::find(chain.begin(), chain.end(), fallback) == chain.end()) {
            chain.push_back(fallback);
        }
        record.chain_count = static_cast<std::uint32_t>(chain.size());
        std::copy_n(chain.begin(), std::min(chain.size(), CustomerRecord::kInlineChain), record.inline_chain);
        table->chains.insert(table->chains.end(), chain.begin(), chain.end());
    }
    return std::shared_ptr<const CustomerTable>(std::move(table));
}

}  // namespace crossdock::pricing::detail
