#pragma once

// Domain events for the transactional outbox. Sales produces them together with
// the state change that caused them; the repository that writes the change writes
// the events in the same transaction. Delivery (EDI adapters, webhooks) reads them
// back through OutboxRepository. No JSON here: the payload is a flat list of
// key/value strings that the server renders.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crossdock/core/clock.h"

namespace crossdock::sales {

/// The kinds of event sales emits.
enum class EventType {
    OrderCreated,       ///< "order.created": a new order was stored (any source)
    OrderAcknowledged,  ///< "order.acknowledged": the seller acknowledged it (855/ORDRSP due)
    ShipmentCreated,    ///< "shipment.created": goods left (856/DESADV due)
    InvoiceCreated,     ///< "invoice.created": an invoice was issued (810/INVOIC due)
    QuoteSent,          ///< "quote.sent": a quote version was sent to the buyer
    QuoteExpiring,      ///< "quote.expiring": a sent quote expires within the notice period
};

/// "order.created", "order.acknowledged", "shipment.created", "invoice.created",
/// "quote.sent", "quote.expiring".
std::string_view toString(EventType type);
/// Inverse of toString(); nullopt for any other text.
std::optional<EventType> parseEventType(std::string_view text);

/// One event. A value type.
struct OutboxEvent {
    EventType type = EventType::OrderCreated;
    std::string aggregate_type;  ///< "order", "shipment", "invoice" or "quote"
    std::int64_t aggregate_id = 0;
    std::string customer_id;  ///< whom it concerns (webhook subscriptions are per customer)
    core::TimePoint occurred_at;
    /// Small flat payload in insertion order ("number" → "SO-000042"); values are
    /// plain text (decimals as toString(), dates ISO).
    std::vector<std::pair<std::string, std::string>> attributes;

    /// The value of attribute `key`, or nullopt.
    std::optional<std::string> attribute(std::string_view key) const;
};

/// Where an event stands in delivery.
enum class OutboxState { Pending, Delivered, DeadLetter };

/// An event as stored, with its delivery bookkeeping.
struct OutboxRecord {
    std::int64_t id = 0;  ///< assigned by storage, increasing in commit order
    OutboxEvent event;
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    core::TimePoint next_attempt_at;  ///< when a pending event is next due
    std::string last_error;           ///< empty until a delivery fails
};

/// The outbox as the delivery worker sees it. Events are written by the aggregate
/// repositories (QuoteRepository, OrderRepository) inside their own transactions;
/// this interface only reads and marks them. Thread-safe; several instances may run
/// workers against one database: claimDue() must not hand one event to two workers
/// at once (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: a single writer).
class OutboxRepository {
public:
    virtual ~OutboxRepository() = default;

    /// Up to `limit` pending events with next_attempt_at ≤ now, oldest id first,
    /// leased to the caller until `lease_until` (not returned again before then).
    virtual std::vector<OutboxRecord> claimDue(core::TimePoint now, core::TimePoint lease_until,
                                               std::size_t limit) = 0;

    /// Marks event `id` delivered. No-op when already delivered.
    virtual void markDelivered(std::int64_t id, core::TimePoint at) = 0;

    /// Records a failed attempt (attempts + 1, last_error = error). With `retry_at`
    /// the event stays pending until then; without it the event becomes DeadLetter.
    virtual void markFailed(std::int64_t id, const std::string& error,
                            std::optional<core::TimePoint> retry_at) = 0;

    /// Hands a claimed event back without an attempt (a worker that is shutting down):
    /// due again at `due_at`; attempts and last_error unchanged. No-op unless pending.
    virtual void release(std::int64_t id, core::TimePoint due_at) = 0;

    /// Events for one aggregate, oldest first, any state (for the API and tests).
    virtual std::vector<OutboxRecord> listFor(std::string_view aggregate_type,
                                              std::int64_t aggregate_id) const = 0;

    /// Events in `state` with an id greater than `after_id`, oldest first, at most
    /// `limit` (the dead letters an operator looks at).
    virtual std::vector<OutboxRecord> listByState(OutboxState state, std::int64_t after_id,
                                                  std::size_t limit) const = 0;
};

}  // namespace crossdock::sales
