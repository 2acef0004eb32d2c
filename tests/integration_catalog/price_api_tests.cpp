// POST /api/v1/prices/resolve over the demo price lists (docs/pricing.md).
#include <boost/test/unit_test.hpp>

#include "demo_world.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

core::Json cart(std::initializer_list<std::tuple<const char*, const char*, const char*>> lines,
                const char* customer = nullptr) {
    core::Json body = core::Json::object();
    if (customer != nullptr) body.set("customer_id", customer);
    body.set("at", "2026-12-13");
    core::Json array = core::Json::array();
    for (const auto& [sku, quantity, uom] : lines) {
        core::Json line = core::Json::object();
        line.set("sku", sku);
        line.set("quantity", quantity);
        if (uom != nullptr) line.set("uom", uom);
        array.push(line);
    }
    body.set("lines", array);
    return body;
}

std::string field(const core::Json& object, const char* key) { return object.find(key)->asString(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(prices)

BOOST_AUTO_TEST_CASE(acme_gets_its_contract_and_case_prices_with_explanations) {
    auto answer =
        DemoWorld::get().post("buyer@acme.test", "/api/v1/prices/resolve",
                              cart({{"SCR-MS-M6X20-SS", "10", "EA"}, {"NUT-HEX-M8-ZP", "2", "CS"}}));
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json body = answer.json();
    BOOST_TEST(field(body, "currency") == "USD");
    const auto& lines = body.find("lines")->items();
    BOOST_REQUIRE(lines.size() == 2U);
    BOOST_TEST(field(lines[0], "unit_price") == "0.1144");
    BOOST_TEST(field(lines[0], "extended") == "1.1400");  // 1.144 rounded half up to cents
    BOOST_TEST(field(lines[0], "list_id") == "ACME-CONTRACT");
    const core::Json* explanation = lines[0].find("explanation");
    BOOST_REQUIRE(explanation->isObject());
    BOOST_TEST(field(*explanation, "list_id") == "ACME-CONTRACT");
    BOOST_TEST(!field(*explanation, "text").empty());
    BOOST_TEST(field(explanation->find("chain")->items()[0], "list_id") == "ACME-CONTRACT");
    BOOST_TEST(field(lines[1], "unit_price") == "5.2704");
    BOOST_TEST(field(lines[1], "extended") == "10.5400");
    BOOST_TEST(field(body, "total") == "11.6800");
}

BOOST_AUTO_TEST_CASE(lowest_strategy_takes_base_volume_tiers_and_ties_go_to_the_earlier_list) {
    auto& world = DemoWorld::get();
    auto answer =
        world.post("admin@crossdock.local", "/api/v1/prices/resolve",
                   cart({{"SCR-MS-M6X20-SS", "1000", "EA"}, {"SCR-MS-M6X20-SS", "999", "EA"}}, "GLOBEX"));
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const auto lines = answer.json().find("lines")->items();
    BOOST_TEST(field(lines[0], "unit_price") == "0.1247");
    BOOST_TEST(field(lines[0], "list_id") == "BASE");
    BOOST_TEST(field(lines[1], "unit_price") == "0.1350");
    BOOST_TEST(field(lines[1], "list_id") == "SILVER");
}

BOOST_AUTO_TEST_CASE(an_unpriced_line_carries_an_error_inside_the_200) {
    auto answer = DemoWorld::get().post(
        "buyer@acme.test", "/api/v1/prices/resolve",
        cart(
            {{"SCR-MS-M6X20-SS", "1", nullptr}, {"NO-SUCH-SKU", "1", "EA"}, {"SCR-MS-M6X20-SS", "1", "XX"}}));
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json body = answer.json();
    const auto& lines = body.find("lines")->items();
    BOOST_TEST(field(lines[0], "uom") == "EA");  // the base unit when none is given
    BOOST_TEST(field(*lines[1].find("error"), "code") == "unknown_sku");
    BOOST_TEST(lines[1].find("unit_price") == nullptr);
    BOOST_TEST(field(*lines[2].find("error"), "code") == "unknown_unit");
    BOOST_TEST(field(body, "total") == field(lines[0], "extended"));
}

BOOST_AUTO_TEST_CASE(buyers_price_only_for_themselves_and_staff_must_name_a_customer) {
    auto& world = DemoWorld::get();
    auto other = world.post("buyer@acme.test", "/api/v1/prices/resolve",
                            cart({{"SCR-MS-M6X20-SS", "1", "EA"}}, "GLOBEX"));
    BOOST_TEST(other.status == 404);
    auto staff =
        world.post("rep@crossdock.local", "/api/v1/prices/resolve", cart({{"SCR-MS-M6X20-SS", "1", "EA"}}));
    BOOST_TEST(staff.status == 400);
    auto bad = world.post("buyer@acme.test", "/api/v1/prices/resolve", core::Json::object());
    BOOST_TEST(bad.status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
