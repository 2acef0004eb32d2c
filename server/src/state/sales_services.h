#pragma once
// The sales objects of a process (repositories, services, jobs), built over the Runtime.

#include <functional>
#include <memory>

#include "crossdock/core/clock.h"
#include "crossdock/sales/order_builder.h"
#include "crossdock/sales/order_service.h"
#include "crossdock/sales/outbox.h"
#include "crossdock/sales/ports.h"
#include "crossdock/sales/quote_service.h"
#include "crossdock/server/sales_options.h"
#include "crossdock/storage/sales_repositories.h"

namespace crossdock::server {

class Runtime;

/// Owned by the Runtime; built after the catalog and price snapshots are loaded.
/// Everything in it is thread-safe; handlers use `quotes`, `orders` and `idempotency`.
struct SalesServices {
    SalesOptions options;
    std::unique_ptr<sales::QuoteRepository> quote_repository;
    std::unique_ptr<sales::OrderRepository> order_repository;
    std::unique_ptr<sales::OutboxRepository> outbox;
    std::unique_ptr<sales::IdSequence> ids;
    std::unique_ptr<storage::IdempotencyRepository> idempotency;
    /// A customer's open exposure (one aggregate query), read by `customers` for customers
    /// with a credit limit.
    std::unique_ptr<storage::CreditExposureRepository> exposure;
    /// Customers as accounts knows them (companies): currency, active status, assigned rep,
    /// credit limit and, when there is a limit, the open exposure.
    std::unique_ptr<sales::CustomerDirectory> customers;
    /// The item's own rate (catalog snapshot), else sales.tax.default_rate_percent; 0 for a
    /// tax-exempt customer.
    std::unique_ptr<sales::TaxRates> taxes;
    std::unique_ptr<sales::OrderBuilder> builder;
    std::unique_ptr<sales::QuoteService> quotes;
    std::unique_ptr<sales::OrderService> orders;
};

/// Builds the sales services over `runtime` (options from runtime.options().sales) and
/// registers their background jobs with runtime.addJob(): "quote expiry" always, and
/// "sales webhooks" when webhook URLs are configured. Throws storage::StorageError when
/// the database fails.
std::unique_ptr<SalesServices> makeSalesServices(Runtime& runtime);

/// One round of the webhook job: claims due outbox events and POSTs each, as JSON signed
/// with HMAC-SHA256 (X-Crossdock-Signature: sha256=<hex>), to every configured URL. All
/// answering 2xx: delivered. Otherwise retried after backoff × 2^(attempts so far), and
/// dead-lettered after max_attempts. Returns how many events were delivered.
/// `stop_requested` (when set) is asked before each event: once it answers true, the
/// events still claimed are released (due now, no attempt counted) and the round ends, so
/// a shutdown waits for at most one event's POSTs, not a whole batch of timeouts.
/// Exceptions: storage failures.
std::size_t deliverWebhooks(SalesServices& services, const core::Clock& clock,
                            const std::function<bool()>& stop_requested = {});

/// The JSON body of the webhook for `record`, and its signature header value.
std::string webhookBody(const sales::OutboxRecord& record);
std::string webhookSignature(const std::string& secret, const std::string& body);

}  // namespace crossdock::server
