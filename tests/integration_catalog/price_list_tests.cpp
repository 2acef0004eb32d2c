// Price list and entry CRUD, and the explain call.
#include <boost/test/unit_test.hpp>

#include "demo_world.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

constexpr const char* kAdmin = "admin@crossdock.local";

std::string priceFor(const std::string& customer) {
    core::Json body = core::Json::object();
    body.set("customer_id", customer);
    body.set("at", "2026-12-13");
    body.set("sku", "SCR-MS-M6X20-SS");
    body.set("quantity", "5");
    body.set("uom", "EA");
    auto answer = DemoWorld::get().post(kAdmin, "/api/v1/prices/explain", body);
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json line = answer.json();
    BOOST_TEST_REQUIRE(line.find("explanation") != nullptr, answer.body);
    return line.find("list_id")->asString() + " " + line.find("unit_price")->asString();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(price_lists)

BOOST_AUTO_TEST_CASE(a_list_and_its_entries_are_created_changed_and_removed_over_http) {
    auto& world = DemoWorld::get();
    core::Json list = core::Json::object();
    list.set("id", "PROMO");
    list.set("name", "Winter promotion");
    list.set("currency", "USD");
    list.set("kind", "promotion");
    auto created = world.post(kAdmin, "/api/v1/price-lists", list);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(world.post(kAdmin, "/api/v1/price-lists", list).status == 409);

    core::Json entry = core::Json::object();
    entry.set("sku", "SCR-MS-M6X20-SS");
    entry.set("uom", "EA");
    entry.set("min_qty", "1");
    entry.set("unit_price", "0.0999");
    core::Json entries = core::Json::array();
    entries.push(entry);
    core::Json body = core::Json::object();
    body.set("entries", entries);
    auto put = world.post(kAdmin, "/api/v1/price-lists/PROMO/entries", body);
    BOOST_TEST_REQUIRE(put.status == 200, put.body);

    core::Json customer = core::Json::object();
    customer.set("customer_id", "PROMO-CUST");
    customer.set("name", "Promo customer");
    customer.set("currency", "USD");
    core::Json chain = core::Json::array();
    chain.push("PROMO");
    customer.set("price_lists", chain);
    BOOST_TEST_REQUIRE(world.post(kAdmin, "/api/v1/customers", customer).status == 201);
    BOOST_TEST(priceFor("PROMO-CUST") == "PROMO 0.0999");

    auto listed = world.get(kAdmin, "/api/v1/price-lists/PROMO/entries");
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    BOOST_TEST(listed.json().find("items")->size() == 1U);

    auto removed = request(world.port(),
                           {.method = "DELETE",
                            .path = "/api/v1/price-lists/PROMO/entries?sku=SCR-MS-M6X20-SS&uom=EA&min_qty=1",
                            .token = world.token(kAdmin)});
    BOOST_TEST_REQUIRE(removed.status == 204, removed.body);
    // Back to the default list (whose price another case of this suite may have changed).
    BOOST_TEST(priceFor("PROMO-CUST").rfind("BASE ", 0) == 0U);
}

BOOST_AUTO_TEST_CASE(a_bad_entry_is_refused_with_its_position_and_buyers_cannot_manage_prices) {
    auto& world = DemoWorld::get();
    core::Json entry = core::Json::object();
    entry.set("sku", "NO-SUCH-SKU");
    entry.set("uom", "EA");
    entry.set("min_qty", "1");
    entry.set("unit_price", "1");
    core::Json entries = core::Json::array();
    entries.push(entry);
    core::Json body = core::Json::object();
    body.set("entries", entries);
    auto answer = world.post(kAdmin, "/api/v1/price-lists/BASE/entries", body);
    BOOST_TEST(answer.status == 400, answer.body);
    BOOST_TEST(answer.body.find("$.entries[0]") != std::string::npos, answer.body);
    BOOST_TEST(world.post("buyer@acme.test", "/api/v1/price-lists/BASE/entries", body).status == 403);
    BOOST_TEST(world.get(kAdmin, "/api/v1/price-lists/NOPE").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
