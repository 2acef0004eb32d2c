#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

std::string orderBody(const std::string& po, const std::string& quantity = "200",
                      const std::string& extra = "") {
    return R"({"po_number":")" + po + R"(",)" + extra +
           R"("ship_to":{"name":"Dock 4","city":"Springfield","country":"US"},)" + R"("lines":[{"sku":")" +
           kSku + R"(","quantity":)" + quantity + R"(,"uom":"EA","line_ref":"1"}]})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_api)

BOOST_AUTO_TEST_CASE(buyer_orders_from_the_demo_catalog) {
    auto& env = SalesEnvironment::get();
    const std::string& buyer = env.token(kAcmeBuyer);
    const std::string po = "PO-" + uniqueSuffix();
    auto created = env.call(buyer, "POST", "/api/v1/orders", orderBody(po));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    core::Json order = created.json();
    BOOST_TEST(str(order, "customer_id") == "ACME");
    BOOST_TEST(str(order, "po_number") == po);
    BOOST_TEST(str(order, "source") == "api");
    BOOST_TEST(str(order, "status") == "received");
    BOOST_TEST(str(order, "currency") == "USD");
    BOOST_TEST(str(order, "number").rfind("SO-", 0) == 0u);
    BOOST_TEST(str(*order.find("ship_to"), "city") == "Springfield");
    const core::Json& line = order.find("lines")->items().at(0);
    BOOST_TEST(num(line, "line_no") == 1);
    BOOST_TEST(str(line, "sku") == kSku);
    BOOST_TEST(str(line, "quantity") == "200");
    const std::string unit_price = str(line, "unit_price");
    BOOST_TEST_REQUIRE(unit_price.size() > 5u);
    BOOST_TEST(unit_price[unit_price.size() - 5] == '.');  // 4 fraction digits
    auto extended =
        core::Decimal::multiplyRounded(*core::Decimal::parse(unit_price), core::Decimal::fromInt(200), 2);
    BOOST_TEST(str(line, "extended") == extended->toString());
    BOOST_TEST(str(order, "total") == extended->toString());

    const std::string path = idPath("/api/v1/orders", created);
    auto fetched = env.call(buyer, "GET", path);
    BOOST_TEST_REQUIRE(fetched.status == 200, fetched.body);
    BOOST_TEST(fetched.header("ETag") == "\"1\"");
    auto listed = env.call(buyer, "GET", "/api/v1/orders?po_number=" + po);
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    BOOST_TEST(listed.json().find("items")->items().size() == 1u);
    BOOST_TEST(listed.json().find("next_cursor")->isNull());
}

BOOST_AUTO_TEST_CASE(po_number_reuse_answers_409_with_the_existing_order) {
    auto& env = SalesEnvironment::get();
    const std::string& buyer = env.token(kAcmeBuyer);
    const std::string po = "PO-" + uniqueSuffix();
    auto first = env.call(buyer, "POST", "/api/v1/orders", orderBody(po));
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    auto again = env.call(buyer, "POST", "/api/v1/orders", orderBody(po, "300"));
    BOOST_TEST_REQUIRE(again.status == 409, again.body);
    BOOST_TEST(again.errorCode() == "conflict");
    const core::Json again_json = again.json();
    const core::Json& details = *again_json.find("error")->find("details");
    BOOST_TEST(num(details, "order_id") == num(first.json(), "id"));
    // Another customer may use the same PO number.
    auto globex = env.call(env.token(kGlobexBuyer), "POST", "/api/v1/orders", orderBody(po));
    BOOST_TEST(globex.status == 201, globex.body);
}

BOOST_AUTO_TEST_CASE(idempotency_key_replays_or_refuses) {
    auto& env = SalesEnvironment::get();
    const std::string& buyer = env.token(kAcmeBuyer);
    const std::string key = "key-" + uniqueSuffix();
    const std::string body = orderBody("IK-" + uniqueSuffix());
    auto first = env.call(buyer, "POST", "/api/v1/orders", body, {{"Idempotency-Key", key}});
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    auto repeat = env.call(buyer, "POST", "/api/v1/orders", body, {{"Idempotency-Key", key}});
    BOOST_TEST(repeat.status == 201);
    BOOST_TEST(repeat.body == first.body);
    BOOST_TEST(repeat.header("Idempotent-Replayed") == "true");
    auto other = env.call(buyer, "POST", "/api/v1/orders", orderBody("IK-" + uniqueSuffix()),
                          {{"Idempotency-Key", key}});
    BOOST_TEST(other.status == 422, other.body);
    // Keys are per caller: another user's same key is a new request.
    auto globex =
        env.call(env.token(kGlobexBuyer), "POST", "/api/v1/orders", body, {{"Idempotency-Key", key}});
    BOOST_TEST(globex.status == 201, globex.body);
}

BOOST_AUTO_TEST_CASE(other_customers_orders_are_not_found) {
    auto& env = SalesEnvironment::get();
    auto created =
        env.call(env.token(kAcmeBuyer), "POST", "/api/v1/orders", orderBody("PO-" + uniqueSuffix()));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string path = idPath("/api/v1/orders", created);
    const std::string& globex = env.token(kGlobexBuyer);
    BOOST_TEST(env.call(globex, "GET", path).status == 404);
    BOOST_TEST(env.call(globex, "POST", path + "/cancel").status == 404);
    BOOST_TEST(env.call(globex, "GET", path + "/events").status == 404);
    auto listed = env.call(globex, "GET", "/api/v1/orders?customer_id=ACME");
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    const core::Json listed_json = listed.json();
    for (const auto& item : listed_json.find("items")->items())
        BOOST_TEST(str(item, "customer_id") == "GLOBEX");
    auto for_acme = env.call(globex, "POST", "/api/v1/orders",
                             orderBody("PO-" + uniqueSuffix(), "200", R"("customer_id":"ACME",)"));
    BOOST_TEST(for_acme.status == 404, for_acme.body);
}

BOOST_AUTO_TEST_CASE(bad_lines_are_refused_with_every_line_error) {
    auto& env = SalesEnvironment::get();
    const std::string body = R"({"po_number":"BAD-)" + uniqueSuffix() +
                             R"(","lines":[{"sku":"NO-SUCH-SKU","quantity":1,"uom":"EA"},{"sku":")" + kSku +
                             R"(","quantity":1,"uom":"XX"}]})";
    auto answer = env.call(env.token(kAcmeBuyer), "POST", "/api/v1/orders", body);
    BOOST_TEST(answer.status >= 400);
    BOOST_TEST(answer.status < 500);
    const core::Json answer_json = answer.json();
    const core::Json* lines = answer_json.find("error")->find("details")->find("lines");
    BOOST_REQUIRE_MESSAGE(lines != nullptr, answer.body);
    BOOST_TEST(lines->items().size() == 2u);
}

BOOST_AUTO_TEST_CASE(staff_acknowledge_ship_and_invoice) {
    auto& env = SalesEnvironment::get();
    const std::string& admin = env.token(kAdmin);
    auto created = env.call(admin, "POST", "/api/v1/orders",
                            orderBody("ST-" + uniqueSuffix(), "100", R"("customer_id":"GLOBEX",)"));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(str(created.json(), "customer_id") == "GLOBEX");
    const std::string path = idPath("/api/v1/orders", created);
    BOOST_TEST(env.call(env.token(kGlobexBuyer), "POST", path + "/acknowledge").status == 403);
    auto stale = env.call(admin, "POST", path + "/acknowledge", "", {{"If-Match", "\"7\""}});
    BOOST_TEST(stale.status == 412, stale.body);
    auto acknowledged = env.call(admin, "POST", path + "/acknowledge", "", {{"If-Match", "\"1\""}});
    BOOST_TEST_REQUIRE(acknowledged.status == 200, acknowledged.body);
    BOOST_TEST(str(acknowledged.json(), "status") == "acknowledged");

    std::string digits = "10614141123456789";  // 17 digits; the GS1 check digit follows
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (digits[static_cast<std::size_t>(16 - i)] - '0') * (i % 2 == 0 ? 3 : 1);
    digits.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
    const std::string shipment = R"({"carrier":"UPSN","tracking_number":"1Z1","packages":[{"sscc":")" +
                                 digits + R"("}],"lines":[{"line_no":1,"quantity":100}]})";
    auto shipped = env.call(admin, "POST", path + "/shipments", shipment);
    BOOST_TEST_REQUIRE(shipped.status == 201, shipped.body);
    BOOST_TEST(str(shipped.json(), "number").rfind("SH-", 0) == 0u);
    BOOST_TEST(str(env.call(admin, "GET", path).json(), "status") == "shipped");
    auto invoiced =
        env.call(admin, "POST", path + "/invoices", R"({"issue_date":")" + todayPlus(0) + R"("})");
    BOOST_TEST_REQUIRE(invoiced.status == 201, invoiced.body);
    const core::Json invoice = invoiced.json();
    BOOST_TEST(str(invoice.find("taxes")->items().at(0), "rate_percent") == "8.875");
    BOOST_TEST(str(invoice, "line_total") == str(created.json(), "total"));
    BOOST_TEST(str(env.call(admin, "GET", path).json(), "status") == "invoiced");
    BOOST_TEST(env.call(admin, "GET", path + "/shipments").json().find("items")->items().size() == 1u);
    BOOST_TEST(env.call(admin, "GET", path + "/invoices").json().find("items")->items().size() == 1u);
    auto events = env.call(env.token(kGlobexBuyer), "GET", path + "/events");
    BOOST_TEST_REQUIRE(events.status == 200, events.body);
    BOOST_TEST(events.json().find("items")->items().size() >= 2u);  // order.created, order.acknowledged
}

BOOST_AUTO_TEST_SUITE_END()
