// SIGTERM while the webhook job is stuck on a receiver that never answers: the server
// must stop within one POST timeout, not after a whole batch of them (a past flake of this
// suite: "did not stop within 30 s").
#include <chrono>
#include <thread>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

BOOST_AUTO_TEST_SUITE(server_shutdown)

BOOST_AUTO_TEST_CASE(sigterm_during_hanging_webhook_posts_stops_within_one_timeout) {
    auto& env = SalesEnvironment::get();
    env.stopServer();  // alone on the database: every due event is this server's
    // Listens (the kernel completes connections into the backlog) but never accepts or answers.
    Poco::Net::ServerSocket blackhole(Poco::Net::SocketAddress("127.0.0.1", 0), 64);
    ServerProcess server(
        "blackhole", env.dir(), env.dbUrl(),
        {{"sales.webhooks.urls", "http://127.0.0.1:" + std::to_string(blackhole.address().port()) + "/hooks"},
         {"sales.webhooks.secret", "x"},
         {"sales.webhooks.interval_ms", "50"},
         {"sales.webhooks.timeout_seconds", "4"}});
    core::Json login = core::Json::object();
    login.set("email", kAdmin);
    login.set("password", kDemoPassword);
    auto signed_in =
        request(server.port(), {.method = "POST", .path = "/api/v1/auth/token", .body = jsonBody(login)});
    BOOST_TEST_REQUIRE(signed_in.status == 200, signed_in.body);
    const std::string token = signed_in.json().find("token")->asString();
    for (int i = 0; i < 12; ++i) {  // 12 events × 4 s would be 48 s of timeouts in one batch
        const std::string body = R"({"customer_id":"ACME","po_number":"SD-)" + uniqueSuffix() +
                                 R"(","lines":[{"sku":")" + kSku + R"(","quantity":100,"uom":"EA"}]})";
        auto created = request(server.port(),
                               {.method = "POST", .path = "/api/v1/orders", .body = body, .token = token});
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the job is now waiting on a POST
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(server.stop(std::chrono::seconds(30)) == 0, server.log());
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_TEST(took < std::chrono::seconds(12), std::chrono::duration_cast<std::chrono::seconds>(took).count()
                                                    << " s to stop");
}

BOOST_AUTO_TEST_SUITE_END()
