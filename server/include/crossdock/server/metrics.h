#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace crossdock::server {

/// Request counters and latency histograms, rendered in the Prometheus text
/// format (version 0.0.4):
///
///   crossdock_http_requests_total{route,method,status}        counter
///   crossdock_http_request_duration_seconds{route}            histogram, 0.0005 s .. 10 s
///   crossdock_http_requests_in_flight                         gauge
///   crossdock_build_info{version}                             1
///
/// `route` is the route pattern ("/api/v1/customers/{id}"), never the raw path, so
/// the number of series stays bounded; requests that match no route count under
/// "unmatched". Recording is lock-free for the usual methods and statuses (atomic
/// increments on slots allocated up front); rare combinations take a mutex.
class HttpMetrics {
public:
    /// Upper bounds of the histogram buckets, in seconds (+Inf is implied).
    static constexpr double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                          0.1,    0.25,  0.5,    1.0,   2.5,  5.0,   10.0};
    static constexpr std::size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);

    explicit HttpMetrics(std::string version);
    ~HttpMetrics();
    HttpMetrics(const HttpMetrics&) = delete;
    HttpMetrics& operator=(const HttpMetrics&) = delete;

    /// Declares the route label of each route index (Router::routeLabels()). Call
    /// once, before the first record(); not thread-safe.
    void setRoutes(const std::vector<std::string>& labels_by_route_index);

    /// The index to record requests that matched no route.
    std::size_t unmatchedRoute() const { return route_slot_.size(); }

    /// Counts one finished request. Thread-safe. An index out of range counts as
    /// unmatched.
    void record(std::size_t route_index, std::string_view method, int status,
                std::chrono::nanoseconds duration);

    /// In-flight gauge; thread-safe.
    void requestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
    void requestFinished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }

    /// The exposition text. Thread-safe; counters read while requests go on may
    /// be a few increments apart from each other, as Prometheus allows.
    std::string render() const;

private:
    struct LabelStats;
    void renderCounters(std::string& out) const;
    void renderHistograms(std::string& out) const;

    std::string version_;
    std::vector<std::string> labels_;      // distinct labels; last one is "unmatched"
    std::vector<std::size_t> route_slot_;  // route index -> index into labels_
    std::unique_ptr<LabelStats[]> stats_;  // one per label
    std::atomic<std::int64_t> in_flight_{0};

    mutable std::mutex rare_mutex_;  // for methods/statuses outside the fixed tables
    std::map<std::tuple<std::size_t, std::string, int>, std::uint64_t> rare_counts_;
};

}  // namespace crossdock::server
