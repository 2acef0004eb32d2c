#include <stdexcept>

#include <boost/test/unit_test.hpp>

#include "printers.h"

#include "crossdock/server/router.h"

using namespace crossdock::server;
using crossdock::core::Result;

namespace {

Handler answer(int status) {
    return [status](const RequestContext&) -> Result<Response> { return Response::text(status, ""); };
}

Router sampleRouter() {
    Router router;
    router.add({.method = "GET", .pattern = "/healthz", .handler = answer(200), .access = Access::Public});
    router.add({.method = "GET", .pattern = "/api/v1/customers", .handler = answer(200)});
    router.add({.method = "POST", .pattern = "/api/v1/customers", .handler = answer(201)});
    router.add({.method = "GET", .pattern = "/api/v1/customers/{id}", .handler = answer(200)});
    router.add({.method = "GET", .pattern = "/api/v1/quotes/{id}", .handler = answer(200)});
    router.add({.method = "POST", .pattern = "/api/v1/quotes/{id}/{action}", .handler = answer(200)});
    router.add({.method = "POST", .pattern = "/api/v1/quotes/search", .handler = answer(200)});
    return router;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(matches_literal_routes) {
    Router router = sampleRouter();
    auto match = router.match("GET", "/healthz");
    BOOST_TEST(match.kind == RouteMatch::Kind::Found);
    BOOST_TEST(match.route->spec.pattern == "/healthz");
    BOOST_TEST(match.route->index == 0u);
    BOOST_TEST(match.params.empty());
}

BOOST_AUTO_TEST_CASE(extracts_decoded_parameters) {
    Router router = sampleRouter();
    auto match = router.match("POST", "/api/v1/quotes/Q%2F7/submit");
    BOOST_TEST_REQUIRE(match.kind == RouteMatch::Kind::Found);
    BOOST_TEST(match.route->spec.pattern == "/api/v1/quotes/{id}/{action}");
    BOOST_TEST_REQUIRE(match.params.size() == 2u);
    BOOST_TEST(match.params[0].first == "id");
    BOOST_TEST(match.params[0].second == "Q/7");
    BOOST_TEST(match.params[1].second == "submit");
}

BOOST_AUTO_TEST_CASE(literal_segments_win_and_methods_fall_through) {
    Router router = sampleRouter();
    auto search = router.match("POST", "/api/v1/quotes/search");
    BOOST_TEST(search.route->spec.pattern == "/api/v1/quotes/search");
    // GET on the literal path is not registered: the parameter route takes it.
    auto get = router.match("GET", "/api/v1/quotes/search");
    BOOST_TEST_REQUIRE(get.kind == RouteMatch::Kind::Found);
    BOOST_TEST(get.route->spec.pattern == "/api/v1/quotes/{id}");
    BOOST_TEST(get.params[0].second == "search");
}

BOOST_AUTO_TEST_CASE(head_uses_the_get_route) {
    Router router = sampleRouter();
    auto match = router.match("HEAD", "/api/v1/customers/ACME");
    BOOST_TEST_REQUIRE(match.kind == RouteMatch::Kind::Found);
    BOOST_TEST(match.route->spec.method == "GET");
    BOOST_TEST((router.match("HEAD", "/api/v1/quotes/search").route->spec.pattern == "/api/v1/quotes/{id}"));
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_allow) {
    Router router = sampleRouter();
    auto match = router.match("DELETE", "/api/v1/customers");
    BOOST_TEST(match.kind == RouteMatch::Kind::MethodNotAllowed);
    BOOST_TEST(match.allow == "GET, POST");
    BOOST_TEST(match.route->spec.pattern == "/api/v1/customers");
}

BOOST_AUTO_TEST_CASE(a_catch_all_route_does_not_hide_a_405) {
    Router router;
    router.add({.method = "GET", .pattern = "/{file}", .handler = answer(200), .access = Access::Public});
    router.add({.method = "POST", .pattern = "/as2", .handler = answer(200), .access = Access::Public});
    auto get = router.match("GET", "/as2");
    BOOST_TEST((get.kind == RouteMatch::Kind::MethodNotAllowed));
    BOOST_TEST(get.allow == "POST");
    BOOST_TEST((router.match("GET", "/index.html").kind == RouteMatch::Kind::Found));
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_not_found) {
    Router router = sampleRouter();
    BOOST_TEST((router.match("GET", "/nope").kind == RouteMatch::Kind::NotFound));
    BOOST_TEST((router.match("GET", "/api/v1/customers/").kind == RouteMatch::Kind::NotFound));
    BOOST_TEST((router.match("GET", "/api/v1/customers/a/b").kind == RouteMatch::Kind::NotFound));
    BOOST_TEST((router.match("GET", "/api/v1/customers/%zz").kind == RouteMatch::Kind::NotFound));
    BOOST_TEST((router.match("GET", "*").kind == RouteMatch::Kind::NotFound));
    BOOST_TEST((router.match("GET", "").kind == RouteMatch::Kind::NotFound));
}

BOOST_AUTO_TEST_CASE(rejects_bad_patterns) {
    Router router = sampleRouter();
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "/healthz", .handler = answer(200)}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "nope", .handler = answer(200)}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "/a//b", .handler = answer(200)}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "/a/{x}/{x}", .handler = answer(200)}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "/a/{x", .handler = answer(200)}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "/a/b{x}", .handler = answer(200)}),
                      std::invalid_argument);
    BOOST_CHECK_THROW(router.add({.method = "GET", .pattern = "/a"}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(labels_follow_route_indexes) {
    Router router = sampleRouter();
    auto labels = router.routeLabels();
    BOOST_TEST_REQUIRE(labels.size() == router.routes().size());
    BOOST_TEST(labels[1] == "/api/v1/customers");
    BOOST_TEST(labels[2] == "/api/v1/customers");
}

BOOST_AUTO_TEST_SUITE_END()
