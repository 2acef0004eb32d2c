#include <set>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "fixtures.h"

using namespace crossdock;
using namespace crossdock::storage::testing;
using sales::OutboxState;

namespace {

void seedEvents(storage::testing::SalesStore& s, int count) {
    std::vector<sales::OutboxEvent> events;
    for (int i = 0; i < count; ++i)
        events.push_back(sampleEvent(sales::EventType::OrderCreated, "order", 1, at(100 + i)));
    BOOST_TEST(s.orders->create(sampleOrder(1), events).ok());
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(outbox_repository, SalesStore)

BOOST_AUTO_TEST_CASE(claim_leases_due_events_oldest_first) {
    seedEvents(*this, 3);
    BOOST_TEST(outbox->claimDue(at(50), at(60), 10).empty());  // not due yet
    auto first = outbox->claimDue(at(200), at(300), 2);
    BOOST_REQUIRE(first.size() == 2u);
    BOOST_TEST(first[0].id < first[1].id);
    BOOST_TEST((first[0].state == OutboxState::Pending));
    BOOST_TEST(first[0].event.aggregate_id == 1);
    BOOST_TEST(first[0].event.attribute("number").value() == "SO-000001");
    auto rest = outbox->claimDue(at(200), at(300), 10);
    BOOST_REQUIRE(rest.size() == 1u);  // the first two are leased
    BOOST_TEST(outbox->claimDue(at(250), at(300), 10).empty());
    BOOST_TEST(outbox->claimDue(at(300), at(400), 10).size() == 3u);  // lease over
}

BOOST_AUTO_TEST_CASE(delivered_failed_and_dead_letter) {
    seedEvents(*this, 2);
    auto claimed = outbox->claimDue(at(200), at(300), 10);
    BOOST_REQUIRE(claimed.size() == 2u);
    outbox->markDelivered(claimed[0].id, at(201));
    outbox->markDelivered(claimed[0].id, at(202));  // no-op
    outbox->markFailed(claimed[1].id, "HTTP 500", at(500));
    auto records = outbox->listFor("order", 1);
    BOOST_REQUIRE(records.size() == 2u);
    BOOST_TEST((records[0].state == OutboxState::Delivered));
    BOOST_TEST((records[1].state == OutboxState::Pending));
    BOOST_TEST(records[1].attempts == 1);
    BOOST_TEST(records[1].last_error == "HTTP 500");
    BOOST_TEST((records[1].next_attempt_at == at(500)));
    BOOST_TEST(outbox->claimDue(at(400), at(600), 10).empty());
    BOOST_TEST(outbox->claimDue(at(500), at(600), 10).size() == 1u);
    outbox->markFailed(claimed[1].id, "HTTP 503", std::nullopt);
    records = outbox->listFor("order", 1);
    BOOST_TEST((records[1].state == OutboxState::DeadLetter));
    BOOST_TEST(records[1].attempts == 2);
    BOOST_TEST(outbox->claimDue(at(10'000), at(20'000), 10).empty());
}

BOOST_AUTO_TEST_CASE(two_workers_never_claim_one_event) {
    seedEvents(*this, 40);
    auto other_store = database.open();
    auto other = storage::makeOutboxRepository(*other_store);
    std::vector<sales::OutboxRecord> a, b;
    std::thread ta([&] {
        for (int i = 0; i < 10; ++i) {
            auto got = outbox->claimDue(at(1000), at(5000), 3);
            a.insert(a.end(), got.begin(), got.end());
        }
    });
    std::thread tb([&] {
        for (int i = 0; i < 10; ++i) {
            auto got = other->claimDue(at(1000), at(5000), 3);
            b.insert(b.end(), got.begin(), got.end());
        }
    });
    ta.join();
    tb.join();
    std::set<std::int64_t> seen;
    for (const auto& r : a) seen.insert(r.id);
    for (const auto& r : b) seen.insert(r.id);
    BOOST_TEST(seen.size() == a.size() + b.size());
    BOOST_TEST(seen.size() == 40u);
}

BOOST_AUTO_TEST_CASE(idempotency_keys_are_claimed_once) {
    BOOST_TEST(idempotency->claim("user:1", "k1", "hash-a", at(1)));
    BOOST_TEST(!idempotency->claim("user:1", "k1", "hash-b", at(2)));
    BOOST_TEST(idempotency->claim("user:2", "k1", "hash-b", at(2)));
    auto running = idempotency->find("user:1", "k1");
    BOOST_REQUIRE(running.has_value());
    BOOST_TEST(running->status == 0);
    BOOST_TEST(running->request_hash == "hash-a");
    idempotency->complete("user:1", "k1", 201, "{\"id\":1}");
    auto done = idempotency->find("user:1", "k1");
    BOOST_TEST(done->status == 201);
    BOOST_TEST(done->body == "{\"id\":1}");
    idempotency->release("user:1", "k1");  // completed keys stay
    BOOST_TEST(idempotency->find("user:1", "k1").has_value());
    idempotency->release("user:2", "k1");
    BOOST_TEST(!idempotency->find("user:2", "k1").has_value());
    BOOST_TEST(!idempotency->find("user:3", "k1").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
