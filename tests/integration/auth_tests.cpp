// Sign-in: wrong passwords, throttling, token expiry, who-am-I.
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "test_environment.h"

using namespace crossdock::integration;
using crossdock::core::Json;

namespace {

HttpAnswer signIn(std::uint16_t port, const std::string& email, const std::string& password) {
    Json body = Json::object();
    body.set("email", email);
    body.set("password", password);
    return request(port, {.method = "POST", .path = "/api/v1/auth/token", .body = jsonBody(body)});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth)

BOOST_AUTO_TEST_CASE(token_identifies_the_caller) {
    auto& env = TestEnvironment::get();
    auto answer = signIn(env.port(), kAdminEmail, kAdminPassword);
    BOOST_TEST_REQUIRE(answer.status == 200, answer.body);
    const Json body = answer.json();
    BOOST_TEST(body.find("token")->asString().size() > 32u);
    BOOST_TEST(body.find("expires_at")->asString().size() == 20u);  // 2026-11-21T22:18:03Z
    BOOST_TEST(answer.header("Cache-Control") == "no-store");
    auto me =
        request(env.port(), {.method = "GET", .path = "/api/v1/me", .token = body.find("token")->asString()});
    BOOST_TEST(me.status == 200);
    BOOST_TEST(me.json().find("role")->asString() == "admin");
    BOOST_TEST(me.json().find("email")->asString() == kAdminEmail);
    BOOST_TEST(me.json().find("company_id")->isNull());
}

BOOST_AUTO_TEST_CASE(wrong_password_is_401) {
    auto answer = signIn(TestEnvironment::get().port(), kAdminEmail, "not-the-password");
    BOOST_TEST(answer.status == 401);
    BOOST_TEST(answer.errorCode() == "unauthenticated");
    auto missing = request(TestEnvironment::get().port(),
                           {.method = "POST", .path = "/api/v1/auth/token", .body = R"({"email":"a@b.c"})"});
    BOOST_TEST(missing.status == 400);
    BOOST_TEST(missing.json().find("error")->find("details")->find("where")->asString() == "$.password");
}

BOOST_AUTO_TEST_CASE(ten_failures_then_429_even_with_the_right_password) {
    auto& env = TestEnvironment::get();
    ensureCustomer("THROTTLE-CO");
    createUser("throttled@test.local", "right-password-1", "buyer", "THROTTLE-CO");
    for (int i = 0; i < 10; ++i) {
        auto answer = signIn(env.port(), "throttled@test.local", "wrong-password-" + std::to_string(i));
        BOOST_TEST_REQUIRE(answer.status == 401, "attempt " << i << ": " << answer.body);
    }
    auto answer = signIn(env.port(), "throttled@test.local", "right-password-1");
    BOOST_TEST(answer.status == 429);
    BOOST_TEST(answer.errorCode() == "rate_limited");
    BOOST_TEST(!answer.header("Retry-After").empty());
}

BOOST_AUTO_TEST_CASE(expired_token_is_401) {
    auto& env = TestEnvironment::get();
    ServerProcess short_lived("ttl", env.dir(), env.dbUrl(), {{"auth.token_ttl_seconds", "5"}});
    auto token = signIn(short_lived.port(), kAdminEmail, kAdminPassword);
    BOOST_TEST_REQUIRE(token.status == 200, token.body);
    const std::string value = token.json().find("token")->asString();
    BOOST_TEST(request(short_lived.port(), {.method = "GET", .path = "/api/v1/me", .token = value}).status ==
               200);
    // The TTL leaves room for a slow first request (sanitizer builds on a loaded machine).
    std::this_thread::sleep_for(std::chrono::seconds(6));
    auto expired = request(short_lived.port(), {.method = "GET", .path = "/api/v1/me", .token = value});
    BOOST_TEST(expired.status == 401);
    BOOST_TEST(expired.errorCode() == "unauthenticated");
    BOOST_TEST(short_lived.stop() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
