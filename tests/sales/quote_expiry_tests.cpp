// Expiry: the scheduler's run, the quote.expiring notice, accepting late.

#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

/// A sent ACME quote valid until `valid_until`.
Quote sentUntil(World& w, core::Date valid_until) {
    Quote quote = w.quoteIn(QuoteStatus::Sent);
    quote.valid_until = valid_until;
    w.quotes.put(quote);
    return quote;
}

std::size_t eventsOf(const World& w, EventType type) {
    std::size_t n = 0;
    for (const OutboxEvent& e : w.quotes.events()) n += e.type == type;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quote_expiry)

BOOST_AUTO_TEST_CASE(expiring_notice_three_days_before_once) {
    World w;  // today 2026-03-10
    const Quote in_three = sentUntil(w, date(2026, 3, 13));
    const Quote in_four = sentUntil(w, date(2026, 3, 14));
    auto report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.notified == std::vector<std::int64_t>{in_three.id});
    BOOST_TEST(report.expired.empty());
    BOOST_REQUIRE(w.quotes.events().size() == 1U);
    const OutboxEvent& event = w.quotes.events()[0];
    BOOST_TEST(toString(event.type) == "quote.expiring");
    BOOST_TEST(*event.attribute("days_left") == "3");
    BOOST_TEST(event.aggregate_id == in_three.id);

    // The same day again: nothing new.
    report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.notified.empty());

    w.clock.set(noon(2026, 3, 11));
    report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.notified == std::vector<std::int64_t>{in_four.id});
    BOOST_TEST(eventsOf(w, EventType::QuoteExpiring) == 2U);
    BOOST_TEST(w.quotes.find(in_three.id, std::nullopt)->status == QuoteStatus::Sent);
}

BOOST_AUTO_TEST_CASE(valid_until_is_inclusive) {
    World w;
    const Quote quote = sentUntil(w, date(2026, 3, 10));
    auto report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.expired.empty());  // still valid today
    BOOST_TEST(report.notified.size() == 1U);

    w.clock.set(noon(2026, 3, 11));
    report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.expired == std::vector<std::int64_t>{quote.id});
    auto stored = w.quotes.find(quote.id, std::nullopt);
    BOOST_TEST(stored->status == QuoteStatus::Expired);
    BOOST_TEST(stored->transitions.back().action == QuoteAction::Expire);
    BOOST_TEST(stored->transitions.back().by_user == 0);
    BOOST_TEST(stored->transitions.back().note == "valid until 2026-03-10");
}

BOOST_AUTO_TEST_CASE(accepting_on_the_last_day_works) {
    World w;
    const Quote quote = sentUntil(w, date(2026, 3, 10));
    BOOST_TEST(w.quote_service.perform(w.buyer, quote.id, QuoteAction::Accept).ok());
}

BOOST_AUTO_TEST_CASE(accepting_an_expired_quote_fails) {
    World w;
    const Quote quote = sentUntil(w, date(2026, 3, 9));
    // Not yet marked by the scheduler: still refused.
    auto late = w.quote_service.perform(w.buyer, quote.id, QuoteAction::Accept);
    BOOST_TEST(codeOf(late) == ErrorCode::FailedPrecondition);
    BOOST_TEST(late.error().message.find("expired") != std::string::npos);
    BOOST_TEST(w.quotes.find(quote.id, std::nullopt)->status == QuoteStatus::Sent);

    (void)w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(codeOf(w.quote_service.perform(w.buyer, quote.id, QuoteAction::Accept)) ==
               ErrorCode::FailedPrecondition);
}

BOOST_AUTO_TEST_CASE(an_expired_quote_may_be_revised_and_is_noticed_again) {
    World w;
    const Quote quote = sentUntil(w, date(2026, 3, 12));
    (void)w.quote_service.expireDue(w.clock.now());  // notice for v1
    w.clock.set(noon(2026, 3, 13));
    (void)w.quote_service.expireDue(w.clock.now());  // expired
    auto revised = w.quote_service.perform(w.rep, quote.id, QuoteAction::Revise);
    BOOST_REQUIRE(revised.ok());
    BOOST_TEST(revised->version == 2);
    BOOST_TEST(!revised->expiring_notice_sent);
    QuoteEdit edit;
    edit.valid_until = date(2026, 3, 15);
    BOOST_REQUIRE(w.quote_service.edit(w.rep, quote.id, edit).ok());
    BOOST_REQUIRE(w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit).ok());
    BOOST_REQUIRE(w.quote_service.perform(w.rep, quote.id, QuoteAction::Send).ok());
    auto report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.notified.size() == 1U);
    BOOST_TEST(eventsOf(w, EventType::QuoteExpiring) == 2U);
}

BOOST_AUTO_TEST_CASE(send_refuses_a_past_valid_until) {
    World w;
    Quote quote = w.quoteIn(QuoteStatus::Approved);
    quote.valid_until = date(2026, 3, 1);
    w.quotes.put(quote);
    BOOST_TEST(codeOf(w.quote_service.perform(w.rep, quote.id, QuoteAction::Send)) ==
               ErrorCode::FailedPrecondition);
}

BOOST_AUTO_TEST_CASE(a_lost_race_is_skipped_and_counted) {
    World w;
    const Quote quote = sentUntil(w, date(2026, 3, 1));
    w.quotes.loseNextRace();
    auto report = w.quote_service.expireDue(w.clock.now());
    BOOST_TEST(report.conflicts == 1U);
    BOOST_TEST(report.expired.empty());
    report = w.quote_service.expireDue(w.clock.now());  // the next run picks it up
    BOOST_TEST(report.expired == std::vector<std::int64_t>{quote.id});
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
