#pragma once

// The long-lived domain objects of one process, built over an open Store: the live
// catalog and price snapshots, the adapters sales reads them through, the services
// built on them and the background jobs. `crossdock serve` builds one and hands parts
// of it to the routes; CLI commands that run a pipeline offline (`crossdock edi
// ingest`) build one too, so that they behave exactly as the server does.

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "crossdock/core/clock.h"
#include "crossdock/server/edi_options.h"
#include "crossdock/server/sales_options.h"
#include "crossdock/storage/store.h"

namespace crossdock::sales {
class ItemLookup;
class LinePricer;
}  // namespace crossdock::sales

namespace crossdock::server {

class CatalogState;    // server/src/state/catalog_state.h
class PricingState;    // server/src/state/pricing_state.h
struct SalesServices;  // server/src/state/sales_services.h
struct EdiServices;    // server/src/state/edi_services.h

/// Settings of the runtime (server config keys in parentheses).
struct RuntimeOptions {
    /// How often the catalog and price snapshots look for changes made by another
    /// process sharing the database (runtime.refresh_interval_ms).
    std::chrono::milliseconds refresh_interval{500};
    /// EDI identifiers, inbound limits and outbound delivery (edi.*).
    EdiOptions edi;
    /// Quote policy, expiry job, tax rate and webhooks (sales.*).
    SalesOptions sales;
};

/// Thread-safe after construction. Destroying it stops the jobs first.
class Runtime {
public:
    /// Loads the catalog and the prices from `store` (migrated) into memory.
    /// `store` and `clock` must outlive the runtime. Throws storage::StorageError
    /// when the database fails, std::runtime_error when stored data cannot be loaded
    /// (the message names the table and the row).
    Runtime(storage::Store& store, const core::Clock& clock, RuntimeOptions options = {});
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    storage::Store& store() { return store_; }
    const core::Clock& clock() const { return clock_; }
    /// The options the runtime was built with.
    const RuntimeOptions& options() const;

    CatalogState& catalog();
    PricingState& pricing();

    SalesServices& sales();
    EdiServices& edi();

    /// sales::ItemLookup over the live catalog snapshot (assortments, part numbers, stock).
    const sales::ItemLookup& itemLookup() const;
    /// sales::LinePricer over the live price snapshot.
    const sales::LinePricer& linePricer() const;

    /// Registers a background job: `tick` runs every `period` on its own thread once
    /// start() has been called, until stop(). An exception thrown by `tick` is logged
    /// with `name` and the job runs again at its next period. Call before start().
    void addJob(std::string name, std::chrono::milliseconds period, std::function<void()> tick);

    /// Starts the registered jobs (the snapshot refresh is one of them).
    void start();
    /// Stops the jobs, waiting for a running tick to finish. Idempotent.
    void stop();
    /// True once stop() has begun: a long tick asks between units of work and returns early.
    bool stopping() const;

private:
    struct Impl;
    storage::Store& store_;
    const core::Clock& clock_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace crossdock::server
