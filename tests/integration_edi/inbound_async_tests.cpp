// POST /edi/inbound answers 202 once the document is stored; a background job processes it.
// A message stored by a server that dies before processing it is processed, once, by the
// next server; servers sharing one database never process a message twice.
#include <csignal>
#include <filesystem>
#include <memory>

#include <boost/test/unit_test.hpp>

#include "edi_fixture.h"

using namespace crossdock;
using namespace crossdock::integration;
using namespace crossdock::integration::edi_test;

namespace {

HttpAnswer postTo(std::uint16_t port, const std::string& bytes) {
    return request(port, {.method = "POST",
                          .path = "/edi/inbound",
                          .body = bytes,
                          .content_type = "application/edi-x12",
                          .token = partnerKey()});
}

std::int64_t messageIdOf(const HttpAnswer& answer) {
    BOOST_TEST_REQUIRE(answer.status == 202, "POST /edi/inbound: " << answer.body);
    return *answer.json().find("message_id")->asInt64();
}

// The message as it is now, without waiting for processing.
std::string statusNow(std::uint16_t port, std::int64_t id) {
    auto answer = request(port, {.path = "/api/v1/edi/messages/" + std::to_string(id),
                                 .token = TestEnvironment::get().adminToken()});
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    return answer.json().find("status")->asString();
}

std::size_t ordersWithPo(const std::string& po) {
    auto& env = TestEnvironment::get();
    auto orders = request(env.port(), {.path = "/api/v1/orders?po_number=" + po + "&customer_id=ACME",
                                       .token = env.adminToken()});
    BOOST_TEST_REQUIRE(orders.status == 200, orders.body);
    return orders.json().find("items")->size();
}

// Processed exactly once: processed, one order, one 997 and one 855.
void checkProcessedOnce(std::int64_t id, const std::string& po) {
    const core::Json message = getMessage(id);
    BOOST_TEST(message.find("status")->asString() == "processed", toJsonString(message));
    BOOST_TEST(message.find("related")->size() == 2u, toJsonString(message));
    BOOST_TEST(ordersWithPo(po) == 1u, po);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbound_async)

BOOST_AUTO_TEST_CASE(a_message_stored_before_a_crash_is_processed_once_after_the_restart) {
    auto& env = TestEnvironment::get();
    (void)partnerKey();
    BOOST_TEST(env.stopServer() == 0);  // alone on the database: nobody else may process it
    // The restarted shared server writes a new shared.log: remove the old one, or its
    // "listening on" line (the old port) could be read before the shell truncates it.
    std::filesystem::remove(env.dir() / "shared.log");
    std::int64_t id = 0;
    {
        // A server whose inbound job would first run in a day: it stores, answers 202, and dies.
        ServerProcess doomed("inbound-doomed", env.dir(), env.dbUrl(), {{"edi.inbound.poll_ms", "86400000"}});
        id = messageIdOf(postTo(doomed.port(), document850("acme_850.edi", nextControl(), "IT-ASYNC-CRASH")));
        BOOST_TEST(statusNow(doomed.port(), id) == "received");
        doomed.signal(SIGKILL);
        BOOST_TEST(doomed.waitForExit(std::chrono::seconds(10)) == 128 + SIGKILL);
    }
    // The next server (the shared one, started again) finds it stored and processes it.
    checkProcessedOnce(id, "IT-ASYNC-CRASH");
}

BOOST_AUTO_TEST_CASE(three_servers_on_one_database_process_each_message_once) {
    auto& env = TestEnvironment::get();
    (void)partnerKey();
    ServerProcess second("inbound-second", env.dir(), env.dbUrl(), {{"edi.inbound.poll_ms", "10"}});
    ServerProcess third("inbound-third", env.dir(), env.dbUrl(), {{"edi.inbound.poll_ms", "10"}});
    const std::uint16_t ports[] = {env.port(), second.port(), third.port()};
    std::vector<std::pair<std::int64_t, std::string>> sent;
    for (int k = 0; k < 12; ++k) {
        const std::string po = "IT-ASYNC-" + std::to_string(k);
        const auto answer = postTo(ports[k % 3], document850("acme_850.edi", nextControl(), po));
        sent.emplace_back(messageIdOf(answer), po);
    }
    for (const auto& [id, po] : sent) checkProcessedOnce(id, po);
    BOOST_TEST(second.stop() == 0, second.log());
    BOOST_TEST(third.stop() == 0, third.log());
}

BOOST_AUTO_TEST_SUITE_END()
