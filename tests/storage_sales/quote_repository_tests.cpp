#include <set>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "fixtures.h"

using namespace crossdock;
using namespace crossdock::storage::testing;
using sales::Quote;
using sales::QuoteStatus;

namespace {

bool isCode(const core::Status& status, core::ErrorCode code) {
    return !status.ok() && status.error().code == code;
}

void checkSame(const Quote& a, const Quote& b) {
    BOOST_TEST(a.id == b.id);
    BOOST_TEST(a.number == b.number);
    BOOST_TEST(a.customer_id == b.customer_id);
    BOOST_TEST(a.rep_id == b.rep_id);
    BOOST_TEST(a.version == b.version);
    BOOST_TEST((a.status == b.status));
    BOOST_TEST(a.currency == b.currency);
    BOOST_TEST((a.valid_until == b.valid_until));
    BOOST_TEST((a.lines == b.lines));
    BOOST_TEST(a.notes == b.notes);
    BOOST_TEST(a.terms == b.terms);
    BOOST_TEST((a.total == b.total));
    BOOST_TEST(a.expiring_notice_sent == b.expiring_notice_sent);
    BOOST_TEST((a.order_id == b.order_id));
    BOOST_TEST(a.transitions.size() == b.transitions.size());
    BOOST_TEST((a.created_at == b.created_at));
    BOOST_TEST(a.row_version == b.row_version);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(id_sequence, SalesStore)

BOOST_AUTO_TEST_CASE(counts_per_name_from_one) {
    BOOST_TEST(ids->next("quote") == 1);
    BOOST_TEST(ids->next("quote") == 2);
    BOOST_TEST(ids->next("order") == 1);
    BOOST_TEST(ids->next("quote") == 3);
}

BOOST_AUTO_TEST_CASE(threads_and_instances_never_share_an_id) {
    auto other_store = database.open();
    auto other = storage::makeIdSequence(*other_store);
    std::vector<std::int64_t> a, b;
    std::thread ta([&] {
        for (int i = 0; i < 40; ++i) a.push_back(ids->next("order"));
    });
    std::thread tb([&] {
        for (int i = 0; i < 40; ++i) b.push_back(other->next("order"));
    });
    ta.join();
    tb.join();
    std::set<std::int64_t> all(a.begin(), a.end());
    all.insert(b.begin(), b.end());
    BOOST_TEST(all.size() == 80u);
    BOOST_TEST(*all.begin() == 1);
    BOOST_TEST(*all.rbegin() == 80);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(quote_repository, SalesStore)

BOOST_AUTO_TEST_CASE(create_then_find_round_trips_every_field) {
    Quote q = sampleQuote(1);
    auto event = sampleEvent(sales::EventType::QuoteSent, "quote", 1, at(5));
    BOOST_TEST(quotes->create(q, std::vector{event}).ok());
    auto found = quotes->find(1, std::nullopt);
    BOOST_REQUIRE(found.has_value());
    checkSame(*found, q);
    BOOST_TEST(found->lines[0].cost.has_value());
    BOOST_TEST(!found->lines[1].target_price.has_value());
    BOOST_TEST(found->transitions[0].by_user == 7);
    BOOST_TEST(outbox->listFor("quote", 1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(scope_hides_other_customers_quotes) {
    BOOST_TEST(quotes->create(sampleQuote(1, "ACME"), {}).ok());
    BOOST_TEST(quotes->find(1, std::string("ACME")).has_value());
    BOOST_TEST(!quotes->find(1, std::string("GLOBEX")).has_value());
    BOOST_TEST(!quotes->find(2, std::nullopt).has_value());
}

BOOST_AUTO_TEST_CASE(duplicate_id_or_number_is_a_conflict) {
    BOOST_TEST(quotes->create(sampleQuote(1), {}).ok());
    BOOST_TEST(isCode(quotes->create(sampleQuote(1, "OTHER"), {}), core::ErrorCode::Conflict));
    Quote same_number = sampleQuote(2);
    same_number.number = "Q-000001";
    BOOST_TEST(isCode(quotes->create(same_number, {}), core::ErrorCode::Conflict));
    BOOST_TEST(quotes->find(1, std::nullopt)->customer_id == "ACME");
}

BOOST_AUTO_TEST_CASE(update_is_optimistic_and_appends_transitions) {
    Quote q = sampleQuote(1);
    BOOST_TEST(quotes->create(q, {}).ok());
    q.status = QuoteStatus::Approved;
    q.lines.pop_back();
    q.expiring_notice_sent = true;
    q.order_id = 77;
    q.transitions.push_back(
        {sales::QuoteAction::Submit, QuoteStatus::Draft, QuoteStatus::Approved, 1, 7, at(9), "ok"});
    q.row_version = 2;
    BOOST_TEST(quotes->update(q, 1, std::nullopt, {}).ok());
    checkSame(*quotes->find(1, std::nullopt), q);

    Quote stale = q;
    stale.notes = "lost";
    stale.row_version = 2;
    BOOST_TEST(isCode(quotes->update(stale, 1, std::nullopt, {}), core::ErrorCode::Conflict));
    BOOST_TEST(quotes->find(1, std::nullopt)->notes == q.notes);

    Quote missing = sampleQuote(5);
    missing.row_version = 2;
    BOOST_TEST(isCode(quotes->update(missing, 1, std::nullopt, {}), core::ErrorCode::NotFound));
}

BOOST_AUTO_TEST_CASE(revise_archives_a_locked_version_once) {
    Quote q = sampleQuote(1);
    BOOST_TEST(quotes->create(q, {}).ok());
    sales::QuoteVersion v1 = q.currentVersion();
    v1.status = QuoteStatus::Sent;
    q.version = 2;
    q.lines[0].unit_price = dec("0.1200");
    q.valid_until = day("2027-01-31");
    q.row_version = 2;
    BOOST_TEST(quotes->update(q, 1, v1, {}).ok());

    auto archived = quotes->findVersion(1, 1, std::nullopt);
    BOOST_REQUIRE(archived.has_value());
    BOOST_TEST((archived->status == QuoteStatus::Sent));
    BOOST_TEST((archived->lines == v1.lines));
    BOOST_TEST((archived->valid_until == day("2026-12-31")));
    BOOST_TEST(!quotes->findVersion(1, 1, std::string("GLOBEX")).has_value());
    BOOST_TEST(!quotes->findVersion(1, 2, std::nullopt).has_value());  // current: not archived
    auto current = quotes->find(1, std::nullopt);
    BOOST_TEST(current->version == 2);
    BOOST_TEST((current->lines[0].unit_price == dec("0.1200")));

    q.row_version = 3;
    BOOST_TEST(isCode(quotes->update(q, 2, v1, {}), core::ErrorCode::Conflict));
    BOOST_TEST(quotes->find(1, std::nullopt)->row_version == 2);  // rolled back
    BOOST_TEST((quotes->findVersion(1, 1, std::nullopt)->lines == v1.lines));
}

BOOST_AUTO_TEST_CASE(find_sent_due_by_orders_by_valid_until_then_id) {
    const char* dates[] = {"2026-12-10", "2026-12-05", "2026-12-20", "2026-12-05"};
    for (int i = 0; i < 4; ++i) {
        Quote q = sampleQuote(i + 1);
        q.status = i == 2 ? QuoteStatus::Sent : QuoteStatus::Sent;
        q.valid_until = day(dates[i]);
        BOOST_TEST(quotes->create(q, {}).ok());
    }
    Quote draft = sampleQuote(9);
    draft.valid_until = day("2026-12-01");
    BOOST_TEST(quotes->create(draft, {}).ok());
    auto due = quotes->findSentDueBy(day("2026-12-10"));
    BOOST_REQUIRE(due.size() == 3u);
    BOOST_TEST(due[0].id == 2);
    BOOST_TEST(due[1].id == 4);
    BOOST_TEST(due[2].id == 1);
}

BOOST_AUTO_TEST_CASE(list_filters_and_pages_by_id) {
    for (int i = 1; i <= 5; ++i) {
        Quote q = sampleQuote(i, i % 2 == 0 ? "GLOBEX" : "ACME");
        if (i == 3) q.status = QuoteStatus::Sent;
        BOOST_TEST(quotes->create(q, {}).ok());
    }
    sales::QuoteQuery query;
    query.limit = 2;
    auto page = quotes->list(query);
    BOOST_REQUIRE(page.size() == 2u);
    BOOST_TEST(page[1].id == 2);
    query.after_id = 2;
    BOOST_TEST(quotes->list(query).front().id == 3);
    sales::QuoteQuery acme;
    acme.scope = "ACME";
    BOOST_TEST(quotes->list(acme).size() == 3u);
    acme.status = QuoteStatus::Sent;
    BOOST_TEST(quotes->list(acme).size() == 1u);
    sales::QuoteQuery by_customer;
    by_customer.customer_id = "GLOBEX";
    BOOST_TEST(quotes->list(by_customer).size() == 2u);
}

BOOST_AUTO_TEST_CASE(racing_writers_one_wins) {
    BOOST_TEST(quotes->create(sampleQuote(1), {}).ok());
    auto other_store = database.open();
    auto other = storage::makeQuoteRepository(*other_store);
    Quote a = *quotes->find(1, std::nullopt);
    Quote b = a;
    a.notes = "a";
    b.notes = "b";
    a.row_version = b.row_version = 2;
    core::Status sa, sb;
    std::thread ta([&] { sa = quotes->update(a, 1, std::nullopt, {}); });
    std::thread tb([&] { sb = other->update(b, 1, std::nullopt, {}); });
    ta.join();
    tb.join();
    BOOST_TEST(sa.ok() != sb.ok());
    BOOST_TEST(quotes->find(1, std::nullopt)->notes == (sa.ok() ? "a" : "b"));
}

BOOST_AUTO_TEST_SUITE_END()
