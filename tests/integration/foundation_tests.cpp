// The endpoints and behaviours every request shares: health, metrics, request ids,
// error envelopes for unknown routes, wrong methods, bad JSON and media types.
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "test_environment.h"

using namespace crossdock::integration;
using crossdock::core::Json;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(foundation)

BOOST_AUTO_TEST_CASE(healthz_answers_ok) {
    auto answer = request(TestEnvironment::get().port(), {.method = "GET", .path = "/healthz"});
    BOOST_TEST(answer.status == 200);
    BOOST_TEST(answer.header("Content-Type") == "application/json");
    BOOST_TEST(answer.body == R"({"status":"ok"})");
}

BOOST_AUTO_TEST_CASE(metrics_count_requests_by_route) {
    const auto port = TestEnvironment::get().port();
    HttpConnection connection(port);
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(connection.send({.method = "GET", .path = "/healthz"}).status == 200);
    BOOST_TEST(connection.send({.method = "GET", .path = "/no/such/route"}).status == 404);
    auto answer = connection.send({.method = "GET", .path = "/metrics"});
    BOOST_TEST(answer.status == 200);
    BOOST_TEST(contains(answer.header("Content-Type"), "text/plain"));
    const std::string& text = answer.body;
    BOOST_TEST(contains(text, "crossdock_build_info{version=\""));
    BOOST_TEST(
        contains(text, "crossdock_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} "));
    BOOST_TEST(
        contains(text, "crossdock_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} "));
    BOOST_TEST(
        contains(text, "crossdock_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.0005\"} "));
    BOOST_TEST(
        contains(text, "crossdock_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} "));
    BOOST_TEST(contains(text, "crossdock_http_request_duration_seconds_count{route=\"/healthz\"} "));
    BOOST_TEST(!contains(text, "/no/such/route"));  // raw paths never become labels
}

BOOST_AUTO_TEST_CASE(request_id_is_echoed_and_logged) {
    auto& env = TestEnvironment::get();
    auto answer =
        request(env.port(),
                {.method = "GET", .path = "/healthz", .headers = {{"X-Request-Id", "it-echo-0123456789"}}});
    BOOST_TEST(answer.header("X-Request-Id") == "it-echo-0123456789");

    auto forged =
        request(env.port(),
                {.method = "GET", .path = "/healthz", .headers = {{"X-Request-Id", "bad id\" injected"}}});
    const std::string generated = forged.header("X-Request-Id");
    BOOST_TEST(generated.size() == 32u);
    BOOST_TEST(generated.find('"') == std::string::npos);

    auto fresh = request(env.port(), {.method = "GET", .path = "/healthz"});
    BOOST_TEST(fresh.header("X-Request-Id").size() == 32u);

    // The access log is written in the background within about 200 ms.
    bool logged = false;
    for (int i = 0; i < 100 && !logged; ++i) {
        logged = contains(env.server().accessLog(), "\"request_id\":\"it-echo-0123456789\"");
        if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST(logged);
    const std::string log = env.server().accessLog();
    const std::size_t line_start = log.find("\"request_id\":\"it-echo-0123456789\"");
    const std::string line = log.substr(log.rfind('\n', line_start) + 1,
                                        log.find('\n', line_start) - log.rfind('\n', line_start) - 1);
    auto parsed = crossdock::core::parseJson(line);
    BOOST_TEST_REQUIRE(parsed.ok(), line);
    for (const char* key :
         {"ts", "request_id", "method", "path", "route", "status", "bytes", "duration_ms", "remote"}) {
        BOOST_TEST(parsed->contains(key), "access log line lacks " << key << ": " << line);
    }
    BOOST_TEST(parsed->find("route")->asString() == "/healthz");
    BOOST_TEST(*parsed->find("status")->asInt64() == 200);
}

BOOST_AUTO_TEST_CASE(unknown_route_is_a_json_404) {
    auto answer = request(TestEnvironment::get().port(), {.method = "GET", .path = "/api/v1/nothing-here"});
    BOOST_TEST(answer.status == 404);
    BOOST_TEST(answer.header("Content-Type") == "application/json");
    BOOST_TEST(answer.errorCode() == "not_found");
    const Json body = answer.json();
    BOOST_TEST(body.find("error")->find("message")->isString());
    BOOST_TEST(body.find("error")->find("details")->isObject());
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_allow) {
    auto answer = request(TestEnvironment::get().port(), {.method = "DELETE", .path = "/healthz"});
    BOOST_TEST(answer.status == 405);
    BOOST_TEST(answer.header("Allow") == "GET");
    BOOST_TEST(answer.errorCode() == "method_not_allowed");
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400_with_position) {
    auto answer =
        request(TestEnvironment::get().port(), {.method = "POST",
                                                .path = "/api/v1/auth/token",
                                                .body = "{\"email\": \"a@b.c\",\n  \"password\" \"x\"}"});
    BOOST_TEST(answer.status == 400);
    BOOST_TEST(answer.errorCode() == "malformed_json");
    const Json body = answer.json();
    const Json& error = *body.find("error");
    BOOST_TEST(contains(error.find("message")->asString(), "expected ':' after member name"));
    BOOST_TEST(contains(error.find("message")->asString(), "line 2, column 14"));
    BOOST_TEST(*error.find("details")->find("line")->asInt64() == 2);
    BOOST_TEST(*error.find("details")->find("column")->asInt64() == 14);
    BOOST_TEST(*error.find("details")->find("offset")->asInt64() == 32);
}

BOOST_AUTO_TEST_CASE(non_json_body_is_415) {
    auto answer =
        request(TestEnvironment::get().port(), {.method = "POST",
                                                .path = "/api/v1/auth/token",
                                                .body = "email=a@b.c&password=x",
                                                .content_type = "application/x-www-form-urlencoded"});
    BOOST_TEST(answer.status == 415);
    BOOST_TEST(answer.errorCode() == "unsupported_media_type");
}

BOOST_AUTO_TEST_CASE(api_needs_a_bearer_token) {
    auto& env = TestEnvironment::get();
    auto missing = request(env.port(), {.method = "GET", .path = "/api/v1/me"});
    BOOST_TEST(missing.status == 401);
    BOOST_TEST(missing.errorCode() == "unauthenticated");
    BOOST_TEST(contains(missing.header("WWW-Authenticate"), "Bearer"));
    auto forged = request(env.port(), {.method = "GET", .path = "/api/v1/customers", .token = "cdt_forged"});
    BOOST_TEST(forged.status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
