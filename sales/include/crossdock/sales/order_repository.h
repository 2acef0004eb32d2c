#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crossdock/core/result.h"
#include "crossdock/sales/invoice.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/outbox.h"
#include "crossdock/sales/shipment.h"

namespace crossdock::sales {

/// Filters of a listing (GET /api/v1/orders). Empty fields do not filter.
struct OrderQuery {
    std::optional<std::string> scope;  ///< as accounts::Caller::scope()
    std::optional<OrderStatus> status;
    std::string po_number;
    std::string customer_id;
    std::int64_t after_id = 0;  ///< cursor: only ids greater than this
    std::size_t limit = 50;
};

/// A precondition of OrderRepository::create() for a customer with a credit limit:
/// the order was let through because the customer's open exposure (docs/sales.md,
/// "Credit limits") was at most `max_exposure` (the limit minus the order's total).
struct ExposureCeiling {
    core::Decimal max_exposure;
};

/// Orders with their shipments and invoices (one aggregate: a shipment or an
/// invoice is written together with the order quantities it changes). Implemented
/// in storage/; tests use an in-memory fake. Thread-safe; infrastructure failures
/// throw. `scope` follows accounts::Caller::scope(): nullopt sees every customer, a
/// value only that customer's objects (others are not found).
///
/// Writes are transactional with their `events` (the outbox). Optimistic
/// concurrency on updates: the write happens only when the stored row_version
/// equals `expected_row_version` (the caller passes order.row_version ==
/// expected_row_version + 1, which is stored); otherwise Conflict and nothing is
/// written. Transitions are append-only.
class OrderRepository {
public:
    virtual ~OrderRepository() = default;

    /// Inserts a new order (id from IdSequence "order", row_version 1) and `events`.
    /// A customer's PO number is unique (a database constraint on (customer_id,
    /// po_number) for non-empty PO numbers, so two instances racing cannot both
    /// insert): when `order.customer_id` already has an order with `order.po_number`
    /// nothing is written and the answer is Conflict; the caller then reads the
    /// existing order with findByPoNumber() (HTTP 409 carries its id). Likewise
    /// Conflict when source_message_id is set and an order already has it (an EDI
    /// document ingested twice).
    ///
    /// With a `ceiling`, the customer's open exposure is read again inside the
    /// inserting transaction, under a lock per customer that every such create()
    /// takes (across instances sharing the database): when it is now above
    /// `ceiling->max_exposure` (another order got in first) nothing is written and
    /// the answer is FailedPrecondition; the caller builds the order again.
    virtual core::Status create(const Order& order, std::span<const OutboxEvent> events,
                                const std::optional<ExposureCeiling>& ceiling) = 0;
    /// create() without a credit ceiling.
    core::Status create(const Order& order, std::span<const OutboxEvent> events) {
        return create(order, events, std::nullopt);
    }

    /// The order with `id` within `scope`, or nullopt.
    virtual std::optional<Order> find(std::int64_t id, const std::optional<std::string>& scope) const = 0;

    /// The order of `customer_id` with PO number `po_number` (exact, case-sensitive),
    /// or nullopt. Never matches an empty PO number.
    virtual std::optional<Order> findByPoNumber(const std::string& customer_id,
                                                const std::string& po_number) const = 0;

    /// The order created from EDI inbox message `message_id`, or nullopt.
    virtual std::optional<Order> findBySourceMessage(std::int64_t message_id) const = 0;

    /// Orders matching `query`, by ascending id, at most query.limit.
    virtual std::vector<Order> list(const OrderQuery& query) const = 0;

    /// Replaces the stored order (status, lines, transitions, ...) and appends `events`.
    /// Conflict when stale; NotFound when absent.
    virtual core::Status update(const Order& order, std::int64_t expected_row_version,
                                std::span<const OutboxEvent> events) = 0;

    /// As update(), and inserts `shipment` in the same transaction. Conflict also
    /// when one of its SSCCs was already shipped (SSCCs are globally unique).
    virtual core::Status addShipment(const Order& order, std::int64_t expected_row_version,
                                     const Shipment& shipment, std::span<const OutboxEvent> events) = 0;

    /// As update(), and inserts `invoice` in the same transaction.
    virtual core::Status addInvoice(const Order& order, std::int64_t expected_row_version,
                                    const Invoice& invoice, std::span<const OutboxEvent> events) = 0;

    /// The shipment / invoice with `id` within `scope`, or nullopt.
    virtual std::optional<Shipment> findShipment(std::int64_t id,
                                                 const std::optional<std::string>& scope) const = 0;
    virtual std::optional<Invoice> findInvoice(std::int64_t id,
                                               const std::optional<std::string>& scope) const = 0;

    /// The shipments / invoices of order `order_id`, oldest first.
    virtual std::vector<Shipment> shipmentsOf(std::int64_t order_id) const = 0;
    virtual std::vector<Invoice> invoicesOf(std::int64_t order_id) const = 0;
};

}  // namespace crossdock::sales
