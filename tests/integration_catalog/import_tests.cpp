// Imports through the CLI and the API: all rows or none, positioned errors, and a
// change visible in the next request, in search, and through a second instance.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include "demo_world.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

constexpr const char* kAdmin = "admin@crossdock.local";

std::string resolveUnitPrice(ServerProcess& server, const std::string& token, const std::string& customer,
                             const std::string& quantity) {
    core::Json body = core::Json::object();
    body.set("customer_id", customer);
    body.set("at", "2026-12-13");
    core::Json line = core::Json::object();
    line.set("sku", "SCR-MS-M6X20-SS");
    line.set("quantity", quantity);
    line.set("uom", "EA");
    core::Json lines = core::Json::array();
    lines.push(line);
    body.set("lines", lines);
    auto answer =
        request(server.port(),
                {.method = "POST", .path = "/api/v1/prices/resolve", .body = jsonBody(body), .token = token});
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const core::Json answer_body = answer.json();
    const core::Json* price = answer_body.find("lines")->items()[0].find("unit_price");
    return price == nullptr ? "" : price->asString();
}

void createBaseOnlyCustomer(const std::string& id) {
    core::Json customer = core::Json::object();
    customer.set("customer_id", id);
    customer.set("name", "Base only " + id);
    customer.set("currency", "USD");
    customer.set("price_lists", core::Json::array());
    auto created = DemoWorld::get().post(kAdmin, "/api/v1/customers", customer);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(imports)

BOOST_AUTO_TEST_CASE(a_price_change_is_visible_in_the_next_resolve_and_in_search) {
    auto& world = DemoWorld::get();
    createBaseOnlyCustomer("PLAIN");
    const std::string& token = world.token(kAdmin);
    BOOST_TEST(resolveUnitPrice(world.server(), token, "PLAIN", "5") == "0.1467");
    auto imported = world.postCsv(
        kAdmin, "/api/v1/imports/prices",
        "price_list,currency,sku,uom,min_qty,unit_price\nBASE,USD,SCR-MS-M6X20-SS,EA,1,0.1500\n");
    BOOST_TEST_REQUIRE(imported.status == 200, imported.body);
    BOOST_TEST(resolveUnitPrice(world.server(), token, "PLAIN", "5") == "0.1500");
    auto search = world.get(kAdmin, "/api/v1/products?q=SCR-MS-M6X20-SS&customer_id=PLAIN&facets=false");
    BOOST_TEST_REQUIRE(search.status == 200, search.body);
    const core::Json hits = search.json();
    BOOST_TEST(hits.find("items")->items()[0].find("price")->find("unit_price")->asString() == "0.1500");
}

BOOST_AUTO_TEST_CASE(a_bad_api_import_answers_422_with_positions_and_changes_nothing) {
    auto& world = DemoWorld::get();
    auto imported = world.postCsv(kAdmin, "/api/v1/imports/prices",
                                  "price_list,currency,sku,uom,min_qty,unit_price\n"
                                  "BASE,USD,SCR-MS-M6X20-SS,EA,1,0.9999\n"
                                  "BASE,USD,SCR-MS-M6X20-SS,EA,100,cheap\n");
    BOOST_TEST_REQUIRE(imported.status == 422, imported.body);
    const core::Json report = imported.json();
    const core::Json& errors = *report.find("errors");
    BOOST_REQUIRE(errors.size() >= 1U);
    BOOST_TEST(errors.items()[0].find("where")->asString() == "prices.csv:3 field unit_price");
    BOOST_TEST(resolveUnitPrice(world.server(), world.token(kAdmin), "GLOBEX", "1") != "0.9999");
    auto buyer = world.postCsv("buyer@acme.test", "/api/v1/imports/prices", "price_list\n");
    BOOST_TEST(buyer.status == 403);
}

BOOST_AUTO_TEST_CASE(the_cli_refuses_a_bad_catalog_whole_and_names_file_line_and_field) {
    auto& world = DemoWorld::get();
    const auto file = writeFile("bad.csv",
                                "sku,name,category_path,base_uom,gtin\n"
                                "NEW-GOOD-1,Good item,Hardware > Fasteners > Nuts,EA,\n"
                                "NEW-BAD-1,Bad item,Hardware > Fasteners > Nuts,EA,4006381333932\n"
                                "NEW-GOOD-1,Duplicate,Hardware > Fasteners > Nuts,EA,\n"
                                "NEW-GOOD-2,Unknown category,Hardware > Nowhere,EA,\n");
    std::string errors;
    BOOST_TEST(world.crossdock("import catalog " + shellQuote(file.string()), errors) == 1);
    BOOST_TEST(errors.find("bad.csv:3") != std::string::npos, errors);
    BOOST_TEST(errors.find("gtin") != std::string::npos, errors);
    BOOST_TEST(errors.find("bad.csv:4") != std::string::npos, errors);
    BOOST_TEST(errors.find("bad.csv:5") != std::string::npos, errors);  // unknown category
    BOOST_TEST(world.get(kAdmin, "/api/v1/products/NEW-GOOD-1").status == 404);
    BOOST_TEST(world.crossdock("import catalog", errors) == 2);
}

BOOST_AUTO_TEST_CASE(a_cli_import_reaches_the_running_server_without_a_restart) {
    auto& world = DemoWorld::get();
    const auto file =
        writeFile("good.csv",
                  "sku,name,category_path,base_uom,gtin,pack_uom,pack_qty\n"
                  "NEW-CLI-1,Imported by CLI,Hardware > Fasteners > Nuts,EA,4006381333931,CS,12\n"
                  "NEW-CLI-2,New category too,Hardware > Brand New,EA,,,\n");
    std::string errors;
    BOOST_TEST(world.crossdock("import catalog " + shellQuote(file.string()), errors) ==
               1);  // Brand New is unknown
    BOOST_TEST_REQUIRE(
        world.crossdock("import catalog --create-categories " + shellQuote(file.string()), errors) == 0,
        errors);
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
        status = world.get(kAdmin, "/api/v1/products/NEW-CLI-1").status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST(status == 200);
    auto product = world.get(kAdmin, "/api/v1/products/NEW-CLI-1").json();
    BOOST_TEST(product.find("gtin")->asString() == "04006381333931");  // kept as GTIN-14
    // The catalog changed, the prices did not: they are kept and still resolve.
    const core::Json priced = world.get("buyer@acme.test", "/api/v1/products/SCR-MS-M6X20-SS").json();
    BOOST_TEST(priced.find("price")->isObject());
    const core::Json brand_new =
        world.get(kAdmin, "/api/v1/products?category=Hardware%20%3E%20Brand%20New").json();
    BOOST_TEST(brand_new.find("total")->numberText() == "1");
}

BOOST_AUTO_TEST_CASE(a_second_instance_on_the_same_database_sees_a_change_made_through_the_first) {
    auto& world = DemoWorld::get();
    createBaseOnlyCustomer("PLAIN2");
    ServerProcess second("second", world.dir(), world.dbUrl(), {{"runtime.refresh_interval_ms", "100"}});
    const std::string& token = world.token(kAdmin);
    const std::string before = resolveUnitPrice(second, token, "PLAIN2", "2000");
    auto imported = world.postCsv(
        kAdmin, "/api/v1/imports/prices",
        "price_list,currency,sku,uom,min_qty,unit_price\nBASE,USD,SCR-MS-M6X20-SS,EA,2000,0.1111\n");
    BOOST_TEST_REQUIRE(imported.status == 200, imported.body);
    std::string after = before;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (after != "0.1111" && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        after = resolveUnitPrice(second, token, "PLAIN2", "2000");
    }
    BOOST_TEST(before != "0.1111");
    BOOST_TEST(after == "0.1111");
    BOOST_TEST(second.stop() == 0);
}

BOOST_AUTO_TEST_CASE(a_bmecat_document_imports_and_a_broken_one_is_refused_whole) {
    auto& world = DemoWorld::get();
    const std::string data = std::string(CROSSDOCK_SOURCE_DIR) + "/tests/data/bmecat/";
    std::string errors;
    BOOST_TEST(world.crossdock("import catalog " + shellQuote(data + "cases/bad_gtin.xml"), errors) == 1);
    BOOST_TEST(errors.find("bad_gtin.xml:") != std::string::npos, errors);
    BOOST_TEST_REQUIRE(world.crossdock("import catalog " + shellQuote(data + "good_2005.xml"), errors) == 0,
                       errors);
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
        status = world.get(kAdmin, "/api/v1/products/DR-6").status;
        if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_TEST(status == 200);
}

BOOST_AUTO_TEST_CASE(an_exported_catalog_imports_back_unchanged) {
    auto& world = DemoWorld::get();
    const auto file = world.dir() / "export.csv";
    std::string errors;
    BOOST_TEST_REQUIRE(world.crossdock("export catalog --output " + shellQuote(file.string()), errors) == 0,
                       errors);
    const std::string first = readFile(file);
    BOOST_TEST(first.rfind("sku,name,category_path,base_uom", 0) == 0U);
    BOOST_TEST(first.find("SCR-MS-M6X20-SS,") != std::string::npos);
    BOOST_TEST_REQUIRE(world.crossdock("import catalog " + shellQuote(file.string()), errors) == 0, errors);
    const auto again = world.dir() / "export2.csv";
    BOOST_TEST_REQUIRE(world.crossdock("export catalog --output " + shellQuote(again.string()), errors) == 0,
                       errors);
    BOOST_TEST(readFile(again) == first);
}

BOOST_AUTO_TEST_SUITE_END()
