// POST /edi/inbound and the message log, through the real server.
#include <boost/test/unit_test.hpp>

#include "edi_fixture.h"

using namespace crossdock;
using namespace crossdock::integration;
using namespace crossdock::integration::edi_test;

namespace {

std::int64_t accepted(const HttpAnswer& answer) {
    BOOST_TEST_REQUIRE(answer.status == 202, "POST /edi/inbound: " << answer.body);
    return *answer.json().find("message_id")->asInt64();
}

std::vector<std::int64_t> relatedIds(const core::Json& message) {
    std::vector<std::int64_t> ids;
    for (const auto& id : message.find("related")->items()) ids.push_back(*id.asInt64());
    return ids;
}

std::string rawOf(std::int64_t id) {
    auto& env = TestEnvironment::get();
    auto raw = request(env.port(), {.path = "/api/v1/edi/messages/" + std::to_string(id) + "/raw",
                                    .token = env.adminToken()});
    BOOST_TEST_REQUIRE(raw.status == 200, raw.body);
    return raw.body;
}

std::string firstErrorCode(const core::Json& message) {
    const core::Json* errors = message.find("errors");
    return errors->size() == 0 ? std::string() : errors->items().front().find("code")->asString();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbound)

BOOST_AUTO_TEST_CASE(an_850_is_stored_acknowledged_and_ordered) {
    const std::string bytes = document850("acme_850.edi", nextControl(), "IT-PO-1");
    const std::int64_t id = accepted(postInbound(bytes));
    const core::Json message = getMessage(id);
    BOOST_TEST(message.find("direction")->asString() == "inbound");
    BOOST_TEST(message.find("partner_id")->asString() == kPartnerId);
    BOOST_TEST(message.find("format")->asString() == "x12");
    BOOST_TEST(message.find("status")->asString() == "processed", toJsonString(*message.find("errors")));
    BOOST_TEST_REQUIRE(!message.find("order_id")->isNull());
    const auto related = relatedIds(message);
    BOOST_TEST_REQUIRE(related.size() == 2u);
    const core::Json ack = getMessage(related[0]);
    BOOST_TEST(ack.find("document_type")->asString() == "997");
    BOOST_TEST(ack.find("direction")->asString() == "outbound");
    BOOST_TEST(*ack.find("related")->items().front().asInt64() == id);
    BOOST_TEST(rawOf(related[0]).find("AK9*A*1*1*1") != std::string::npos);
    BOOST_TEST(getMessage(related[1]).find("document_type")->asString() == "855");

    auto& env = TestEnvironment::get();
    const std::string order_path = "/api/v1/orders/" + std::to_string(*message.find("order_id")->asInt64());
    auto order = request(env.port(), {.path = order_path, .token = env.adminToken()});
    BOOST_TEST_REQUIRE(order.status == 200, order.body);
    BOOST_TEST(order.json().find("po_number")->asString() == "IT-PO-1");
    BOOST_TEST(order.json().find("source")->asString() == "x12");
}

BOOST_AUTO_TEST_CASE(a_duplicate_interchange_is_answered_with_ta1_025) {
    const std::uint32_t control = nextControl();
    const std::int64_t first = accepted(postInbound(document850("acme_850.edi", control, "IT-PO-2")));
    const std::int64_t second = accepted(postInbound(document850("acme_850.edi", control, "IT-PO-2")));
    const core::Json original = getMessage(first);
    const core::Json dup = getMessage(second);
    BOOST_TEST(dup.find("status")->asString() == "duplicate");
    BOOST_TEST(firstErrorCode(dup) == "TA1 025");
    BOOST_TEST(dup.find("order_id")->isNull());
    const auto related = relatedIds(dup);
    BOOST_TEST_REQUIRE(related.size() == 1u);
    BOOST_TEST(rawOf(related[0]).find("*R*025") != std::string::npos);
    // No second order: the PO number has one order.
    auto& env = TestEnvironment::get();
    auto orders = request(
        env.port(), {.path = "/api/v1/orders?po_number=IT-PO-2&customer_id=ACME", .token = env.adminToken()});
    BOOST_TEST_REQUIRE(orders.status == 200, orders.body);
    BOOST_TEST(orders.json().find("items")->size() == 1u);
    BOOST_TEST(*orders.json().find("items")->items().front().find("id")->asInt64() ==
               *original.find("order_id")->asInt64());
}

BOOST_AUTO_TEST_CASE(an_interchange_for_another_receiver_is_rejected) {
    const std::int64_t id =
        accepted(postInbound(document850("acme_850_wrong_receiver.edi", nextControl(), "IT-PO-3")));
    const core::Json message = getMessage(id);
    BOOST_TEST(message.find("status")->asString() == "rejected");
    BOOST_TEST(firstErrorCode(message) == "TA1 009");
    BOOST_TEST(message.find("order_id")->isNull());
    const auto related = relatedIds(message);
    BOOST_TEST_REQUIRE(related.size() == 1u);
    BOOST_TEST(getMessage(related[0]).find("document_type")->asString() == "TA1");
}

BOOST_AUTO_TEST_CASE(a_bad_count_gets_a_997_with_the_code_and_no_order) {
    const std::int64_t id =
        accepted(postInbound(document850("acme_850_bad_count.edi", nextControl(), "IT-PO-4")));
    const core::Json message = getMessage(id);
    BOOST_TEST(message.find("status")->asString() == "rejected");
    BOOST_TEST(message.find("order_id")->isNull());
    const auto related = relatedIds(message);
    BOOST_TEST_REQUIRE(related.size() == 1u);
    BOOST_TEST(rawOf(related[0]).find("AK5*R*4") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(raw_bytes_come_back_unchanged) {
    std::string bytes = document850("acme_850.edi", nextControl(), "IT-PO-5");
    bytes = "\xEF\xBB\xBF" + bytes + "\r\n\x1A";  // BOM, CR LF, Ctrl-Z: read as filler, kept as sent
    const std::int64_t id = accepted(postInbound(bytes));
    BOOST_TEST((rawOf(id) == bytes));
    BOOST_TEST(getMessage(id).find("size")->asInt64().value() == static_cast<std::int64_t>(bytes.size()));
}

BOOST_AUTO_TEST_CASE(the_log_is_for_staff_and_lists_with_filters) {
    auto& env = TestEnvironment::get();
    const std::int64_t id = accepted(postInbound(document850("acme_850.edi", nextControl(), "IT-PO-6")));
    auto list =
        request(env.port(), {.path = "/api/v1/edi/messages?partner_id=IT-ACME&direction=inbound&limit=2",
                             .token = env.adminToken()});
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    const core::Json page = list.json();
    BOOST_TEST_REQUIRE(page.find("items")->size() == 2u);
    BOOST_TEST(*page.find("items")->items().front().find("id")->asInt64() == id);  // newest first
    BOOST_TEST_REQUIRE(page.find("next_cursor")->isString());
    auto next =
        request(env.port(), {.path = "/api/v1/edi/messages?partner_id=IT-ACME&direction=inbound&cursor=" +
                                     page.find("next_cursor")->asString(),
                             .token = env.adminToken()});
    BOOST_TEST_REQUIRE(next.status == 200, next.body);
    BOOST_TEST(*next.json().find("items")->items().front().find("id")->asInt64() < id);
    BOOST_TEST(request(env.port(), {.path = "/api/v1/edi/messages?status=bogus", .token = env.adminToken()})
                   .status == 400);

    createUser("edi-buyer@test.local", "buyer-password-123", "buyer", "ACME");
    const std::string buyer = env.login("edi-buyer@test.local", "buyer-password-123");
    const std::string path = "/api/v1/edi/messages/" + std::to_string(id);
    BOOST_TEST(request(env.port(), {.path = path, .token = buyer}).status == 403);
    BOOST_TEST(request(env.port(), {.path = path + "/raw", .token = buyer}).status == 403);
    BOOST_TEST(request(env.port(), {.path = "/api/v1/edi/messages", .token = partnerKey()}).status == 403);
    BOOST_TEST(request(env.port(), {.path = path}).status == 401);
    // Users cannot post documents; partners must.
    BOOST_TEST(postInbound("ISA*", buyer).status == 403);
    BOOST_TEST(postInbound("", partnerKey()).status == 400);
}

// POST /edi/inbound takes documents over server.max_body_bytes (1 MiB) up to
// edi.max_inbound_bytes; other routes keep the server's limit.
BOOST_AUTO_TEST_CASE(documents_may_exceed_the_api_body_limit) {
    std::string bytes = document850("acme_850.edi", nextControl(), "IT-PO-BIG");
    bytes += std::string(std::size_t{3} << 20, '\n');  // line breaks between segments are filler
    const std::int64_t id = accepted(postInbound(bytes));
    BOOST_TEST(getMessage(id).find("status")->asString() == "processed");
    auto& env = TestEnvironment::get();
    auto json = request(
        env.port(), {.method = "POST", .path = "/api/v1/partners", .body = bytes, .token = env.adminToken()});
    BOOST_TEST(json.status == 413);
}

BOOST_AUTO_TEST_CASE(replay_is_refused_for_processed_messages) {
    auto& env = TestEnvironment::get();
    const std::int64_t id = accepted(postInbound(document850("acme_850.edi", nextControl(), "IT-PO-7")));
    BOOST_TEST_REQUIRE(getMessage(id).find("status")->asString() == "processed");
    auto replay = request(env.port(), {.method = "POST",
                                       .path = "/api/v1/edi/messages/" + std::to_string(id) + "/replay",
                                       .token = env.adminToken()});
    BOOST_TEST(replay.status == 409);
    auto missing =
        request(env.port(),
                {.method = "POST", .path = "/api/v1/edi/messages/999999/replay", .token = env.adminToken()});
    BOOST_TEST(missing.status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
