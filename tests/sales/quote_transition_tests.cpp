// Every action against every status: the pure table, then the same through
// QuoteService with callers that are allowed to act.

#include <set>
#include <utility>

#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

constexpr QuoteStatus kStatuses[] = {
    QuoteStatus::Draft,    QuoteStatus::PendingApproval, QuoteStatus::Approved, QuoteStatus::Sent,
    QuoteStatus::Accepted, QuoteStatus::Declined,        QuoteStatus::Expired,  QuoteStatus::Ordered};
constexpr QuoteAction kActions[] = {
    QuoteAction::Create, QuoteAction::Submit,  QuoteAction::Approve, QuoteAction::Reject, QuoteAction::Send,
    QuoteAction::Accept, QuoteAction::Decline, QuoteAction::Revise,  QuoteAction::Expire, QuoteAction::Order};

/// The legal pairs, written out independently of the implementation.
const std::set<std::pair<QuoteAction, QuoteStatus>> kLegal = {
    {QuoteAction::Submit, QuoteStatus::Draft},
    {QuoteAction::Approve, QuoteStatus::PendingApproval},
    {QuoteAction::Reject, QuoteStatus::PendingApproval},
    {QuoteAction::Send, QuoteStatus::Approved},
    {QuoteAction::Accept, QuoteStatus::Sent},
    {QuoteAction::Decline, QuoteStatus::Sent},
    {QuoteAction::Revise, QuoteStatus::Sent},
    {QuoteAction::Revise, QuoteStatus::Declined},
    {QuoteAction::Revise, QuoteStatus::Expired},
    {QuoteAction::Expire, QuoteStatus::Sent},
    {QuoteAction::Order, QuoteStatus::Accepted},
};

/// A caller allowed to perform `action` on World's ACME quotes by rep 10.
Caller actorFor(const World& w, QuoteAction action) {
    switch (action) {
        case QuoteAction::Approve:
        case QuoteAction::Reject:
            return w.manager;
        case QuoteAction::Accept:
        case QuoteAction::Decline:
        case QuoteAction::Order:
            return w.buyer;
        default:
            return w.rep;
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quote_transitions)

BOOST_AUTO_TEST_CASE(table_allows_exactly_the_legal_pairs) {
    for (QuoteAction action : kActions) {
        for (QuoteStatus from : kStatuses) {
            const bool expected = kLegal.count({action, from}) > 0;
            auto status = checkQuoteTransition(action, from);
            BOOST_TEST(status.ok() == expected, toString(action) << " from " << toString(from));
            if (!status.ok()) BOOST_TEST(status.error().code == ErrorCode::FailedPrecondition);
        }
    }
}

BOOST_AUTO_TEST_CASE(targets) {
    BOOST_TEST(!quoteActionTarget(QuoteAction::Submit));
    BOOST_TEST(!quoteActionTarget(QuoteAction::Create));
    BOOST_TEST(*quoteActionTarget(QuoteAction::Approve) == QuoteStatus::Approved);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Reject) == QuoteStatus::Draft);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Send) == QuoteStatus::Sent);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Accept) == QuoteStatus::Accepted);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Decline) == QuoteStatus::Declined);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Revise) == QuoteStatus::Draft);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Expire) == QuoteStatus::Expired);
    BOOST_TEST(*quoteActionTarget(QuoteAction::Order) == QuoteStatus::Ordered);
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (QuoteStatus s : kStatuses) BOOST_TEST(*parseQuoteStatus(toString(s)) == s);
    for (QuoteAction a : kActions) BOOST_TEST(*parseQuoteAction(toString(a)) == a);
    BOOST_TEST(toString(QuoteStatus::PendingApproval) == "pending_approval");
    BOOST_TEST(!parseQuoteStatus("Sent"));
    BOOST_TEST(!parseQuoteAction("cancel"));
}

BOOST_AUTO_TEST_CASE(every_performed_action_in_every_status_through_the_service) {
    const QuoteAction performed[] = {QuoteAction::Submit, QuoteAction::Approve, QuoteAction::Reject,
                                     QuoteAction::Send,   QuoteAction::Accept,  QuoteAction::Decline,
                                     QuoteAction::Revise};
    for (QuoteAction action : performed) {
        for (QuoteStatus from : kStatuses) {
            World w;
            const Quote quote = w.quoteIn(from);
            auto result =
                w.quote_service.perform(actorFor(w, action), quote.id, action, {"because", std::nullopt});
            const bool legal = kLegal.count({action, from}) > 0;
            BOOST_TEST(result.ok() == legal, toString(action) << " from " << toString(from));
            auto stored = w.quotes.find(quote.id, std::nullopt);
            if (!legal) {
                BOOST_TEST(result.error().code == ErrorCode::FailedPrecondition);
                BOOST_TEST(stored->status == from);
                BOOST_TEST(stored->row_version == quote.row_version);
                continue;
            }
            // Submit of a list-price quote goes straight to approved.
            const QuoteStatus to =
                action == QuoteAction::Submit ? QuoteStatus::Approved : *quoteActionTarget(action);
            BOOST_TEST(stored->status == to);
            BOOST_TEST(stored->row_version == quote.row_version + 1);
            const QuoteTransition& last = stored->transitions.back();
            BOOST_TEST(last.action == action);
            BOOST_TEST(last.from == from);
            BOOST_TEST(last.to == to);
            BOOST_TEST(last.by_user == actorFor(w, action).user_id);
            BOOST_TEST(last.note == "because");
            BOOST_TEST((last.at == w.clock.now()));
        }
    }
}

BOOST_AUTO_TEST_CASE(order_in_every_status) {
    for (QuoteStatus from : kStatuses) {
        World w;
        const Quote quote = w.quoteIn(from);
        const bool legal = from == QuoteStatus::Accepted;
        BOOST_TEST(w.quote_service.orderRequest(w.buyer, quote.id, "").ok() == legal);  // writes nothing
        auto result = w.quote_service.markOrdered(w.buyer, quote.id, 77);
        BOOST_TEST(result.ok() == legal, "order from " << toString(from));
        if (legal) {
            BOOST_TEST(result->status == QuoteStatus::Ordered);
            BOOST_TEST(*result->order_id == 77);
        } else {
            BOOST_TEST(result.error().code == ErrorCode::FailedPrecondition);
        }
    }
}

BOOST_AUTO_TEST_CASE(expire_in_every_status) {
    for (QuoteStatus from : kStatuses) {
        World w;
        Quote quote = w.quoteIn(from);
        quote.valid_until = date(2026, 3, 9);  // yesterday
        w.quotes.put(quote);
        auto report = w.quote_service.expireDue(w.clock.now());
        const bool legal = from == QuoteStatus::Sent;
        BOOST_TEST(report.expired.size() == (legal ? 1U : 0U), "expire from " << toString(from));
        const QuoteStatus expected = legal ? QuoteStatus::Expired : from;
        BOOST_TEST(w.quotes.find(quote.id, std::nullopt)->status == expected);
    }
}

BOOST_AUTO_TEST_CASE(create_is_never_performed) {
    World w;
    const Quote quote = w.quoteIn(QuoteStatus::Draft);
    for (QuoteAction action : {QuoteAction::Create, QuoteAction::Expire, QuoteAction::Order}) {
        BOOST_TEST(codeOf(w.quote_service.perform(w.admin, quote.id, action)) == ErrorCode::InvalidArgument);
    }
    BOOST_TEST(quote.transitions.size() == 1U);
    BOOST_TEST(quote.transitions[0].action == QuoteAction::Create);
}

BOOST_AUTO_TEST_CASE(apply_with_an_impossible_target_is_a_bug) {
    Quote quote;
    BOOST_CHECK_THROW((void)applyQuoteTransition(quote, QuoteAction::Submit, QuoteStatus::Sent, 1, {}, ""),
                      std::logic_error);
    BOOST_TEST(quote.status == QuoteStatus::Draft);
    BOOST_TEST(quote.transitions.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
