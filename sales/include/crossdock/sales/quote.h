#pragma once

// The quote aggregate: per-line negotiation, versions, and the state machine.
// Workflow (who may do what, pricing, persistence) is in quote_service.h;
// states and transitions are tabled in docs/sales.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::sales {

/// Where a quote stands. Accepted, Ordered and (unless revised) Declined and
/// Expired are final for their version.
enum class QuoteStatus { Draft, PendingApproval, Approved, Sent, Accepted, Declined, Expired, Ordered };

/// What can happen to a quote. Create is recorded as the first transition
/// (Draft → Draft) and is never legal on an existing quote.
enum class QuoteAction { Create, Submit, Approve, Reject, Send, Accept, Decline, Revise, Expire, Order };

/// "draft", "pending_approval", "approved", "sent", "accepted", "declined", "expired", "ordered".
std::string_view toString(QuoteStatus status);
/// "create", "submit", "approve", "reject", "send", "accept", "decline", "revise", "expire", "order".
std::string_view toString(QuoteAction action);
/// Inverses of toString(); nullopt for any other text (exact, lowercase).
std::optional<QuoteStatus> parseQuoteStatus(std::string_view text);
std::optional<QuoteAction> parseQuoteAction(std::string_view text);

/// The transition table. Ok when `action` may be applied to a quote in `from`;
/// FailedPrecondition naming both otherwise. Submit is legal from Draft only, and
/// its target (PendingApproval or Approved) is the approval policy's decision;
/// every other action has a single target, see quoteActionTarget().
core::Status checkQuoteTransition(QuoteAction action, QuoteStatus from);

/// The status `action` leads to, for every action but Submit (two targets) and
/// Create (none): Approve → Approved, Reject → Draft, Send → Sent, Accept → Accepted,
/// Decline → Declined, Revise → Draft (of the next version), Expire → Expired,
/// Order → Ordered. nullopt for Submit and Create.
std::optional<QuoteStatus> quoteActionTarget(QuoteAction action);

/// One line of one quote version.
struct QuoteLine {
    int line_no = 0;  ///< 1-based position in the version
    std::string sku;
    core::Decimal quantity;  ///< > 0, in `uom`
    std::string uom;
    core::Decimal list_price;  ///< per uom, as the pricing engine resolved it when the line was priced
    core::Decimal unit_price;  ///< per uom: the rep's proposal, or list_price
    std::string reason;        ///< why unit_price differs from list_price; empty when it does not
    std::optional<core::Decimal> cost;          ///< per uom; internal, never shown to buyers
    std::optional<core::Decimal> target_price;  ///< the buyer's target from a request for quote
    std::string explanation;                    ///< the pricing explanation of list_price
    core::Decimal extended;                     ///< unit_price × quantity rounded half up to the currency

    bool operator==(const QuoteLine&) const = default;
};

/// One recorded transition: who, when, from, to, why.
struct QuoteTransition {
    QuoteAction action = QuoteAction::Create;
    QuoteStatus from = QuoteStatus::Draft;
    QuoteStatus to = QuoteStatus::Draft;
    int version = 1;           ///< the quote version it happened to
    std::int64_t by_user = 0;  ///< 0 for the system (the expiry scheduler)
    core::TimePoint at;
    std::string note;  ///< approval/rejection note, policy findings, decline reason
};

/// The commercial content of one version: what a buyer sees and what a diff compares.
/// Archived versions are locked: storage never changes them once written.
struct QuoteVersion {
    std::int64_t quote_id = 0;
    int version = 1;
    QuoteStatus status = QuoteStatus::Draft;  ///< for an archived version: its status when locked
    std::string currency;
    core::Date valid_until;  ///< inclusive: the last day it may be accepted
    std::vector<QuoteLine> lines;
    std::string notes;
    std::string terms;
    core::Decimal total;  ///< sum of the lines' extended amounts
};

/// A quote: its identity, its current (working) version and its whole history of
/// transitions. Earlier versions live in the repository (QuoteRepository::findVersion).
struct Quote {
    std::int64_t id = 0;
    std::string number;  ///< "Q-000042" (formatQuoteNumber)
    std::string customer_id;
    std::int64_t rep_id = 0;        ///< owning sales rep; 0 while unassigned (a fresh request for quote)
    std::int64_t requested_by = 0;  ///< the buyer whose request for quote created it; 0 otherwise
    int version = 1;                ///< the negotiation version, 1-based; revise adds one
    QuoteStatus status = QuoteStatus::Draft;
    std::string currency;
    core::Date valid_until;
    std::vector<QuoteLine> lines;
    std::string notes;
    std::string terms;
    core::Decimal total;
    bool expiring_notice_sent = false;         ///< quote.expiring already emitted for this version
    std::optional<std::int64_t> order_id;      ///< set by the Order action
    std::vector<QuoteTransition> transitions;  ///< oldest first, every version; append-only
    core::TimePoint created_at;
    /// Optimistic-concurrency counter (the ETag): 1 when created, +1 on every write.
    /// Distinct from `version`, which counts negotiation rounds.
    std::int64_t row_version = 1;

    /// The current version's content as a QuoteVersion (status = the current status).
    QuoteVersion currentVersion() const;
    /// The user who last submitted the current version, or 0.
    std::int64_t submittedBy() const;
};

/// "Q-000042": the quote number of id 42 (at least six digits).
std::string formatQuoteNumber(std::int64_t id);

/// Applies a transition to `quote`: checks the table, sets the status and appends
/// the record. FailedPrecondition (quote unchanged) when the table forbids it;
/// std::logic_error when `to` is not the action's target (for Submit: one of its
/// two), which is a bug. Does not bump row_version, nor the version for Revise:
/// callers do.
core::Status applyQuoteTransition(Quote& quote, QuoteAction action, QuoteStatus to, std::int64_t by_user,
                                  core::TimePoint at, std::string note);

}  // namespace crossdock::sales
