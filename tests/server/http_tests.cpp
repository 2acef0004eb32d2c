#include <boost/test/unit_test.hpp>

#include "crossdock/server/http.h"
#include "crossdock/server/pagination.h"
#include "request_id.h"

using namespace crossdock::server;

BOOST_AUTO_TEST_SUITE(http)

BOOST_AUTO_TEST_CASE(headers_are_case_insensitive) {
    Headers headers;
    headers.add("Content-Type", "application/json");
    headers.add("X-A", "1");
    headers.add("x-a", "2");
    BOOST_TEST(*headers.get("content-type") == "application/json");
    BOOST_TEST(*headers.get("X-A") == "1");
    headers.set("X-a", "3");
    BOOST_TEST(headers.all().size() == 2u);
    BOOST_TEST(*headers.get("x-A") == "3");
    BOOST_TEST(!headers.get("missing").has_value());
}

BOOST_AUTO_TEST_CASE(query_parameters_are_decoded) {
    Request request;
    request.query_string = "q=hex+bolt%2Fm8&category=Hardware%20%3E%20Fasteners&empty&cursor=";
    BOOST_TEST(*request.queryParam("q") == "hex bolt/m8");
    BOOST_TEST(*request.queryParam("category") == "Hardware > Fasteners");
    BOOST_TEST(*request.queryParam("empty") == "");
    BOOST_TEST(*request.queryParam("cursor") == "");
    BOOST_TEST(!request.queryParam("limit").has_value());
}

BOOST_AUTO_TEST_CASE(percent_decoding) {
    BOOST_TEST(*percentDecode("a%20b+c", false) == "a b+c");
    BOOST_TEST(*percentDecode("a%20b+c", true) == "a b c");
    BOOST_TEST(!percentDecode("%zz", false).has_value());
    BOOST_TEST(!percentDecode("abc%4", false).has_value());
    BOOST_TEST(!percentDecode("%", false).has_value());
}

BOOST_AUTO_TEST_CASE(json_content_types) {
    BOOST_TEST(isJsonContentType("application/json"));
    BOOST_TEST(isJsonContentType("Application/JSON; charset=UTF-8"));
    BOOST_TEST(isJsonContentType("application/json;charset=\"utf-8\""));
    BOOST_TEST(isJsonContentType("application/merge-patch+json"));
    BOOST_TEST(!isJsonContentType("application/json; charset=latin1"));
    BOOST_TEST(!isJsonContentType("text/plain"));
    BOOST_TEST(!isJsonContentType("application/x-www-form-urlencoded"));
    BOOST_TEST(!isJsonContentType(""));
}

BOOST_AUTO_TEST_CASE(request_ids) {
    BOOST_TEST(isSaneRequestId("abc-123_x.y:z"));
    BOOST_TEST(!isSaneRequestId(""));
    BOOST_TEST(!isSaneRequestId("has space"));
    BOOST_TEST(!isSaneRequestId("quote\""));
    BOOST_TEST(!isSaneRequestId(std::string(129, 'a')));
    const std::string a = newRequestId();
    const std::string b = newRequestId();
    BOOST_TEST(a.size() == 32u);
    BOOST_TEST(isSaneRequestId(a));
    BOOST_TEST(a != b);
}

BOOST_AUTO_TEST_CASE(cursors_round_trip) {
    for (const std::string key : {"A", "AB", "ABC", "ACME-CO", "\xC3\xA9t\xC3\xA9"}) {
        Request request;
        request.query_string = "cursor=" + encodeCursor(key);
        BOOST_TEST(*pageCursor(request) == key);
    }
    Request bad;
    bad.query_string = "cursor=***";
    BOOST_TEST(!pageCursor(bad).ok());
    Request none;
    BOOST_TEST(pageCursor(none)->empty());
}

BOOST_AUTO_TEST_CASE(page_limits) {
    Request request;
    BOOST_TEST(*pageLimit(request) == kDefaultPageSize);
    request.query_string = "limit=10";
    BOOST_TEST(*pageLimit(request) == 10u);
    request.query_string = "limit=0";
    BOOST_TEST(!pageLimit(request).ok());
    request.query_string = "limit=201";
    BOOST_TEST(!pageLimit(request).ok());
    request.query_string = "limit=ten";
    BOOST_TEST(!pageLimit(request).ok());
}

BOOST_AUTO_TEST_CASE(list_envelope) {
    BOOST_TEST(listEnvelope(R"({"a":1},{"a":2})", std::nullopt) ==
               R"({"items":[{"a":1},{"a":2}],"next_cursor":null})");
    BOOST_TEST(listEnvelope("", std::string("AB")) == R"({"items":[],"next_cursor":"QUI"})");
}

BOOST_AUTO_TEST_SUITE_END()
