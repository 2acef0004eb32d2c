#include "crossdock/pricing/snapshot.h"

#include "snapshot_state.h"

namespace crossdock::pricing {

namespace detail {

std::shared_ptr<const Rows> emptyRows() {
    static const auto rows = std::make_shared<const Rows>();
    return rows;
}

std::shared_ptr<const SkuIndex> emptyIndex() {
    static const auto index = std::make_shared<const SkuIndex>(0);
    return index;
}

}  // namespace detail

PriceSnapshot::PriceSnapshot(std::shared_ptr<const detail::SnapshotState> state) : state_(std::move(state)) {}

PriceSnapshot::~PriceSnapshot() = default;

std::uint64_t PriceSnapshot::version() const { return state_->version; }

std::size_t PriceSnapshot::listCount() const {
    std::size_t count = 0;
    for (const auto& list : state_->lists) count += list ? 1U : 0U;
    return count;
}

std::size_t PriceSnapshot::entryCount() const { return state_->entry_count; }

std::size_t PriceSnapshot::customerCount() const {
    std::size_t count = 0;
    for (const auto& record : state_->customers->records) count += record.active ? 1U : 0U;
    return count;
}

std::optional<PriceList> PriceSnapshot::list(std::string_view list_id) const {
    const auto* list = state_->listById(list_id);
    if (list == nullptr) return std::nullopt;
    return list->header;
}

std::optional<RuleList> PriceSnapshot::rules(std::string_view list_id) const {
    const auto* list = state_->listById(list_id);
    if (list == nullptr || !list->rules) return std::nullopt;
    return list->rules->definition;
}

std::optional<CustomerPricing> PriceSnapshot::customer(std::string_view customer_id) const {
    const auto& table = *state_->customers;
    const auto index = table.ids.find(customer_id);
    if (index == detail::StringTable::kNone || !table.records[index].active) return std::nullopt;
    const auto& record = table.records[index];
    CustomerPricing customer{
        std::string(customer_id), std::string(record.currency.code), {}, record.strategy};
    for (std::uint32_t i = 0; i < record.explicit_count; ++i) {
        customer.chain.emplace_back(state_->list_ids->name(table.chains[record.chain_begin + i]));
    }
    return customer;
}

const ItemLookup& PriceSnapshot::items() const { return *state_->items; }

std::size_t PriceSnapshot::memoryBytes() const {
    const auto& s = *state_;
    std::size_t bytes = s.skus->memoryBytes() + s.units->memoryBytes() + s.list_ids->memoryBytes();
    if (s.item_table) bytes += s.item_table->memoryBytes();
    if (s.categories) bytes += s.categories->memoryBytes();
    if (s.brands) bytes += s.brands->memoryBytes();
    bytes += s.lists.capacity() * sizeof(s.lists[0]);
    for (const auto& list : s.lists) {
        if (!list) continue;
        bytes += sizeof(detail::ListData) + list->rows->capacity() * sizeof(detail::Row) +
                 list->index->memoryBytes();
    }
    const auto& customers = *s.customers;
    bytes += customers.ids.memoryBytes() + customers.records.capacity() * sizeof(detail::CustomerRecord) +
             customers.chains.capacity() * sizeof(std::uint32_t);
    return bytes;
}

core::Result<std::shared_ptr<const PriceSnapshot>> buildSnapshot(const PricingData& data,
                                                                 std::shared_ptr<const ItemLookup> items) {
    SnapshotBuilder builder(std::move(items));
    for (const auto& list : data.lists) builder.putList(list);
    for (const auto& rules : data.rule_lists) builder.putRules(rules);
    for (const auto& entry : data.entries) builder.putEntry(entry);
    for (const auto& customer : data.customers) builder.putCustomer(customer);
    return builder.build();
}

}  // namespace crossdock::pricing
