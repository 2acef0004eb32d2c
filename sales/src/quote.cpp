#include "crossdock/sales/quote.h"

#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "support.h"

namespace crossdock::sales {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr std::array<std::pair<QuoteStatus, std::string_view>, 8> kStatusNames{{
    {QuoteStatus::Draft, "draft"},
    {QuoteStatus::PendingApproval, "pending_approval"},
    {QuoteStatus::Approved, "approved"},
    {QuoteStatus::Sent, "sent"},
    {QuoteStatus::Accepted, "accepted"},
    {QuoteStatus::Declined, "declined"},
    {QuoteStatus::Expired, "expired"},
    {QuoteStatus::Ordered, "ordered"},
}};

constexpr std::array<std::pair<QuoteAction, std::string_view>, 10> kActionNames{{
    {QuoteAction::Create, "create"},
    {QuoteAction::Submit, "submit"},
    {QuoteAction::Approve, "approve"},
    {QuoteAction::Reject, "reject"},
    {QuoteAction::Send, "send"},
    {QuoteAction::Accept, "accept"},
    {QuoteAction::Decline, "decline"},
    {QuoteAction::Revise, "revise"},
    {QuoteAction::Expire, "expire"},
    {QuoteAction::Order, "order"},
}};

/// The one table of which action applies in which status.
bool legal(QuoteAction action, QuoteStatus from) {
    using enum QuoteStatus;
    switch (action) {
        case QuoteAction::Create:
            return false;
        case QuoteAction::Submit:
            return from == Draft;
        case QuoteAction::Approve:
            return from == PendingApproval;
        case QuoteAction::Reject:
            return from == PendingApproval;
        case QuoteAction::Send:
            return from == Approved;
        case QuoteAction::Accept:
            return from == Sent;
        case QuoteAction::Decline:
            return from == Sent;
        case QuoteAction::Revise:
            return from == Sent || from == Declined || from == Expired;
        case QuoteAction::Expire:
            return from == Sent;
        case QuoteAction::Order:
            return from == Accepted;
    }
    return false;
}

}  // namespace

std::string_view toString(QuoteStatus status) {
    for (const auto& [s, name] : kStatusNames) {
        if (s == status) return name;
    }
    return "draft";
}

std::string_view toString(QuoteAction action) {
    for (const auto& [a, name] : kActionNames) {
        if (a == action) return name;
    }
    return "create";
}

std::optional<QuoteStatus> parseQuoteStatus(std::string_view text) {
    for (const auto& [s, name] : kStatusNames) {
        if (name == text) return s;
    }
    return std::nullopt;
}

std::optional<QuoteAction> parseQuoteAction(std::string_view text) {
    for (const auto& [a, name] : kActionNames) {
        if (name == text) return a;
    }
    return std::nullopt;
}

core::Status checkQuoteTransition(QuoteAction action, QuoteStatus from) {
    if (legal(action, from)) return {};
    return makeError(ErrorCode::FailedPrecondition, "cannot " + std::string(toString(action)) +
                                                        " a quote that is " + std::string(toString(from)));
}

std::optional<QuoteStatus> quoteActionTarget(QuoteAction action) {
    switch (action) {
        case QuoteAction::Create:
        case QuoteAction::Submit:
            return std::nullopt;
        case QuoteAction::Approve:
            return QuoteStatus::Approved;
        case QuoteAction::Reject:
            return QuoteStatus::Draft;
        case QuoteAction::Send:
            return QuoteStatus::Sent;
        case QuoteAction::Accept:
            return QuoteStatus::Accepted;
        case QuoteAction::Decline:
            return QuoteStatus::Declined;
        case QuoteAction::Revise:
            return QuoteStatus::Draft;
        case QuoteAction::Expire:
            return QuoteStatus::Expired;
        case QuoteAction::Order:
            return QuoteStatus::Ordered;
    }
    return std::nullopt;
}

QuoteVersion Quote::currentVersion() const {
    return QuoteVersion{id, version, status, currency, valid_until, lines, notes, terms, total};
}

std::int64_t Quote::submittedBy() const {
    for (auto it = transitions.rbegin(); it != transitions.rend(); ++it) {
        if (it->version != version) break;
        if (it->action == QuoteAction::Submit) return it->by_user;
    }
    return 0;
}

std::string formatQuoteNumber(std::int64_t id) { return detail::formatNumber("Q-", id); }

core::Status applyQuoteTransition(Quote& quote, QuoteAction action, QuoteStatus to, std::int64_t by_user,
                                  core::TimePoint at, std::string note) {
    if (auto status = checkQuoteTransition(action, quote.status); !status) return status;
    const bool target_ok = action == QuoteAction::Submit
                               ? (to == QuoteStatus::PendingApproval || to == QuoteStatus::Approved)
                               : quoteActionTarget(action) == to;
    if (!target_ok) {
        // A caller passing a target the action cannot reach is a bug, not user input.
        throw std::logic_error("quote action " + std::string(toString(action)) + " cannot lead to " +
                               std::string(toString(to)));
    }
    quote.transitions.push_back(
        QuoteTransition{action, quote.status, to, quote.version, by_user, at, std::move(note)});
    quote.status = to;
    return {};
}

}  // namespace crossdock::sales
