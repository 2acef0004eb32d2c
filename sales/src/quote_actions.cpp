// The actions of QuoteService: the state machine with its permissions, the
// approval policy at submit, versions at revise, ordering and expiry.

#include <string>
#include <utility>

#include "crossdock/accounts/authorization.h"
#include "crossdock/sales/quote_service.h"
#include "support.h"

namespace crossdock::sales {
namespace {

using accounts::Action;
using core::ErrorCode;
using core::makeError;

/// The permission each action needs; nullopt for the ones perform() does not take.
std::optional<Action> permissionFor(QuoteAction action) {
    switch (action) {
        case QuoteAction::Submit:
        case QuoteAction::Send:
        case QuoteAction::Revise:
            return Action::WriteQuotes;
        case QuoteAction::Approve:
        case QuoteAction::Reject:
            return Action::ApproveQuotes;
        case QuoteAction::Accept:
        case QuoteAction::Decline:
            return Action::AcceptQuotes;
        case QuoteAction::Create:
        case QuoteAction::Expire:
        case QuoteAction::Order:
            return std::nullopt;
    }
    return std::nullopt;
}

OutboxEvent quoteEvent(EventType type, const Quote& quote, core::TimePoint at) {
    OutboxEvent event{type, "quote", quote.id, quote.customer_id, at, {}};
    event.attributes = {{"number", quote.number},
                        {"version", std::to_string(quote.version)},
                        {"valid_until", quote.valid_until.toString()},
                        {"currency", quote.currency},
                        {"total", quote.total.toString()}};
    return event;
}

std::string joinFindings(std::string note, const std::vector<ApprovalFinding>& findings) {
    for (const ApprovalFinding& finding : findings) {
        if (!note.empty()) note += "; ";
        note += finding.message;
    }
    return note;
}

}  // namespace

core::Result<Quote> QuoteService::perform(const accounts::Caller& caller, std::int64_t id, QuoteAction action,
                                          const ActionArgs& args) {
    auto permission = permissionFor(action);
    if (!permission) {
        return makeError(ErrorCode::InvalidArgument,
                         "'" + std::string(toString(action)) + "' is not an action callers perform directly");
    }
    if (auto status = accounts::authorize(caller, *permission); !status) return status.takeError();
    auto quote = load(caller, id);
    if (!quote) return quote;
    if (auto status = detail::checkIfMatch(quote->row_version, args.if_match); !status)
        return status.takeError();
    std::optional<QuoteVersion> archived;
    std::vector<OutboxEvent> events;
    if (auto status = applyAction(caller, *quote, action, args, archived, events); !status) {
        return status.takeError();
    }
    if (auto status = save(*quote, archived, events); !status) return status.takeError();
    return quote;
}

core::Status QuoteService::applyAction(const accounts::Caller& caller, Quote& quote, QuoteAction action,
                                       const ActionArgs& args, std::optional<QuoteVersion>& archived,
                                       std::vector<OutboxEvent>& events) {
    if (auto status = checkQuoteTransition(action, quote.status); !status) return status;
    const core::TimePoint now = clock_.now();
    const core::Date date = core::Date::fromTimePoint(now);
    const std::int64_t by = caller.user_id;
    switch (action) {
        case QuoteAction::Submit: {
            if (quote.lines.empty()) return makeError(ErrorCode::FailedPrecondition, "quote has no lines");
            if (quote.valid_until < date) {
                return makeError(ErrorCode::FailedPrecondition,
                                 "valid_until " + quote.valid_until.toString() + " has passed");
            }
            if (quote.rep_id == 0) quote.rep_id = by;  // a fresh request for quote: the submitter takes it
            const auto findings = evaluateApproval(options_.approval, quote.rep_id, quote.lines);
            const QuoteStatus to = findings.empty() ? QuoteStatus::Approved : QuoteStatus::PendingApproval;
            return applyQuoteTransition(quote, action, to, by, now, joinFindings(args.note, findings));
        }
        case QuoteAction::Approve:
        case QuoteAction::Reject:
            // Four eyes: whoever owns or submitted this version never decides on it.
            if (by == quote.rep_id || by == quote.submittedBy()) {
                return makeError(ErrorCode::PermissionDenied,
                                 "a quote cannot be approved or rejected by its own rep");
            }
            if (action == QuoteAction::Reject && args.note.empty()) {
                return makeError(ErrorCode::InvalidArgument, "a rejection needs a note", "$.note");
            }
            return applyQuoteTransition(quote, action, *quoteActionTarget(action), by, now, args.note);
        case QuoteAction::Send:
            if (quote.valid_until < date) {
                return makeError(
                    ErrorCode::FailedPrecondition,
                    "valid_until " + quote.valid_until.toString() + " has passed; edit it first");
            }
            events.push_back(quoteEvent(EventType::QuoteSent, quote, now));
            return applyQuoteTransition(quote, action, QuoteStatus::Sent, by, now, args.note);
        case QuoteAction::Accept:
            if (quote.valid_until < date) {
                return makeError(ErrorCode::FailedPrecondition,
                                 "quote " + quote.number + " expired after " + quote.valid_until.toString());
            }
            return applyQuoteTransition(quote, action, QuoteStatus::Accepted, by, now, args.note);
        case QuoteAction::Decline:
            return applyQuoteTransition(quote, action, QuoteStatus::Declined, by, now, args.note);
        case QuoteAction::Revise:
            archived = quote.currentVersion();
            if (auto status = applyQuoteTransition(quote, action, QuoteStatus::Draft, by, now, args.note);
                !status) {
                return status;
            }
            quote.version += 1;
            quote.expiring_notice_sent = false;
            return {};
        case QuoteAction::Create:
        case QuoteAction::Expire:
        case QuoteAction::Order:
            break;
    }
    return makeError(ErrorCode::InvalidArgument, "unsupported action");
}

core::Result<OrderRequest> QuoteService::orderRequest(const accounts::Caller& caller, std::int64_t id,
                                                      std::string po_number) const {
    if (auto status = accounts::authorize(caller, Action::WriteOrders); !status) return status.takeError();
    auto quote = load(caller, id);
    if (!quote) return quote.takeError();
    if (auto status = checkQuoteTransition(QuoteAction::Order, quote->status); !status) {
        return status.takeError();
    }
    const std::string label = "quote " + quote->number + " v" + std::to_string(quote->version);
    OrderRequest request;
    request.customer_id = quote->customer_id;
    request.source = OrderSource::Quote;
    request.po_number =
        po_number.empty() ? quote->number + "-v" + std::to_string(quote->version) : std::move(po_number);
    request.currency = quote->currency;
    request.quote = QuoteRef{quote->id, quote->number, quote->version};
    request.requested_by = caller.user_id;
    for (const QuoteLine& line : quote->lines) {
        OrderRequestLine out;
        out.line_ref = std::to_string(line.line_no);
        out.sku = line.sku;
        out.quantity = line.quantity;
        out.uom = line.uom;
        out.locked_price = LockedPrice{line.unit_price, label};
        request.lines.push_back(std::move(out));
    }
    return request;
}

core::Result<Quote> QuoteService::markOrdered(const accounts::Caller& caller, std::int64_t id,
                                              std::int64_t order_id) {
    if (auto status = accounts::authorize(caller, Action::WriteOrders); !status) return status.takeError();
    auto quote = load(caller, id);
    if (!quote) return quote;
    if (auto status = applyQuoteTransition(*quote, QuoteAction::Order, QuoteStatus::Ordered, caller.user_id,
                                           clock_.now(), "order " + std::to_string(order_id));
        !status) {
        return status.takeError();
    }
    quote->order_id = order_id;
    if (auto status = save(*quote, std::nullopt, {}); !status) return status.takeError();
    return quote;
}

ExpiryReport QuoteService::expireDue(core::TimePoint now) {
    ExpiryReport report;
    const core::Date date = core::Date::fromTimePoint(now);
    for (Quote& quote : quotes_.findSentDueBy(date.addDays(options_.expiring_notice_days))) {
        if (quote.status != QuoteStatus::Sent) continue;
        std::vector<OutboxEvent> events;
        if (quote.valid_until < date) {
            auto status = applyQuoteTransition(quote, QuoteAction::Expire, QuoteStatus::Expired, 0, now,
                                               "valid until " + quote.valid_until.toString());
            if (!status) continue;
        } else if (!quote.expiring_notice_sent) {
            quote.expiring_notice_sent = true;
            OutboxEvent event = quoteEvent(EventType::QuoteExpiring, quote, now);
            event.attributes.emplace_back(
                "days_left", std::to_string(quote.valid_until.daysSinceEpoch() - date.daysSinceEpoch()));
            events.push_back(std::move(event));
        } else {
            continue;
        }
        const bool expired = quote.status == QuoteStatus::Expired;
        if (!save(quote, std::nullopt, events)) {
            ++report.conflicts;  // another write won (or the quote vanished): the next run sees it afresh
            continue;
        }
        (expired ? report.expired : report.notified).push_back(quote.id);
    }
    return report;
}

}  // namespace crossdock::sales
