// Customers and users: roles (403), company scope (404 for other companies' objects,
// exactly like missing ones), buyer_admin's reach, duplicates (409), pagination.
#include <boost/test/unit_test.hpp>

#include "test_environment.h"

using namespace crossdock::integration;
using crossdock::core::Json;

namespace {

/// Two companies and their people, created once; ~5 password hashes and 2 logins.
struct World {
    std::int64_t buyer_admin_id = 0;
    std::int64_t buyer_id = 0;
    std::int64_t other_id = 0;
    std::string buyer_admin_token;
    std::string buyer_token;

    static World& get() {
        static World world = [] {
            World w;
            ensureCustomer("ACME-IT", "Acme Integration");
            ensureCustomer("OTHER-IT", "Other Integration");
            w.buyer_admin_id = createUser("boss@acme.test", "boss-password-1", "buyer_admin", "ACME-IT");
            w.buyer_id = createUser("buyer@acme.test", "buyer-password-1", "buyer", "ACME-IT");
            w.other_id = createUser("buyer@other.test", "other-password-1", "buyer", "OTHER-IT");
            w.buyer_admin_token = TestEnvironment::get().login("boss@acme.test", "boss-password-1");
            w.buyer_token = TestEnvironment::get().login("buyer@acme.test", "buyer-password-1");
            return w;
        }();
        return world;
    }
};

HttpAnswer call(const std::string& method, const std::string& path, const std::string& token,
                const std::string& body = {}) {
    return request(TestEnvironment::get().port(),
                   {.method = method, .path = path, .body = body, .token = token});
}

std::string newUser(const std::string& email, const std::string& role, const std::string& company_id) {
    Json body = Json::object();
    body.set("email", email);
    body.set("password", "long-enough-password");
    body.set("role", role);
    if (!company_id.empty()) body.set("company_id", company_id);
    return jsonBody(body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scope)

BOOST_AUTO_TEST_CASE(create_customer_then_duplicate_is_409) {
    const std::string& admin = TestEnvironment::get().adminToken();
    const std::string body = R"({"customer_id":"DUP-IT","name":"Duplicate Co","currency":"EUR"})";
    auto created = call("POST", "/api/v1/customers", admin, body);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(created.header("Location") == "/api/v1/customers/DUP-IT");
    BOOST_TEST(created.json().find("currency")->asString() == "EUR");
    auto again = call("POST", "/api/v1/customers", admin, body);
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.errorCode() == "conflict");
    auto fetched = call("GET", "/api/v1/customers/DUP-IT", admin);
    BOOST_TEST(fetched.status == 200);
    BOOST_TEST(fetched.json().find("name")->asString() == "Duplicate Co");
}

BOOST_AUTO_TEST_CASE(customer_validation) {
    const std::string& admin = TestEnvironment::get().adminToken();
    auto bad_currency =
        call("POST", "/api/v1/customers", admin, R"({"customer_id":"X1","name":"X","currency":"usd"})");
    BOOST_TEST(bad_currency.status == 400);
    BOOST_TEST(bad_currency.json().find("error")->find("details")->find("where")->asString() == "$.currency");
    auto bad_id =
        call("POST", "/api/v1/customers", admin, R"({"customer_id":"a b","name":"X","currency":"USD"})");
    BOOST_TEST(bad_id.status == 400);
    auto missing = call("POST", "/api/v1/customers", admin, R"({"customer_id":"X2","currency":"USD"})");
    BOOST_TEST(missing.status == 400);
}

BOOST_AUTO_TEST_CASE(buyer_may_not_create_customers) {
    auto answer = call("POST", "/api/v1/customers", World::get().buyer_token,
                       R"({"customer_id":"NOPE-IT","name":"Nope","currency":"USD"})");
    BOOST_TEST(answer.status == 403);
    BOOST_TEST(answer.errorCode() == "permission_denied");
}

BOOST_AUTO_TEST_CASE(buyer_sees_only_their_company) {
    const World& w = World::get();
    BOOST_TEST(call("GET", "/api/v1/customers/ACME-IT", w.buyer_token).status == 200);
    auto other = call("GET", "/api/v1/customers/OTHER-IT", w.buyer_token);
    auto missing = call("GET", "/api/v1/customers/NO-SUCH-IT", w.buyer_token);
    BOOST_TEST(other.status == 404);
    BOOST_TEST(other.body == missing.body);  // indistinguishable from a missing one
    auto list = call("GET", "/api/v1/customers", w.buyer_token);
    BOOST_TEST_REQUIRE(list.status == 200);
    BOOST_TEST(list.json().find("items")->size() == 1u);
    BOOST_TEST(list.json().find("items")->items()[0].find("id")->asString() == "ACME-IT");
}

BOOST_AUTO_TEST_CASE(buyer_sees_only_users_of_their_company) {
    const World& w = World::get();
    BOOST_TEST(call("GET", "/api/v1/users/" + std::to_string(w.buyer_admin_id), w.buyer_token).status == 200);
    auto other = call("GET", "/api/v1/users/" + std::to_string(w.other_id), w.buyer_token);
    auto missing = call("GET", "/api/v1/users/999999999", w.buyer_token);
    BOOST_TEST(other.status == 404);
    BOOST_TEST(other.body == missing.body);
    auto own = call("GET", "/api/v1/users/" + std::to_string(w.buyer_id), w.buyer_token);
    BOOST_TEST(own.body.find("password") == std::string::npos);
    auto admin_view =
        call("GET", "/api/v1/users/" + std::to_string(w.other_id), TestEnvironment::get().adminToken());
    BOOST_TEST(admin_view.status == 200);
}

BOOST_AUTO_TEST_CASE(buyer_admin_creates_buyers_of_their_own_company_only) {
    const World& w = World::get();
    auto created = call("POST", "/api/v1/users", w.buyer_admin_token, newUser("new@acme.test", "buyer", ""));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(created.json().find("company_id")->asString() == "ACME-IT");
    BOOST_TEST(created.json().find("role")->asString() == "buyer");
    BOOST_TEST(!created.json().contains("password_hash"));

    auto admin = call("POST", "/api/v1/users", w.buyer_admin_token, newUser("evil@acme.test", "admin", ""));
    BOOST_TEST(admin.status == 403);
    auto other =
        call("POST", "/api/v1/users", w.buyer_admin_token, newUser("x@other.test", "buyer", "OTHER-IT"));
    BOOST_TEST(other.status == 403);
    auto by_buyer = call("POST", "/api/v1/users", w.buyer_token, newUser("y@acme.test", "buyer", "ACME-IT"));
    BOOST_TEST(by_buyer.status == 403);
    auto duplicate =
        call("POST", "/api/v1/users", w.buyer_admin_token, newUser("buyer@acme.test", "buyer", ""));
    BOOST_TEST(duplicate.status == 409);
    Json short_password = Json::object();
    short_password.set("email", "short@acme.test");
    short_password.set("password", "short");
    short_password.set("role", "buyer");
    auto too_short = call("POST", "/api/v1/users", w.buyer_admin_token, jsonBody(short_password));
    BOOST_TEST(too_short.status == 400);
}

BOOST_AUTO_TEST_CASE(me_describes_a_buyer) {
    auto me = call("GET", "/api/v1/me", World::get().buyer_token);
    BOOST_TEST_REQUIRE(me.status == 200);
    BOOST_TEST(me.json().find("role")->asString() == "buyer");
    BOOST_TEST(me.json().find("company_id")->asString() == "ACME-IT");
}

BOOST_AUTO_TEST_CASE(staff_pages_through_customers) {
    World::get();  // at least ACME-IT and OTHER-IT exist
    const std::string& admin = TestEnvironment::get().adminToken();
    auto first = call("GET", "/api/v1/customers?limit=1", admin);
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    const Json page1 = first.json();
    BOOST_TEST(page1.find("items")->size() == 1u);
    BOOST_TEST_REQUIRE(page1.find("next_cursor")->isString());
    auto second =
        call("GET", "/api/v1/customers?limit=1&cursor=" + page1.find("next_cursor")->asString(), admin);
    BOOST_TEST_REQUIRE(second.status == 200, second.body);
    const Json page2 = second.json();
    BOOST_TEST(page2.find("items")->size() == 1u);
    const std::string first_id = page1.find("items")->items()[0].find("id")->asString();
    const std::string second_id = page2.find("items")->items()[0].find("id")->asString();
    BOOST_TEST((second_id > first_id), second_id << " should sort after " << first_id);
    auto all = call("GET", "/api/v1/customers?limit=200", admin);
    BOOST_TEST(all.json().find("next_cursor")->isNull());
    BOOST_TEST(call("GET", "/api/v1/customers?cursor=!!", admin).status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
