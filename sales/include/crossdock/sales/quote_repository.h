#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/outbox.h"
#include "crossdock/sales/quote.h"

namespace crossdock::sales {

/// Filters of a listing (GET /api/v1/quotes). Empty fields do not filter.
struct QuoteQuery {
    std::optional<std::string> scope;  ///< as accounts::Caller::scope()
    std::optional<QuoteStatus> status;
    std::string customer_id;
    std::int64_t rep_id = 0;    ///< 0: any rep
    std::int64_t after_id = 0;  ///< cursor: only ids greater than this
    std::size_t limit = 50;
};

/// Quotes and their locked versions. Implemented in storage/ (SQLite, PostgreSQL);
/// tests use an in-memory fake. Implementations are thread-safe; infrastructure
/// failures throw. `scope` follows accounts::Caller::scope(): nullopt sees every
/// customer, a value sees only quotes whose customer_id equals it (others are
/// simply not found).
class QuoteRepository {
public:
    virtual ~QuoteRepository() = default;

    /// Inserts a new quote (its id from IdSequence "quote", row_version 1) and
    /// `events`, in one transaction. Conflict when the id or the number exists.
    virtual core::Status create(const Quote& quote, std::span<const OutboxEvent> events) = 0;

    /// The quote with `id` within `scope`, or nullopt.
    virtual std::optional<Quote> find(std::int64_t id, const std::optional<std::string>& scope) const = 0;

    /// Replaces the stored quote with `quote`, in one transaction with:
    /// - `archived`, when set: a locked earlier version (a revise), inserted once;
    ///   Conflict when that (quote_id, version) already exists;
    /// - `events`, appended to the outbox.
    /// Optimistic concurrency: the write happens only when the stored row_version
    /// equals `expected_row_version`; otherwise nothing is written and the answer
    /// is Conflict (HTTP 409, "stale"). The caller passes quote.row_version ==
    /// expected_row_version + 1, which is what gets stored. Transitions are
    /// append-only: the stored ones are a prefix of quote.transitions. NotFound
    /// when the quote does not exist.
    virtual core::Status update(const Quote& quote, std::int64_t expected_row_version,
                                const std::optional<QuoteVersion>& archived,
                                std::span<const OutboxEvent> events) = 0;

    /// An archived (locked) version of quote `quote_id` within `scope`, or nullopt.
    /// The current version is not archived: read it with find().
    virtual std::optional<QuoteVersion> findVersion(std::int64_t quote_id, int version,
                                                    const std::optional<std::string>& scope) const = 0;

    /// Every quote in status Sent whose valid_until is on or before `last_day`,
    /// ordered by valid_until then id: the expiry scheduler's work list.
    virtual std::vector<Quote> findSentDueBy(core::Date last_day) const = 0;

    /// Quotes matching `query`, by ascending id, at most query.limit.
    virtual std::vector<Quote> list(const QuoteQuery& query) const = 0;
};

}  // namespace crossdock::sales
