#include <stdexcept>

#include <boost/test/unit_test.hpp>

#include "printers.h"

#include "crossdock/core/json.h"
#include "pipeline.h"

using namespace crossdock::server;
using crossdock::accounts::Action;
using crossdock::accounts::Caller;
using crossdock::accounts::Role;
using crossdock::core::ErrorCode;
using crossdock::core::Json;
using crossdock::core::makeError;
using crossdock::core::parseJson;
using crossdock::core::Result;

namespace {

Result<Caller> fakeAuthenticate(const std::string& bearer) {
    Caller caller;
    if (bearer == "admin-token") {
        caller.role = Role::Admin;
        caller.user_id = 1;
        return caller;
    }
    if (bearer == "buyer-token") {
        caller.role = Role::Buyer;
        caller.user_id = 2;
        caller.company_id = "ACME";
        return caller;
    }
    return makeError(ErrorCode::Unauthenticated, "unknown token");
}

struct PipelineFixture {
    PipelineFixture() : pipeline(router, fakeAuthenticate) {
        router.add({.method = "GET",
                    .pattern = "/public",
                    .handler = [](const RequestContext& ctx) -> Result<Response> {
                        return Response::text(200, ctx.hasCaller() ? "caller" : "anonymous");
                    },
                    .access = Access::Public});
        router.add({.method = "POST",
                    .pattern = "/things/{id}",
                    .handler = [](const RequestContext& ctx) -> Result<Response> {
                        Json answer = Json::object();
                        answer.set("id", ctx.param("id"));
                        answer.set("name", ctx.json().find("name") ? *ctx.json().find("name") : Json());
                        answer.set("role", std::string(crossdock::accounts::toString(ctx.caller().role)));
                        return Response::json(201, answer);
                    },
                    .body = BodyKind::Json,
                    .action = Action::ManageCompanies});
        router.add({.method = "GET",
                    .pattern = "/things/{id}",
                    .handler = [](const RequestContext& ctx) -> Result<Response> {
                        if (ctx.param("id") == "boom") throw std::runtime_error("secret database detail");
                        return makeError(ErrorCode::NotFound, "thing not found");
                    }});
    }

    PipelineResult run(std::string method, std::string path, std::string token = {}, std::string body = {},
                       std::string content_type = "application/json") {
        Request request;
        request.method = std::move(method);
        request.path = std::move(path);
        request.request_id = "req-1";
        if (!token.empty()) request.headers.add("Authorization", "Bearer " + token);
        if (!body.empty()) {
            request.body = std::move(body);
            request.headers.add("Content-Type", content_type);
        }
        return pipeline.handle(request);
    }

    static std::string code(const Response& response) {
        return parseJson(response.body)->find("error")->find("code")->asString();
    }

    Router router;
    Pipeline pipeline;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pipeline, PipelineFixture)

BOOST_AUTO_TEST_CASE(public_routes_need_no_credentials) {
    auto result = run("GET", "/public");
    BOOST_TEST(result.response.status == 200);
    BOOST_TEST(result.response.body == "anonymous");
    BOOST_TEST(result.route->spec.pattern == "/public");
}

BOOST_AUTO_TEST_CASE(unknown_routes_are_json_404) {
    auto result = run("GET", "/nowhere");
    BOOST_TEST(result.response.status == 404);
    BOOST_TEST(code(result.response) == "not_found");
    BOOST_TEST(result.route == nullptr);
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_allow_header) {
    auto result = run("DELETE", "/things/1", "admin-token");
    BOOST_TEST(result.response.status == 405);
    BOOST_TEST(*result.response.headers.get("Allow") == "GET, POST");
    BOOST_TEST(code(result.response) == "method_not_allowed");
}

BOOST_AUTO_TEST_CASE(missing_or_bad_credentials_are_401) {
    auto missing = run("GET", "/things/1");
    BOOST_TEST(missing.response.status == 401);
    BOOST_TEST(code(missing.response) == "unauthenticated");
    BOOST_TEST(missing.response.headers.get("WWW-Authenticate").has_value());
    BOOST_TEST(run("GET", "/things/1", "forged").response.status == 401);
}

BOOST_AUTO_TEST_CASE(actions_are_authorized_before_the_body_is_read) {
    auto result = run("POST", "/things/1", "buyer-token", "{not json", "text/plain");
    BOOST_TEST(result.response.status == 403);
    BOOST_TEST(code(result.response) == "permission_denied");
}

BOOST_AUTO_TEST_CASE(json_routes_refuse_other_media_types) {
    auto result = run("POST", "/things/1", "admin-token", R"({"name":"x"})", "text/plain");
    BOOST_TEST(result.response.status == 415);
    BOOST_TEST(code(result.response) == "unsupported_media_type");
    BOOST_TEST(run("POST", "/things/1", "admin-token", "").response.status == 415);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400_with_position) {
    auto result = run("POST", "/things/1", "admin-token", "{\n  \"name\": \"x\",\n}");
    BOOST_TEST(result.response.status == 400);
    auto body = parseJson(result.response.body);
    const Json& error = *body->find("error");
    BOOST_TEST(error.find("code")->asString() == "malformed_json");
    BOOST_TEST(error.find("message")->asString() ==
               "malformed JSON: expected '\"' to begin a member name at line 3, column 1 (offset 17)");
    BOOST_TEST(*error.find("details")->find("line")->asInt64() == 3);
    BOOST_TEST(*error.find("details")->find("column")->asInt64() == 1);
    BOOST_TEST(*error.find("details")->find("offset")->asInt64() == 17);
}

BOOST_AUTO_TEST_CASE(handlers_see_params_body_and_caller) {
    auto result = run("POST", "/things/A%20B", "admin-token", R"({"name":"widget"})",
                      "application/json; charset=utf-8");
    BOOST_TEST(result.response.status == 201);
    BOOST_TEST(result.response.body == R"({"id":"A B","name":"widget","role":"admin"})");
}

BOOST_AUTO_TEST_CASE(handler_errors_use_the_mapping) {
    auto result = run("GET", "/things/1", "buyer-token");
    BOOST_TEST(result.response.status == 404);
    BOOST_TEST(code(result.response) == "not_found");
}

BOOST_AUTO_TEST_CASE(exceptions_become_500_without_internals) {
    auto result = run("GET", "/things/boom", "admin-token");
    BOOST_TEST(result.response.status == 500);
    BOOST_TEST(result.response.body.find("secret") == std::string::npos);
    BOOST_TEST(
        result.response.body ==
        R"({"error":{"code":"internal","message":"internal error","details":{"request_id":"req-1"}}})");
    BOOST_TEST(result.route->spec.pattern == "/things/{id}");
}

BOOST_AUTO_TEST_SUITE_END()
