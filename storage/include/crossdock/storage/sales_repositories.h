#pragma once
// The sales repositories over a Store (SQLite or PostgreSQL): what server/ wires into
// sales::QuoteService and sales::OrderService. Tables: storage migration 4 (docs/storage.md).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "crossdock/core/clock.h"
#include "crossdock/sales/order_repository.h"
#include "crossdock/sales/outbox.h"
#include "crossdock/sales/ports.h"
#include "crossdock/sales/quote_repository.h"
#include "crossdock/storage/store.h"

namespace crossdock::storage {

/// A stored answer to a request sent with an Idempotency-Key.
struct IdempotentAnswer {
    std::string request_hash;  ///< what identifies the request body (the caller decides)
    int status = 0;            ///< the HTTP status; 0 while the first request is still running
    std::string body;          ///< the answer's body
};

/// Idempotency keys of API writes, per caller scope (a user or a company). Thread-safe;
/// infrastructure failures throw StorageError.
class IdempotencyRepository {
public:
    virtual ~IdempotencyRepository() = default;

    /// Claims (`scope`, `key`) for a request with `request_hash`: true when this call
    /// inserted it (status 0, "running"); false when the key exists (read it with find()).
    /// A database constraint decides, so two instances racing cannot both claim it.
    virtual bool claim(const std::string& scope, const std::string& key, const std::string& request_hash,
                       core::TimePoint at) = 0;
    /// Records the answer of a claimed key.
    virtual void complete(const std::string& scope, const std::string& key, int status,
                          const std::string& body) = 0;
    /// Drops a claimed key whose request failed with an exception (so it may be retried).
    virtual void release(const std::string& scope, const std::string& key) = 0;
    /// The stored answer, or nullopt.
    virtual std::optional<IdempotentAnswer> find(const std::string& scope, const std::string& key) const = 0;
};

/// What a customer owes or has committed, for the credit check of a new order. Thread-safe;
/// infrastructure failures throw StorageError.
class CreditExposureRepository {
public:
    virtual ~CreditExposureRepository() = default;

    /// The open exposure of `customer_id` in `currency`, read with one aggregate query:
    /// the totals of its orders not yet invoiced (received, acknowledged, on_hold,
    /// partially_shipped, shipped) plus the invoices of its orders that are not closed
    /// (an invoice of an order still open adds its tax only, its lines being inside the
    /// order's total). Cancelled and closed orders count nothing. 0 when there is nothing.
    virtual core::Decimal openExposure(const std::string& customer_id, const std::string& currency) const = 0;
};

/// Factories: each repository keeps a reference to `store`, which must outlive it. The store
/// must be migrated. Every repository is thread-safe (a pooled session per call).
std::unique_ptr<sales::QuoteRepository> makeQuoteRepository(Store& store);
std::unique_ptr<sales::OrderRepository> makeOrderRepository(Store& store);
std::unique_ptr<sales::OutboxRepository> makeOutboxRepository(Store& store);
/// Ids from the `sales_sequences` table: one atomic upsert per id (INSERT .. ON CONFLICT DO
/// UPDATE .. RETURNING), so ids are unique across every instance sharing the database.
std::unique_ptr<sales::IdSequence> makeIdSequence(Store& store);
std::unique_ptr<IdempotencyRepository> makeIdempotencyRepository(Store& store);
std::unique_ptr<CreditExposureRepository> makeCreditExposureRepository(Store& store);

}  // namespace crossdock::storage
