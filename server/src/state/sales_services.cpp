#include "sales_services.h"

#include "crossdock/server/runtime.h"
#include "event_log.h"

namespace crossdock::server {
namespace {

/// sales::CustomerDirectory over accounts' companies.
class CompanyCustomerDirectory final : public sales::CustomerDirectory {
public:
    explicit CompanyCustomerDirectory(accounts::CompanyRepository& companies) : companies_(companies) {}

    std::optional<sales::CustomerFacts> find(const std::string& customer_id) const override {
        auto company = companies_.find(customer_id);
        if (!company) return std::nullopt;
        sales::CustomerFacts facts;
        facts.id = company->id;
        facts.currency = company->currency;
        facts.active = company->status == "active";
        return facts;
    }

private:
    accounts::CompanyRepository& companies_;
};

/// One rate for every customer and SKU.
class FlatTaxRates final : public sales::TaxRates {
public:
    explicit FlatTaxRates(core::Decimal rate) : rate_(rate) {}
    core::Result<core::Decimal> ratePercent(const std::string&, const std::string&) const override {
        return rate_;
    }

private:
    core::Decimal rate_;
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
    s->customers = std::make_unique<CompanyCustomerDirectory>(store.companies());
    s->taxes = std::make_unique<FlatTaxRates>(s->options.default_tax_rate_percent);
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
        runtime.addJob("sales webhooks", s->options.webhooks.interval,
                       [raw, &clock] { deliverWebhooks(*raw, clock); });
    }
    return s;
}

}  // namespace crossdock::server
