// POST/GET /api/v1/partners: admin only; the key is answered once.
#include <boost/test/unit_test.hpp>

#include "edi_fixture.h"

using namespace crossdock;
using namespace crossdock::integration;
using namespace crossdock::integration::edi_test;

BOOST_AUTO_TEST_SUITE(partner_api)

BOOST_AUTO_TEST_CASE(admin_creates_reads_and_lists_partners) {
    auto& env = TestEnvironment::get();
    BOOST_TEST(!partnerKey().empty());
    auto one = request(env.port(), {.path = "/api/v1/partners/IT-ACME", .token = env.adminToken()});
    BOOST_TEST_REQUIRE(one.status == 200, one.body);
    const core::Json partner = one.json();
    BOOST_TEST(partner.find("customer_id")->asString() == "ACME");
    BOOST_TEST(partner.find("x12")->find("isa_id")->asString() == "ITACME");
    BOOST_TEST(partner.find("api_key") == nullptr);  // shown once, at creation
    BOOST_TEST(partner.find("item_xref")->size() == 2u);

    auto list = request(env.port(), {.path = "/api/v1/partners?limit=200", .token = env.adminToken()});
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    bool found = false;
    const core::Json listed = list.json();
    for (const auto& item : listed.find("items")->items())
        found = found || item.find("id")->asString() == "IT-ACME";
    BOOST_TEST(found);
    BOOST_TEST(list.json().find("next_cursor")->isNull());

    auto missing = request(env.port(), {.path = "/api/v1/partners/NOPE", .token = env.adminToken()});
    BOOST_TEST(missing.status == 404);
}

BOOST_AUTO_TEST_CASE(bad_profiles_and_duplicates_are_refused) {
    auto& env = TestEnvironment::get();
    (void)partnerKey();
    auto post = [&](const std::string& body) {
        return request(
            env.port(),
            {.method = "POST", .path = "/api/v1/partners", .body = body, .token = env.adminToken()});
    };
    auto no_ids = post(R"({"id":"X1","name":"X","customer_id":"ACME","formats":["x12-004010"]})");
    BOOST_TEST(no_ids.status == 400);
    BOOST_TEST(no_ids.body.find("$.x12") != std::string::npos);
    auto no_customer = post(R"({"id":"X2","name":"X","customer_id":"NOBODY","formats":["cxml"]})");
    BOOST_TEST(no_customer.status == 400);
    auto same_sender = post(R"({"id":"X3","name":"X","customer_id":"ACME","formats":["x12-004010"],
        "x12":{"isa_qualifier":"ZZ","isa_id":"ITACME","gs_id":"OTHER"}})");
    BOOST_TEST(same_sender.status == 409);
    auto same_id = post(R"({"id":"IT-ACME","name":"X","customer_id":"ACME","formats":["cxml"]})");
    BOOST_TEST(same_id.status == 409);
}

BOOST_AUTO_TEST_CASE(only_admins_manage_partners) {
    auto& env = TestEnvironment::get();
    (void)partnerKey();
    createUser("edi-rep@test.local", "rep-password-123", "sales_rep", "");
    const std::string rep = env.login("edi-rep@test.local", "rep-password-123");
    BOOST_TEST(request(env.port(), {.path = "/api/v1/partners/IT-ACME", .token = rep}).status == 403);
    BOOST_TEST(request(env.port(), {.path = "/api/v1/partners/IT-ACME", .token = partnerKey()}).status ==
               403);
    BOOST_TEST(request(env.port(), {.path = "/api/v1/partners/IT-ACME"}).status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
