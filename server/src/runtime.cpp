// The Runtime: snapshots, adapters, area services and the background jobs.
#include "crossdock/server/runtime.h"

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "crossdock/storage/catalog_repositories.h"
#include "event_log.h"
#include "state/catalog_state.h"
#include "state/edi_services.h"
#include "state/pricing_state.h"
#include "state/sales_adapters.h"
#include "state/sales_services.h"

namespace crossdock::server {

namespace {

struct Job {
    std::string name;
    std::chrono::milliseconds period;
    std::function<void()> tick;
};

}  // namespace

struct Runtime::Impl {
    Impl(storage::Store& store)
        : catalog_repository(storage::makeCatalogRepository(store)),
          pricing_repository(storage::makePricingRepository(store)),
          catalog(*catalog_repository),
          pricing(*pricing_repository, catalog),
          item_lookup(catalog),
          line_pricer(pricing) {}

    void runJob(const Job& job) {
        std::unique_lock lock(mutex);
        while (!stopping) {
            if (wake.wait_for(lock, job.period, [this] { return stopping; })) break;
            lock.unlock();
            try {
                job.tick();
            } catch (const std::exception& e) {
                logEvent("error", "job " + job.name + ": " + e.what());
            }
            lock.lock();
        }
    }

    std::unique_ptr<catalog::CatalogRepository> catalog_repository;
    std::unique_ptr<pricing::PricingRepository> pricing_repository;
    CatalogState catalog;
    PricingState pricing;
    CatalogItemLookup item_lookup;
    SnapshotLinePricer line_pricer;
    std::unique_ptr<SalesServices> sales;
    std::unique_ptr<EdiServices> edi;
    RuntimeOptions options;

    std::vector<Job> jobs;
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
};

Runtime::Runtime(storage::Store& store, const core::Clock& clock, RuntimeOptions options)
    : store_(store), clock_(clock), impl_(std::make_unique<Impl>(store)) {
    addJob("snapshot refresh", options.refresh_interval, [this] {
        impl_->catalog.refresh();
        impl_->pricing.refresh();
    });
    impl_->options = options;
    impl_->sales = makeSalesServices(*this);
    impl_->edi = makeEdiServices(*this);
}

Runtime::~Runtime() {
    stop();
    // The area services go before the snapshots they were built on.
    impl_->edi.reset();
    impl_->sales.reset();
}

CatalogState& Runtime::catalog() { return impl_->catalog; }
PricingState& Runtime::pricing() { return impl_->pricing; }
SalesServices& Runtime::sales() { return *impl_->sales; }
EdiServices& Runtime::edi() { return *impl_->edi; }
const RuntimeOptions& Runtime::options() const { return impl_->options; }
const sales::ItemLookup& Runtime::itemLookup() const { return impl_->item_lookup; }
const sales::LinePricer& Runtime::linePricer() const { return impl_->line_pricer; }

void Runtime::addJob(std::string name, std::chrono::milliseconds period, std::function<void()> tick) {
    impl_->jobs.push_back(Job{std::move(name), period, std::move(tick)});
}

void Runtime::start() {
    std::lock_guard lock(impl_->mutex);
    if (!impl_->threads.empty()) return;
    impl_->stopping = false;
    for (const Job& job : impl_->jobs) impl_->threads.emplace_back([this, &job] { impl_->runJob(job); });
}

bool Runtime::stopping() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stopping;
}

void Runtime::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    for (std::thread& thread : impl_->threads) thread.join();
    impl_->threads.clear();
}

}  // namespace crossdock::server
