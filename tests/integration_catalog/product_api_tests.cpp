// GET /api/v1/products and /api/v1/products/{sku} over the demo world.
#include <boost/test/unit_test.hpp>

#include <set>

#include "demo_world.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

constexpr const char* kAcmeBuyer = "buyer@acme.test";
constexpr const char* kAdmin = "admin@crossdock.local";

std::string str(const core::Json& object, const char* key) {
    const core::Json* value = object.find(key);
    BOOST_TEST_REQUIRE((value != nullptr && value->isString()), "missing string " << key);
    return value->asString();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(products)

BOOST_AUTO_TEST_CASE(an_exact_sku_ranks_first_with_the_callers_price_and_tiers) {
    auto answer = DemoWorld::get().get(kAcmeBuyer, "/api/v1/products?q=SCR-MS-M6X20-SS");
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json body = answer.json();
    const auto& items = body.find("items")->items();
    BOOST_REQUIRE(!items.empty());
    BOOST_TEST(str(items[0], "sku") == "SCR-MS-M6X20-SS");
    const core::Json* price = items[0].find("price");
    BOOST_REQUIRE(price->isObject());
    BOOST_TEST(str(*price, "currency") == "USD");
    BOOST_TEST(str(*price, "uom") == "EA");
    BOOST_TEST(!items[0].find("tiers")->items().empty());
    BOOST_TEST(body.find("facets")->isArray());
}

BOOST_AUTO_TEST_CASE(a_customers_own_part_number_finds_its_item_for_that_customer_only) {
    auto mine = DemoWorld::get().get(kAcmeBuyer, "/api/v1/products?q=AC-200871&facets=false");
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    const core::Json body = mine.json();
    BOOST_REQUIRE(!body.find("items")->items().empty());
    const core::Json& first = body.find("items")->items()[0];
    BOOST_TEST(str(first, "sku") == "BLT-HEX-M10X50-ZP");
    BOOST_TEST(str(first, "customer_part_number") == "AC-200871");
    auto theirs = DemoWorld::get().get("buyer@globex.test", "/api/v1/products?q=AC-200871&facets=false");
    const core::Json other = theirs.json();
    for (const auto& item : other.find("items")->items()) BOOST_TEST(str(item, "sku") != "BLT-HEX-M10X50-ZP");
}

BOOST_AUTO_TEST_CASE(a_category_matches_its_whole_subtree) {
    auto answer =
        DemoWorld::get().get(kAcmeBuyer, "/api/v1/products?category=Hardware%20%3E%20Fasteners&limit=200");
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json body = answer.json();
    const auto& items = body.find("items")->items();
    BOOST_REQUIRE(items.size() > 20U);
    std::set<std::string> categories;
    for (const auto& item : items) {
        const std::string category = str(item, "category");
        BOOST_TEST(category.rfind("Hardware > Fasteners", 0) == 0U, category);
        categories.insert(category);
    }
    BOOST_TEST(categories.size() > 1U);  // deeper levels come along
    auto unknown = DemoWorld::get().get(kAcmeBuyer, "/api/v1/products?category=Nope");
    BOOST_TEST(unknown.status == 400);
}

BOOST_AUTO_TEST_CASE(cursor_pages_cover_every_hit_once) {
    std::set<std::string> seen;
    std::string path = "/api/v1/products?category=Hardware&limit=7&facets=false";
    std::size_t total = 0;
    for (int page = 0; page < 200; ++page) {
        auto answer = DemoWorld::get().get(kAcmeBuyer, path);
        BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
        const core::Json body = answer.json();
        total = static_cast<std::size_t>(*body.find("total")->asInt64());
        for (const auto& item : body.find("items")->items()) BOOST_TEST(seen.insert(str(item, "sku")).second);
        const core::Json* next = body.find("next_cursor");
        if (next->isNull()) break;
        path = "/api/v1/products?category=Hardware&limit=7&facets=false&cursor=" + next->asString();
    }
    BOOST_TEST(seen.size() == total);
    BOOST_TEST(total > 7U);
}

BOOST_AUTO_TEST_CASE(a_product_page_has_packs_multiples_and_a_price_at_the_minimum_quantity) {
    auto answer = DemoWorld::get().get("buyer@globex.test", "/api/v1/products/NUT-HEX-M8-ZP");
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json product = answer.json();
    BOOST_TEST(str(product, "order_multiple") == "12");
    BOOST_TEST(str(product, "min_order_qty") == "12");
    bool has_case = false;
    for (const auto& pack : product.find("packs")->items()) has_case |= str(pack, "uom") == "CS";
    BOOST_TEST(has_case);
    // GLOBEX takes the lowest of SILVER (0.0449 from 12) and BASE (0.0488 from 12).
    BOOST_TEST(str(*product.find("price"), "unit_price") == "0.0449");
    BOOST_TEST(str(*product.find("price"), "list_id") == "SILVER");
}

BOOST_AUTO_TEST_CASE(a_product_carries_its_own_tax_rate_or_null_for_the_default) {
    // The demo catalog gives the disposable gloves a reduced 4.5 % rate; the nut has none.
    auto gloves = DemoWorld::get().get(kAcmeBuyer, "/api/v1/products/SAF-GLV-NIT-M");
    BOOST_TEST_REQUIRE(gloves.status == 200, gloves.body);
    BOOST_TEST(str(gloves.json(), "tax_rate") == "4.5");
    auto nut = DemoWorld::get().get(kAcmeBuyer, "/api/v1/products/NUT-HEX-M8-ZP");
    BOOST_TEST_REQUIRE(nut.status == 200, nut.body);
    const core::Json product = nut.json();
    const core::Json* rate = product.find("tax_rate");
    BOOST_TEST_REQUIRE(rate != nullptr);
    BOOST_TEST(rate->isNull());
}

BOOST_AUTO_TEST_CASE(imported_stock_shows_in_products_and_filters_search) {
    auto& world = DemoWorld::get();
    auto imported = world.postCsv("admin@crossdock.local", "/api/v1/imports/stock",
                                  "sku,warehouse,on_hand,reserved,next_receipt\n"
                                  "WSH-FLT-M8-ZP,MAIN,500,20,\nWSH-FLT-M8-ZP,EAST,30,0,2026-12-24\n");
    BOOST_TEST_REQUIRE(imported.status == 200, imported.body);
    auto product = world.get(kAcmeBuyer, "/api/v1/products/WSH-FLT-M8-ZP");
    BOOST_TEST_REQUIRE(product.status == 200, product.body);
    const core::Json body = product.json();
    BOOST_TEST(body.find("in_stock")->asBool());
    BOOST_TEST(str(body, "available") == "510");
    auto in_stock = world.get(kAcmeBuyer, "/api/v1/products?in_stock=true&limit=200&facets=false");
    const core::Json hits = in_stock.json();
    bool found = false;
    for (const auto& item : hits.find("items")->items()) {
        BOOST_TEST(item.find("in_stock")->asBool());
        found |= str(item, "sku") == "WSH-FLT-M8-ZP";
    }
    BOOST_TEST(found);
    auto bad = world.postCsv("admin@crossdock.local", "/api/v1/imports/stock",
                             "sku,warehouse,on_hand\nNOPE,MAIN,x\n");
    BOOST_TEST(bad.status == 422);
}

BOOST_AUTO_TEST_CASE(unknown_and_draft_items_are_not_found_for_buyers) {
    BOOST_TEST(DemoWorld::get().get(kAcmeBuyer, "/api/v1/products/NO-SUCH-SKU").status == 404);
    BOOST_TEST(DemoWorld::get().get(kAcmeBuyer, "/api/v1/products/TLS-HMR-SLG3600").status == 404);
    BOOST_TEST(DemoWorld::get().get(kAdmin, "/api/v1/products/TLS-HMR-SLG3600").status == 200);
    // Cost is for staff only.
    BOOST_TEST(DemoWorld::get().get(kAcmeBuyer, "/api/v1/products/SCR-MS-M6X20-SS").json().find("cost") ==
               nullptr);
    const core::Json staff_view = DemoWorld::get().get(kAdmin, "/api/v1/products/SCR-MS-M6X20-SS").json();
    BOOST_TEST(staff_view.find("cost")->isString());
}

BOOST_AUTO_TEST_CASE(an_assortment_hides_everything_outside_it) {
    auto& world = DemoWorld::get();
    auto imported = world.postCsv(kAdmin, "/api/v1/imports/assortments",
                                  "assortment,kind,value\nFASTENERS-ONLY,category,Hardware > Fasteners\n");
    BOOST_TEST_REQUIRE(imported.status == 200, imported.body);
    core::Json customer = core::Json::object();
    customer.set("customer_id", "RESTRICTED");
    customer.set("name", "Restricted Ltd");
    customer.set("currency", "USD");
    customer.set("price_lists", core::Json::array());
    core::Json assortments = core::Json::array();
    assortments.push("FASTENERS-ONLY");
    customer.set("assortments", assortments);
    auto created = world.post(kAdmin, "/api/v1/customers", customer);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(created.json().find("assortments")->items().size() == 1U);
    core::Json user = core::Json::object();
    user.set("email", "buyer@restricted.test");
    user.set("password", kDemoPassword);
    user.set("role", "buyer");
    user.set("company_id", "RESTRICTED");
    BOOST_TEST_REQUIRE(world.post(kAdmin, "/api/v1/users", user).status == 201);

    BOOST_TEST(world.get("buyer@restricted.test", "/api/v1/products/SCR-MS-M6X20-SS").status == 200);
    BOOST_TEST(world.get("buyer@restricted.test", "/api/v1/products/SAF-GLV-NIT-L").status == 404);
    auto all = world.get("buyer@restricted.test", "/api/v1/products?limit=200&facets=false");
    BOOST_TEST_REQUIRE(all.status == 200);
    const core::Json all_body = all.json();
    BOOST_TEST(all_body.find("items")->size() > 0U);
    for (const auto& item : all_body.find("items")->items()) {
        BOOST_TEST(str(item, "category").rfind("Hardware > Fasteners", 0) == 0U);
    }
}

BOOST_AUTO_TEST_SUITE_END()
