#include "sales_services.h"

#include <atomic>
#include <chrono>
#include <cstdint>

#include "crossdock/server/runtime.h"
#include "event_log.h"
#include "state/catalog_state.h"

namespace crossdock::server {
namespace {

/// sales::CustomerDirectory over accounts' companies. The open exposure costs one aggregate
/// query, run only for a customer with a credit limit (orders and quotes ask; prices never).
class CompanyCustomerDirectory final : public sales::CustomerDirectory {
public:
    CompanyCustomerDirectory(accounts::CompanyRepository& companies,
                             const storage::CreditExposureRepository& exposure)
        : companies_(companies), exposure_(exposure) {}

    std::optional<sales::CustomerFacts> find(const std::string& customer_id) const override {
        auto company = companies_.find(customer_id);
        if (!company) return std::nullopt;
        sales::CustomerFacts facts;
        facts.id = company->id;
        facts.currency = company->currency;
        facts.active = company->status == "active";
        facts.rep_id = company->rep_id;
        facts.credit_limit = company->credit_limit;
        if (facts.credit_limit) facts.open_exposure = exposure_.openExposure(company->id, company->currency);
        return facts;
    }

private:
    accounts::CompanyRepository& companies_;
    const storage::CreditExposureRepository& exposure_;
};

/// The item's rate from the current catalog snapshot, else the configured default; 0 % for a
/// tax-exempt customer. The exemption is read from the companies table and remembered per
/// thread for one second, so an invoice of 10,000 lines reads it once, and a change made
/// through another instance applies within a second (as for the snapshots).
class CatalogTaxRates final : public sales::TaxRates {
public:
    CatalogTaxRates(const CatalogState& catalog, accounts::CompanyRepository& companies,
                    core::Decimal default_rate)
        : catalog_(catalog), companies_(companies), default_rate_(default_rate), instance_(++instances_) {}

    core::Result<core::Decimal> ratePercent(const std::string& customer_id,
                                            const std::string& sku) const override {
        if (isExempt(customer_id)) return core::Decimal();
        auto snapshot = catalog_.current();
        const catalog::Item* item = snapshot->index.find(sku);
        if (item != nullptr && item->tax_rate) return *item->tax_rate;
        return default_rate_;
    }

private:
    bool isExempt(const std::string& customer_id) const {
        struct Memo {
            std::uint64_t instance = 0;
            std::string customer_id;
            bool exempt = false;
            std::chrono::steady_clock::time_point read_at;
        };
        thread_local Memo memo;
        const auto now = std::chrono::steady_clock::now();
        if (memo.instance != instance_ || memo.customer_id != customer_id ||
            now - memo.read_at > std::chrono::seconds(1)) {
            auto company = companies_.find(customer_id);
            memo = Memo{instance_, customer_id, company && company->tax_exempt, now};
        }
        return memo.exempt;
    }

    static inline std::atomic<std::uint64_t> instances_{0};
    const CatalogState& catalog_;
    accounts::CompanyRepository& companies_;
    core::Decimal default_rate_;
    const std::uint64_t instance_;  ///< tells the memos of two adapters apart
};

}  // namespace

std::unique_ptr<SalesServices> makeSalesServices(Runtime& runtime) {
    auto s = std::make_unique<SalesServices>();
    s->options = runtime.options().sales;
    storage::Store& store = runtime.store();
    const core::Clock& clock = runtime.clock();
    s->quote_repository = storage::makeQuoteRepository(store);
    s->order_repository = storage::makeOrderRepository(store);
    s->outbox = storage::makeOutboxRepository(store);
    s->ids = storage::makeIdSequence(store);
    s->idempotency = storage::makeIdempotencyRepository(store);
    s->exposure = storage::makeCreditExposureRepository(store);
    s->customers = std::make_unique<CompanyCustomerDirectory>(store.companies(), *s->exposure);
    s->taxes = std::make_unique<CatalogTaxRates>(runtime.catalog(), store.companies(),
                                                 s->options.default_tax_rate_percent);
    s->builder =
        std::make_unique<sales::OrderBuilder>(runtime.itemLookup(), runtime.linePricer(), *s->customers);
    s->quotes =
        std::make_unique<sales::QuoteService>(*s->quote_repository, *s->ids, runtime.itemLookup(),
                                              runtime.linePricer(), *s->customers, clock, s->options.quotes);
    s->orders =
        std::make_unique<sales::OrderService>(*s->order_repository, *s->ids, *s->builder, *s->taxes, clock);

    SalesServices* raw = s.get();
    runtime.addJob("quote expiry", s->options.expiry_interval, [raw, &clock] {
        auto report = raw->quotes->expireDue(clock.now());
        if (!report.expired.empty() || !report.notified.empty()) {
            logEvent("info", "quote expiry: " + std::to_string(report.expired.size()) + " expired, " +
                                 std::to_string(report.notified.size()) + " notified, " +
                                 std::to_string(report.conflicts) + " skipped");
        }
    });
    if (!s->options.webhooks.urls.empty()) {
        runtime.addJob("sales webhooks", s->options.webhooks.interval, [raw, &clock, &runtime] {
            deliverWebhooks(*raw, clock, [&runtime] { return runtime.stopping(); });
        });
    }
    return s;
}

}  // namespace crossdock::server
