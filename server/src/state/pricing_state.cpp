#include "state/pricing_state.h"

#include <stdexcept>

namespace crossdock::server {

PricingState::PricingState(pricing::PricingRepository& repository, CatalogState& catalog)
    : repository_(repository), catalog_(catalog) {
    Built built = build();
    holder_ = std::make_unique<pricing::SnapshotHolder>(built.snapshot);
    pricing_version_ = built.pricing_version;
    catalog_version_ = built.catalog_version;
}

PricingState::Built PricingState::build() {
    // The version is read before the data: a write landing in between makes the next
    // refresh() build once more, never miss a change.
    const std::int64_t pricing_version = repository_.version();
    auto catalog = catalog_.current();
    auto built = pricing::buildSnapshot(repository_.load(), catalog->pricing_items);
    if (!built) throw std::runtime_error("stored prices do not build: " + built.error().describe());
    return Built{*built, pricing_version, catalog->version};
}

bool PricingState::refresh() {
    std::lock_guard lock(reload_mutex_);
    const std::int64_t stored = repository_.version();
    auto catalog = catalog_.current();
    if (stored == pricing_version_ && catalog->version == catalog_version_) return false;
    if (stored == pricing_version_) {
        // Only the catalog moved (an import, a stock feed): the prices stay, the items they
        // are resolved against are swapped. Unchanged lists are shared, so this costs
        // milliseconds where a reload from the database costs seconds at millions of entries.
        auto swapped = holder_->update(
            [&](pricing::SnapshotBuilder& builder) { builder.setItems(catalog->pricing_items); });
        if (swapped) {
            catalog_version_ = catalog->version;
            return true;
        }
    }
    reloadLocked();
    return true;
}

void PricingState::reload() {
    std::lock_guard lock(reload_mutex_);
    reloadLocked();
}

void PricingState::reloadLocked() {
    Built built = build();
    holder_->publish(built.snapshot);
    pricing_version_ = built.pricing_version;
    catalog_version_ = built.catalog_version;
}

void PricingState::adopt(std::shared_ptr<const pricing::PriceSnapshot> snapshot,
                         std::int64_t pricing_version) {
    std::lock_guard lock(reload_mutex_);
    holder_->publish(std::move(snapshot));
    // When another process wrote in between, what it wrote is not in `snapshot`: the
    // next refresh() rebuilds from the database.
    pricing_version_ = pricing_version == pricing_version_ + 1 ? pricing_version : -1;
}

}  // namespace crossdock::server
