#pragma once
// The prices as the server reads them: a PriceSnapshot built from the database
// over the current catalog's items, rebuilt when either stored version moves.

#include <cstdint>
#include <memory>
#include <mutex>

#include "crossdock/pricing/pricing_repository.h"
#include "crossdock/pricing/snapshot.h"
#include "crossdock/pricing/snapshot_holder.h"
#include "state/catalog_state.h"

namespace crossdock::server {

/// Holds the current price snapshot. Thread-safe.
class PricingState {
public:
    /// Builds the snapshot now over catalog.current(). Both must outlive the state.
    /// Throws std::runtime_error when the stored prices do not build (the message
    /// is the builder's: list, entry, customer).
    PricingState(pricing::PricingRepository& repository, CatalogState& catalog);

    std::shared_ptr<const pricing::PriceSnapshot> current() const { return holder_->current(); }
    pricing::PricingRepository& repository() { return repository_; }

    /// Rebuilds when the stored pricing version or the catalog snapshot changed. True when it did.
    /// When only the catalog changed, the current prices are kept and only the item lookup
    /// is swapped (no database read).
    bool refresh();
    /// Rebuilds unconditionally (after a write of this process).
    void reload();
    /// Publishes `snapshot`, built by this process from current() plus the change it
    /// wrote and committed as stored version `pricing_version` (no reload needed).
    void adopt(std::shared_ptr<const pricing::PriceSnapshot> snapshot, std::int64_t pricing_version);

private:
    struct Built {
        std::shared_ptr<const pricing::PriceSnapshot> snapshot;
        std::int64_t pricing_version;
        std::int64_t catalog_version;
    };
    Built build();
    void reloadLocked();  // reload_mutex_ held

    pricing::PricingRepository& repository_;
    CatalogState& catalog_;
    std::mutex reload_mutex_;
    std::unique_ptr<pricing::SnapshotHolder> holder_;
    std::int64_t pricing_version_ = -1;  // guarded by reload_mutex_
    std::int64_t catalog_version_ = -1;  // idem
};

}  // namespace crossdock::server
