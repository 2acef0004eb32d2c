// HTTP metrics: fixed slots of relaxed atomics per route label, so recording a
// request is a handful of uncontended increments and never takes a lock for the
// methods and statuses the server actually answers with.
#include "crossdock/server/metrics.h"

#include <array>
#include <cinttypes>
#include <cstdio>

namespace crossdock::server {

namespace {

constexpr std::string_view kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
constexpr int kStatuses[] = {200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 406, 408, 409,
                             410, 411, 412, 413, 414, 415, 422, 429, 431, 500, 501, 502, 503, 504};
constexpr std::size_t kMethodCount = std::size(kMethods);
constexpr std::size_t kStatusCount = std::size(kStatuses);
constexpr std::string_view kBucketLabels[] = {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
                                              "0.1",    "0.25",  "0.5",    "1",     "2.5",  "5",     "10"};
static_assert(std::size(kBucketLabels) == HttpMetrics::kBucketCount);

constexpr std::string_view kUnmatched = "unmatched";

int methodSlot(std::string_view method) {
    for (std::size_t i = 0; i < kMethodCount; ++i) {
        if (kMethods[i] == method) return static_cast<int>(i);
    }
    return -1;
}

int statusSlot(int status) {
    for (std::size_t i = 0; i < kStatusCount; ++i) {
        if (kStatuses[i] == status) return static_cast<int>(i);
    }
    return -1;
}

std::string escapeLabel(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

void appendCounter(std::string& out, std::string_view route, std::string_view method, int status,
                   std::uint64_t value) {
    char number[64];
    std::snprintf(number, sizeof number, "\",status=\"%d\"} %" PRIu64 "\n", status, value);
    out += "crossdock_http_requests_total{route=\"";
    out += escapeLabel(route);
    out += "\",method=\"";
    out += escapeLabel(method);
    out += number;
}

}  // namespace

struct HttpMetrics::LabelStats {
    std::array<std::atomic<std::uint64_t>, kMethodCount * kStatusCount> counts{};
    std::array<std::atomic<std::uint64_t>, kBucketCount + 1> buckets{};  // not cumulative; last is +Inf
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_ns{0};
};

HttpMetrics::HttpMetrics(std::string version) : version_(std::move(version)) { setRoutes({}); }

HttpMetrics::~HttpMetrics() = default;

void HttpMetrics::setRoutes(const std::vector<std::string>& labels_by_route_index) {
    labels_.clear();
    route_slot_.clear();
    for (const auto& label : labels_by_route_index) {
        std::size_t slot = 0;
        while (slot < labels_.size() && labels_[slot] != label) ++slot;
        if (slot == labels_.size()) labels_.push_back(label);
        route_slot_.push_back(slot);
    }
    labels_.emplace_back(kUnmatched);
    stats_ = std::make_unique<LabelStats[]>(labels_.size());
}

void HttpMetrics::record(std::size_t route_index, std::string_view method, int status,
                         std::chrono::nanoseconds duration) {
    const std::size_t slot = route_index < route_slot_.size() ? route_slot_[route_index] : labels_.size() - 1;
    LabelStats& stats = stats_[slot];
    const int m = methodSlot(method);
    const int s = statusSlot(status);
    if (m >= 0 && s >= 0) {
        stats.counts[static_cast<std::size_t>(m) * kStatusCount + static_cast<std::size_t>(s)].fetch_add(
            1, std::memory_order_relaxed);
    } else {
        std::lock_guard lock(rare_mutex_);
        ++rare_counts_[{slot, std::string(method), status}];
    }
    const double seconds = std::chrono::duration<double>(duration).count();
    std::size_t bucket = 0;
    while (bucket < kBucketCount && seconds > kBuckets[bucket]) ++bucket;
    stats.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    stats.count.fetch_add(1, std::memory_order_relaxed);
    const auto ns = duration.count() < 0 ? 0 : static_cast<std::uint64_t>(duration.count());
    stats.sum_ns.fetch_add(ns, std::memory_order_relaxed);
}

std::string HttpMetrics::render() const {
    std::string out;
    out.reserve(4096);
    out += "# HELP crossdock_build_info Build of the running server.\n# TYPE crossdock_build_info gauge\n";
    out += "crossdock_build_info{version=\"" + escapeLabel(version_) + "\"} 1\n";
    out += "# HELP crossdock_http_requests_in_flight Requests being handled.\n";
    out += "# TYPE crossdock_http_requests_in_flight gauge\n";
    out += "crossdock_http_requests_in_flight " + std::to_string(in_flight_.load(std::memory_order_relaxed)) +
           "\n";
    renderCounters(out);
    renderHistograms(out);
    return out;
}

void HttpMetrics::renderCounters(std::string& out) const {
    out +=
        "# HELP crossdock_http_requests_total HTTP requests answered, by route pattern, method and status.\n";
    out += "# TYPE crossdock_http_requests_total counter\n";
    for (std::size_t slot = 0; slot < labels_.size(); ++slot) {
        for (std::size_t m = 0; m < kMethodCount; ++m) {
            for (std::size_t s = 0; s < kStatusCount; ++s) {
                const auto value = stats_[slot].counts[m * kStatusCount + s].load(std::memory_order_relaxed);
                if (value > 0) appendCounter(out, labels_[slot], kMethods[m], kStatuses[s], value);
            }
        }
    }
    std::lock_guard lock(rare_mutex_);
    for (const auto& [key, value] : rare_counts_) {
        appendCounter(out, labels_[std::get<0>(key)], std::get<1>(key), std::get<2>(key), value);
    }
}

void HttpMetrics::renderHistograms(std::string& out) const {
    out +=
        "# HELP crossdock_http_request_duration_seconds Time from request start to the last byte "
        "written, by route pattern.\n";
    out += "# TYPE crossdock_http_request_duration_seconds histogram\n";
    for (std::size_t slot = 0; slot < labels_.size(); ++slot) {
        const LabelStats& stats = stats_[slot];
        if (stats.count.load(std::memory_order_relaxed) == 0) continue;
        const std::string route = "route=\"" + escapeLabel(labels_[slot]) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b <= kBucketCount; ++b) {
            cumulative += stats.buckets[b].load(std::memory_order_relaxed);
            out += "crossdock_http_request_duration_seconds_bucket{";
            out += route;
            out += ",le=\"";
            out += b < kBucketCount ? kBucketLabels[b] : std::string_view("+Inf");
            out += "\"} ";
            out += std::to_string(cumulative);
            out += '\n';
        }
        char sum[64];
        std::snprintf(sum, sizeof sum, "%.9f",
                      static_cast<double>(stats.sum_ns.load(std::memory_order_relaxed)) / 1e9);
        out += "crossdock_http_request_duration_seconds_sum{" + route + "} " + sum + "\n";
        out += "crossdock_http_request_duration_seconds_count{" + route + "} " + std::to_string(cumulative) +
               "\n";
    }
}

}  // namespace crossdock::server
