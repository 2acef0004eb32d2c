#pragma once
// Sample sales aggregates and a fixture with every sales repository over a fresh database.

#include <memory>
#include <string>

#include "crossdock/storage/sales_repositories.h"
#include "test_database.h"

namespace crossdock::storage::testing {

/// A migrated store with the sales repositories over it.
struct SalesStore : MigratedStore {
    std::unique_ptr<sales::QuoteRepository> quotes = makeQuoteRepository(*store);
    std::unique_ptr<sales::OrderRepository> orders = makeOrderRepository(*store);
    std::unique_ptr<sales::OutboxRepository> outbox = makeOutboxRepository(*store);
    std::unique_ptr<sales::IdSequence> ids = makeIdSequence(*store);
    std::unique_ptr<IdempotencyRepository> idempotency = makeIdempotencyRepository(*store);
};

core::Decimal dec(const char* text);
core::Date day(const char* iso);
core::TimePoint at(std::int64_t seconds);

/// A draft quote with two lines (one with cost and target price), id `id`, for `customer`.
sales::Quote sampleQuote(std::int64_t id, const std::string& customer = "ACME");
/// A received order with three lines (one rejected), id `id`.
sales::Order sampleOrder(std::int64_t id, const std::string& customer = "ACME",
                         const std::string& po = "PO-1");
/// An event about `aggregate_type` `id`.
sales::OutboxEvent sampleEvent(sales::EventType type, const std::string& aggregate_type, std::int64_t id,
                               core::TimePoint when);

}  // namespace crossdock::storage::testing
