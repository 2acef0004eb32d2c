#include <thread>

#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

BOOST_AUTO_TEST_SUITE(webhooks)

BOOST_AUTO_TEST_CASE(events_arrive_signed_and_are_retried_after_a_500) {
    auto& env = SalesEnvironment::get();
    env.webhooks().failNext(1);
    const std::string po = "WH-" + uniqueSuffix();
    auto created = env.call(
        env.token(kAcmeBuyer), "POST", "/api/v1/orders",
        R"({"po_number":")" + po + R"(","lines":[{"sku":")" + kSku + R"(","quantity":100,"uom":"EA"}]})");
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string number = str(created.json(), "number");
    BOOST_TEST_REQUIRE(env.webhooks().waitFor("\"number\":\"" + number + "\"", std::chrono::seconds(20)));

    auto hooks = env.webhooks().received();
    BOOST_TEST_REQUIRE(!hooks.empty());
    for (const ReceivedHook& hook : hooks) {
        BOOST_TEST(hook.signature == hmacSha256Hex(kWebhookSecret, hook.body));
        BOOST_TEST(!hook.event.empty());
    }
    std::string failed_delivery;
    for (const ReceivedHook& hook : hooks) {
        if (hook.answered == 500) failed_delivery = hook.delivery;
    }
    BOOST_TEST_REQUIRE(!failed_delivery.empty());
    bool retried = false;
    for (int i = 0; i < 100 && !retried; ++i) {
        for (const ReceivedHook& hook : env.webhooks().received()) {
            if (hook.delivery == failed_delivery && hook.answered == 204) retried = true;
        }
        if (!retried) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST(retried);

    for (const ReceivedHook& hook : hooks) {
        if (hook.body.find(number) == std::string::npos) continue;
        auto json = core::parseJson(hook.body);
        BOOST_TEST_REQUIRE(json.ok());
        BOOST_TEST(str(*json, "type") == "order.created");
        BOOST_TEST(str(*json, "customer_id") == "ACME");
        BOOST_TEST(str(*json->find("attributes"), "po_number") == po);
    }
    // The API shows the delivery state.
    auto events = env.call(env.token(kAcmeBuyer), "GET", idPath("/api/v1/orders", created) + "/events");
    BOOST_TEST_REQUIRE(events.status == 200, events.body);
    bool delivered = false;
    for (int i = 0; i < 50 && !delivered; ++i) {
        events = env.call(env.token(kAcmeBuyer), "GET", idPath("/api/v1/orders", created) + "/events");
        delivered = str(events.json().find("items")->items().at(0), "state") == "delivered";
        if (!delivered) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST(delivered);
}

BOOST_AUTO_TEST_SUITE_END()
