#include <boost/test/unit_test.hpp>

#include "crossdock/core/json.h"
#include "state/sales_services.h"
#include "test_database.h"
#include "webhook_listener.h"

using namespace crossdock;
using namespace crossdock::server;
using crossdock::integration::WebhookListener;
using sales::OutboxState;

namespace {

core::TimePoint at(std::int64_t seconds) {
    return core::TimePoint{} + std::chrono::seconds(1'800'000'000 + seconds);
}

/// A migrated database with one order whose creation left `count` events in the outbox.
struct WebhookWorld {
    storage::testing::TestDatabase database;
    std::unique_ptr<storage::Store> store = database.openMigrated();
    SalesServices services;
    core::ManualClock clock{at(0)};
    WebhookListener listener;

    explicit WebhookWorld(int count = 1) {
        services.outbox = storage::makeOutboxRepository(*store);
        services.order_repository = storage::makeOrderRepository(*store);
        services.options.webhooks.urls = {"http://127.0.0.1:" + std::to_string(listener.port()) + "/hook"};
        services.options.webhooks.secret = "s3cret";
        services.options.webhooks.max_attempts = 3;
        services.options.webhooks.backoff = std::chrono::milliseconds(1000);
        sales::Order order;
        order.id = 1;
        order.number = "SO-000001";
        order.customer_id = "ACME";
        order.po_number = "PO-1";
        order.currency = "USD";
        order.created_at = at(0);
        std::vector<sales::OutboxEvent> events;
        for (int i = 0; i < count; ++i) events.push_back(sales::orderCreatedEvent(order, at(0)));
        BOOST_TEST_REQUIRE(services.order_repository->create(order, events).ok());
    }

    std::vector<sales::OutboxRecord> records() const { return services.outbox->listFor("order", 1); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(webhook_job)

BOOST_AUTO_TEST_CASE(signature_is_hmac_sha256_of_the_body) {
    // RFC 4231, test case 2.
    BOOST_TEST(webhookSignature("Jefe", "what do ya want for nothing?") ==
               "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

BOOST_AUTO_TEST_CASE(delivers_signed_json_and_marks_delivered) {
    WebhookWorld world(2);
    BOOST_TEST(deliverWebhooks(world.services, world.clock) == 2u);
    auto hooks = world.listener.received();
    BOOST_REQUIRE(hooks.size() == 2u);
    for (const auto& hook : hooks) {
        BOOST_TEST(hook.signature == integration::hmacSha256Hex("s3cret", hook.body));
        BOOST_TEST(hook.event == "order.created");
        auto json = core::parseJson(hook.body);
        BOOST_REQUIRE(json.ok());
        BOOST_TEST(json->find("type")->asString() == "order.created");
        BOOST_TEST(json->find("customer_id")->asString() == "ACME");
        BOOST_TEST(json->find("attributes")->find("po_number")->asString() == "PO-1");
        BOOST_TEST(std::to_string(*json->find("id")->asInt64()) == hook.delivery);
    }
    for (const auto& record : world.records()) BOOST_TEST((record.state == OutboxState::Delivered));
    BOOST_TEST(deliverWebhooks(world.services, world.clock) == 0u);  // nothing due any more
    BOOST_TEST(world.listener.received().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_stop_request_hands_the_claimed_events_back_without_an_attempt) {
    WebhookWorld world(3);
    int asked = 0;
    BOOST_TEST(deliverWebhooks(world.services, world.clock, [&asked] { return asked++ >= 1; }) == 1u);
    BOOST_TEST(world.listener.received().size() == 1u);
    auto records = world.records();
    BOOST_REQUIRE(records.size() == 3u);
    BOOST_TEST((records[0].state == OutboxState::Delivered));
    for (std::size_t i = 1; i < records.size(); ++i) {
        BOOST_TEST((records[i].state == OutboxState::Pending));
        BOOST_TEST(records[i].attempts == 0);
        BOOST_TEST((records[i].next_attempt_at == world.clock.now()));  // due now, not leased for minutes
    }
    BOOST_TEST(deliverWebhooks(world.services, world.clock) == 2u);
}

BOOST_AUTO_TEST_CASE(retries_with_doubling_backoff_then_dead_letters) {
    WebhookWorld world;
    world.listener.failNext(100);
    BOOST_TEST(deliverWebhooks(world.services, world.clock) == 0u);
    auto record = world.records().at(0);
    BOOST_TEST((record.state == OutboxState::Pending));
    BOOST_TEST(record.attempts == 1);
    BOOST_TEST(record.last_error.find("HTTP 500") != std::string::npos);
    BOOST_TEST((record.next_attempt_at == at(1)));  // backoff × 2^0

    world.clock.set(at(0) + std::chrono::milliseconds(900));
    deliverWebhooks(world.services, world.clock);
    BOOST_TEST(world.listener.received().size() == 1u);  // not due yet
    world.clock.set(at(1));
    deliverWebhooks(world.services, world.clock);
    record = world.records().at(0);
    BOOST_TEST(record.attempts == 2);
    BOOST_TEST((record.next_attempt_at == at(3)));  // backoff × 2^1
    world.clock.set(at(3));
    deliverWebhooks(world.services, world.clock);
    record = world.records().at(0);
    BOOST_TEST((record.state == OutboxState::DeadLetter));
    // Dead letters are listed for operators (GET /api/v1/outbox?state=dead_letter).
    auto dead = world.services.outbox->listByState(OutboxState::DeadLetter, 0, 10);
    BOOST_REQUIRE(dead.size() == 1U);
    BOOST_TEST(dead[0].id == record.id);
    BOOST_TEST(world.services.outbox->listByState(OutboxState::DeadLetter, record.id, 10).empty());
    BOOST_TEST(record.attempts == 3);
    world.clock.set(at(1000));
    deliverWebhooks(world.services, world.clock);
    BOOST_TEST(world.listener.received().size() == 3u);
}

BOOST_AUTO_TEST_CASE(an_unreachable_url_is_a_failed_attempt) {
    WebhookWorld world;
    world.services.options.webhooks.urls.push_back("http://127.0.0.1:1/closed");
    BOOST_TEST(deliverWebhooks(world.services, world.clock) == 0u);
    auto record = world.records().at(0);
    BOOST_TEST(record.attempts == 1);
    BOOST_TEST(record.last_error.find("127.0.0.1:1") != std::string::npos);
    BOOST_TEST(world.listener.received().size() == 1u);  // the reachable URL got it
}

BOOST_AUTO_TEST_SUITE_END()
