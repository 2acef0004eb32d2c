#pragma once

// The quote workflow: who may do what to a quote, pricing of its lines, the
// approval policy, versions, expiry. Handlers call this and render the answer.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/approval_policy.h"
#include "crossdock/sales/order_request.h"
#include "crossdock/sales/ports.h"
#include "crossdock/sales/quote.h"
#include "crossdock/sales/quote_diff.h"
#include "crossdock/sales/quote_repository.h"

namespace crossdock::sales {

/// One line as a rep (or a buyer's request) writes it.
struct QuoteLineInput {
    std::string sku;         ///< SKU or the customer's part number
    core::Decimal quantity;  ///< > 0
    std::string uom;
    std::optional<core::Decimal> unit_price;    ///< the rep's proposal; none = the list price
    std::string reason;                         ///< required when unit_price differs from the list price
    std::optional<core::Decimal> target_price;  ///< a buyer's target (requests for quote)
};

/// A new quote drafted by staff (POST /api/v1/quotes).
struct NewQuote {
    std::string customer_id;
    std::optional<core::Date> valid_until;  ///< none: today + QuoteOptions::default_validity_days
    std::vector<QuoteLineInput> lines;
    std::string notes;
    std::string terms;
};

/// A change to a draft (PATCH): only the fields that are set change. New lines
/// replace all lines and are priced afresh.
struct QuoteEdit {
    std::optional<core::Date> valid_until;
    std::optional<std::vector<QuoteLineInput>> lines;
    std::optional<std::string> notes;
    std::optional<std::string> terms;
};

/// A buyer's request for quote, from a cart: quantities and target prices.
struct QuoteRequest {
    std::vector<QuoteLineInput> lines;  ///< unit_price and reason are ignored
    std::string notes;
};

/// Tunables, with their defaults.
struct QuoteOptions {
    ApprovalPolicy approval;
    int default_validity_days = 30;  ///< valid_until when none is given
    int expiring_notice_days = 3;    ///< quote.expiring this many days before valid_until
};

/// Optional arguments of an action.
struct ActionArgs {
    std::string note;                      ///< required for Reject; kept for every action
    std::optional<std::int64_t> if_match;  ///< the row_version the caller saw (ETag); Conflict when stale
};

/// What one expiry run did.
struct ExpiryReport {
    std::vector<std::int64_t> expired;   ///< quotes moved Sent → Expired
    std::vector<std::int64_t> notified;  ///< quotes that got their quote.expiring event
    std::size_t conflicts = 0;           ///< quotes skipped because another write won the race
};

/// The quote workflow. Holds references to its collaborators (they must outlive
/// it). Thread-safe when they are: it keeps no state of its own; concurrent writes
/// to one quote are serialised by the repository's row_version (the loser gets Conflict).
///
/// Errors common to every call: PermissionDenied when the caller's role may not do
/// it; NotFound when the quote does not exist or belongs to another customer than
/// a buyer's (never PermissionDenied: its existence is not revealed); Conflict when
/// `if_match` is stale or another write won; FailedPrecondition when the quote is in
/// the wrong state.
class QuoteService {
public:
    QuoteService(QuoteRepository& quotes, IdSequence& ids, const ItemLookup& items, const LinePricer& pricer,
                 const CustomerDirectory& customers, const core::Clock& clock, QuoteOptions options = {});

    /// Staff (admin, sales_manager, sales_rep) draft a quote; the caller becomes its
    /// rep. Lines are validated (item visible and active, unit, MOQ, multiple) and
    /// priced for today. InvalidArgument for a bad line ("$.lines[i]..."), a
    /// negative price, a price differing from the list price without a reason, or
    /// a valid_until before today; NotFound for an unknown customer.
    core::Result<Quote> create(const accounts::Caller& caller, const NewQuote& input);

    /// A buyer (buyer, buyer_admin) asks for a quote for their own company: a draft
    /// priced at list prices, with the buyer's target prices, owned by the
    /// customer's rep (0 while the customer has none: the first rep to edit it takes it).
    core::Result<Quote> requestQuote(const accounts::Caller& caller, const QuoteRequest& input);

    /// Staff edit a draft. FailedPrecondition unless Draft.
    core::Result<Quote> edit(const accounts::Caller& caller, std::int64_t id, const QuoteEdit& edit,
                             std::optional<std::int64_t> if_match = std::nullopt);

    /// The quote, as `caller` may see it.
    core::Result<Quote> get(const accounts::Caller& caller, std::int64_t id) const;

    /// The quotes `caller` may see that match `query` (its scope is replaced by the
    /// caller's), by ascending id.
    core::Result<std::vector<Quote>> list(const accounts::Caller& caller, QuoteQuery query) const;

    /// Version `version` of the quote: an archived one, or the current one.
    core::Result<QuoteVersion> getVersion(const accounts::Caller& caller, std::int64_t id, int version) const;

    /// The differences between two versions (either order).
    core::Result<QuoteDiff> diff(const accounts::Caller& caller, std::int64_t id, int from_version,
                                 int to_version) const;

    /// POST /api/v1/quotes/{id}/{action} for Submit, Approve, Reject, Send, Accept,
    /// Decline and Revise (Order: see orderRequest()/markOrdered(); Expire: expireDue()).
    /// - Submit (staff): Draft → Approved when the approval policy finds nothing,
    ///   else → PendingApproval with the findings as the note. No lines, or
    ///   valid_until before today: FailedPrecondition.
    /// - Approve, Reject (sales_manager only; never the quote's rep or its
    ///   submitter: PermissionDenied): PendingApproval → Approved / → Draft. Reject
    ///   needs a note (InvalidArgument).
    /// - Send (staff): Approved → Sent, emits quote.sent. valid_until before today:
    ///   FailedPrecondition.
    /// - Accept, Decline (buyers of the quote's customer): Sent → Accepted / Declined.
    ///   Accepting after valid_until fails (FailedPrecondition) even before the
    ///   scheduler has marked it Expired.
    /// - Revise (staff): Sent, Declined or Expired → Draft of version n+1; version n
    ///   is archived and locked, lines and terms are carried over.
    /// InvalidArgument for Create, Expire and Order.
    core::Result<Quote> perform(const accounts::Caller& caller, std::int64_t id, QuoteAction action,
                                const ActionArgs& args = {});

    /// The order request of an accepted quote: its lines at their quoted prices,
    /// locked ("quote Q-000042 v2"), source Quote. Buyers of the customer and staff.
    /// FailedPrecondition unless Accepted. Writes nothing.
    core::Result<OrderRequest> orderRequest(const accounts::Caller& caller, std::int64_t id,
                                            std::string po_number) const;

    /// Records that order `order_id` was placed from the quote: Accepted → Ordered.
    core::Result<Quote> markOrdered(const accounts::Caller& caller, std::int64_t id, std::int64_t order_id);

    /// The scheduler's run at `now` (UTC date): every Sent quote whose valid_until
    /// is before today becomes Expired (by the system, user 0); every other Sent
    /// quote whose valid_until is within expiring_notice_days of today (today ≥
    /// valid_until − days) gets one quote.expiring event per version. A quote
    /// written concurrently is skipped (counted) and picked up by the next run.
    ExpiryReport expireDue(core::TimePoint now);

    const QuoteOptions& options() const { return options_; }

private:
    core::Result<Quote> load(const accounts::Caller& caller, std::int64_t id) const;
    core::Result<std::vector<QuoteLine>> priceLines(const std::string& customer_id,
                                                    const std::string& currency,
                                                    const std::vector<QuoteLineInput>& inputs,
                                                    core::Date today) const;
    core::Status save(Quote& quote, const std::optional<QuoteVersion>& archived,
                      const std::vector<OutboxEvent>& events);
    core::Status applyAction(const accounts::Caller& caller, Quote& quote, QuoteAction action,
                             const ActionArgs& args, std::optional<QuoteVersion>& archived,
                             std::vector<OutboxEvent>& events);
    core::Result<Quote> createDraft(const CustomerFacts& customer, std::int64_t rep_id,
                                    std::int64_t requested_by, core::Date valid_until,
                                    const std::vector<QuoteLineInput>& lines, std::string notes,
                                    std::string terms, std::int64_t by_user);
    core::Date today() const;

    QuoteRepository& quotes_;
    IdSequence& ids_;
    const ItemLookup& items_;
    const LinePricer& pricer_;
    const CustomerDirectory& customers_;
    const core::Clock& clock_;
    QuoteOptions options_;
};

}  // namespace crossdock::sales
