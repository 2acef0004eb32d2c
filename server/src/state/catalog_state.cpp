#include "catalog_state.h"

namespace crossdock::server {
namespace {

pricing::ItemFacts pricingFacts(const catalog::Item& item, const catalog::CategoryTree& tree) {
    pricing::ItemFacts facts{item.sku,
                             item.category == catalog::kNoCategory ? "" : tree.category(item.category).path,
                             item.brand, item.cost, item.units};
    return facts;
}

void addAssortments(CatalogSnapshot& snapshot, const catalog::CatalogData& data) {
    std::unordered_map<std::string, catalog::Assortment> by_name;
    for (const catalog::AssortmentRule& rule : data.assortment_rules) {
        auto [it, inserted] = by_name.try_emplace(rule.assortment, catalog::Assortment(rule.assortment));
        if (rule.kind == "sku") {
            it->second.addSku(rule.value);
        } else if (auto category = snapshot.tree().find(rule.value)) {
            it->second.addCategory(*category);
        }
    }
    for (auto& [name, assortment] : by_name) snapshot.assortments.put(std::move(assortment));
    for (const catalog::CustomerAssortments& assigned : data.customer_assortments) {
        // NotFound (an unknown assortment) leaves the customer unrestricted; see the header.
        (void)snapshot.assortments.assign(assigned.customer_id, assigned.assortments);
    }
}

}  // namespace

const catalog::ItemStock* CatalogSnapshot::stockOf(std::string_view sku) const {
    auto it = stock.find(sku);
    return it == stock.end() ? nullptr : &it->second;
}

std::shared_ptr<const CatalogSnapshot> buildCatalogSnapshot(catalog::CatalogData data) {
    auto snapshot = std::make_shared<CatalogSnapshot>();
    snapshot->version = data.version;
    for (auto& [sku, level] : data.stock) (void)snapshot->stock[sku].set(std::move(level));
    auto items = std::make_shared<pricing::InMemoryItemLookup>();
    for (const catalog::Item& item : data.items) {
        items->put(pricingFacts(item, data.tree));
        if (!item.gtin.empty()) snapshot->sku_by_gtin.emplace(item.gtin, item.sku);
    }
    snapshot->pricing_items = std::move(items);
    const auto* stock = &snapshot->stock;
    auto in_stock = [stock](std::string_view sku) {
        auto it = stock->find(sku);
        return it != stock->end() && it->second.inStock();
    };
    snapshot->index = catalog::SearchIndex::build(std::move(data.tree), std::move(data.items), in_stock);
    addAssortments(*snapshot, data);
    for (const catalog::PartNumberRow& row : data.part_numbers) {
        (void)snapshot->part_numbers.add(row.customer_id, row.part_number, row.sku);
    }
    return snapshot;
}

CatalogState::CatalogState(catalog::CatalogRepository& repository) : repository_(repository) { reload(); }

std::shared_ptr<const CatalogSnapshot> CatalogState::current() const {
    std::lock_guard lock(current_mutex_);
    return current_;
}

bool CatalogState::refresh() {
    const std::int64_t stored = repository_.version();
    if (current() && current()->version == stored) return false;
    reload();
    return true;
}

void CatalogState::reload() {
    std::lock_guard writer(reload_mutex_);
    auto next = buildCatalogSnapshot(repository_.load());
    std::lock_guard lock(current_mutex_);
    current_ = std::move(next);
}

}  // namespace crossdock::server
