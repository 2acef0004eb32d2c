#include <boost/test/unit_test.hpp>

#include "printers.h"

#include "crossdock/core/json.h"
#include "crossdock/server/error_mapping.h"

using namespace crossdock::server;
using crossdock::core::ErrorCode;
using crossdock::core::Json;
using crossdock::core::makeError;
using crossdock::core::parseJson;

BOOST_AUTO_TEST_SUITE(error_mapping)

BOOST_AUTO_TEST_CASE(every_code_has_a_status) {
    BOOST_TEST(httpStatusFor(ErrorCode::InvalidArgument) == 400);
    BOOST_TEST(httpStatusFor(ErrorCode::NotFound) == 404);
    BOOST_TEST(httpStatusFor(ErrorCode::Conflict) == 409);
    BOOST_TEST(httpStatusFor(ErrorCode::Unauthenticated) == 401);
    BOOST_TEST(httpStatusFor(ErrorCode::PermissionDenied) == 403);
    BOOST_TEST(httpStatusFor(ErrorCode::RateLimited) == 429);
    BOOST_TEST(httpStatusFor(ErrorCode::FailedPrecondition) == 409);
    BOOST_TEST(httpStatusFor(ErrorCode::Overflow) == 422);
    BOOST_TEST(httpStatusFor(ErrorCode::Unavailable) == 503);
    BOOST_TEST(httpStatusFor(ErrorCode::Internal) == 500);
}

BOOST_AUTO_TEST_CASE(envelope_carries_code_message_and_where) {
    Response response =
        errorResponse(makeError(ErrorCode::Conflict, "customer \"X\" exists", "$.customer_id"));
    BOOST_TEST(response.status == 409);
    BOOST_TEST(response.content_type == "application/json");
    auto body = parseJson(response.body);
    BOOST_TEST_REQUIRE(body.ok());
    const Json* error = body->find("error");
    BOOST_TEST_REQUIRE(error != nullptr);
    BOOST_TEST(error->find("code")->asString() == "conflict");
    BOOST_TEST(error->find("message")->asString() == "customer \"X\" exists");
    BOOST_TEST(error->find("details")->find("where")->asString() == "$.customer_id");
}

BOOST_AUTO_TEST_CASE(details_are_an_empty_object_without_where) {
    Response response = errorResponse(makeError(ErrorCode::NotFound, "customer not found"));
    BOOST_TEST(response.body ==
               R"({"error":{"code":"not_found","message":"customer not found","details":{}}})");
}

BOOST_AUTO_TEST_CASE(unauthenticated_asks_for_bearer) {
    Response response = errorResponse(makeError(ErrorCode::Unauthenticated, "token expired"));
    BOOST_TEST(response.status == 401);
    BOOST_TEST(response.headers.get("WWW-Authenticate").has_value());
}

BOOST_AUTO_TEST_CASE(http_level_errors) {
    Json details = Json::object();
    details.set("limit", 10);
    Response response = errorResponse(413, "payload_too_large", "too big", details);
    BOOST_TEST(response.status == 413);
    BOOST_TEST(response.body ==
               R"({"error":{"code":"payload_too_large","message":"too big","details":{"limit":10}}})");
}

BOOST_AUTO_TEST_SUITE_END()
