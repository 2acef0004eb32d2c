#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "crossdock/server/metrics.h"

using namespace crossdock::server;
using namespace std::chrono_literals;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(metrics)

BOOST_AUTO_TEST_CASE(renders_build_info_without_traffic) {
    HttpMetrics metrics("1.2.3");
    metrics.setRoutes({"/healthz"});
    const std::string text = metrics.render();
    BOOST_TEST(
        contains(text, "# TYPE crossdock_build_info gauge\ncrossdock_build_info{version=\"1.2.3\"} 1\n"));
    BOOST_TEST(contains(text, "# TYPE crossdock_http_requests_total counter\n"));
    BOOST_TEST(contains(text, "# TYPE crossdock_http_request_duration_seconds histogram\n"));
    BOOST_TEST(!contains(text, "crossdock_http_requests_total{"));
}

BOOST_AUTO_TEST_CASE(counts_by_route_method_and_status) {
    HttpMetrics metrics("0.1.0");
    // Two routes share a pattern: they share the label too.
    metrics.setRoutes({"/healthz", "/api/v1/customers", "/api/v1/customers"});
    metrics.record(0, "GET", 200, 100us);
    metrics.record(0, "GET", 200, 3ms);
    metrics.record(1, "GET", 200, 20ms);
    metrics.record(2, "POST", 201, 20s);
    metrics.record(metrics.unmatchedRoute(), "GET", 404, 1us);
    metrics.record(99, "BREW", 418, 1us);  // out of range: unmatched; rare method and status
    const std::string text = metrics.render();
    BOOST_TEST(contains(
        text, "crossdock_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2\n"));
    BOOST_TEST(contains(
        text,
        "crossdock_http_requests_total{route=\"/api/v1/customers\",method=\"POST\",status=\"201\"} 1\n"));
    BOOST_TEST(contains(
        text, "crossdock_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"));
    BOOST_TEST(contains(
        text, "crossdock_http_requests_total{route=\"unmatched\",method=\"BREW\",status=\"418\"} 1\n"));
    BOOST_TEST(contains(
        text, "crossdock_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.0005\"} 1\n"));
    BOOST_TEST(contains(
        text, "crossdock_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"0.005\"} 2\n"));
    BOOST_TEST(
        contains(text, "crossdock_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 2\n"));
    BOOST_TEST(contains(text, "crossdock_http_request_duration_seconds_count{route=\"/healthz\"} 2\n"));
    BOOST_TEST(
        contains(text, "crossdock_http_request_duration_seconds_sum{route=\"/healthz\"} 0.003100000\n"));
    // The 20 s request is above the last finite bucket.
    BOOST_TEST(contains(
        text, "crossdock_http_request_duration_seconds_bucket{route=\"/api/v1/customers\",le=\"10\"} 1\n"));
    BOOST_TEST(contains(
        text, "crossdock_http_request_duration_seconds_bucket{route=\"/api/v1/customers\",le=\"+Inf\"} 2\n"));
}

BOOST_AUTO_TEST_CASE(in_flight_gauge) {
    HttpMetrics metrics("0.1.0");
    metrics.requestStarted();
    metrics.requestStarted();
    metrics.requestFinished();
    BOOST_TEST(contains(metrics.render(), "crossdock_http_requests_in_flight 1\n"));
}

BOOST_AUTO_TEST_CASE(concurrent_recording_loses_nothing) {
    HttpMetrics metrics("0.1.0");
    metrics.setRoutes({"/healthz"});
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&metrics] {
            for (int i = 0; i < 10000; ++i) metrics.record(0, "GET", 200, 1ms);
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(
        contains(metrics.render(),
                 "crossdock_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 40000\n"));
}

BOOST_AUTO_TEST_CASE(escapes_label_values) {
    HttpMetrics metrics("a\"b\\c");
    BOOST_TEST(contains(metrics.render(), "crossdock_build_info{version=\"a\\\"b\\\\c\"} 1\n"));
}

BOOST_AUTO_TEST_SUITE_END()
