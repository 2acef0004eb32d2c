// pricing_bench: the figures of the pricing issue, in process, on one core.
//
//   pricing_bench [--scale F]    F < 1 shrinks the dataset (0.1 for a quick run)
//
// Prints a human table, then one JSON line per figure:
//   {"bench":"pricing","figure":"line_resolutions_per_second","value":...,"unit":"lines/s"}
//
// The headline figures are how the product prices many lines (a cart, an order,
// a page of search hits): Resolver::resolveAll() in batches of 1,000
// (line_resolutions_per_second, cart_1000_lines_p99_ms). The same lines priced
// one resolve() call at a time are printed beside them (*_single).
//
// CROSSDOCK_BENCH_WINDOWS=1 also prints the resolveAll() rate of every 50,000-line
// window in run order: on a shared machine, the stretches a neighbour slowed.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "bench_dataset.h"
#include "crossdock/pricing/resolver.h"
#include "crossdock/pricing/snapshot_holder.h"

namespace {

using crossdock::core::Date;
using crossdock::core::Decimal;
using namespace crossdock::pricing;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kSeed = 20'260'115;
constexpr std::size_t kRequestCount = 1'000'000;
constexpr int kCartLines = 1'000;
constexpr int kCarts = 300;
constexpr int kWindowCarts = 50;  // batches per window of the per-window rates
constexpr int kChanges = 10'000;

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU time of this thread: the per-core figures stay meaningful on a busy machine
// (wall time is printed beside them).
double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Resident set size in MiB, from /proc/self/status.
double residentMib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    }
    return 0;
}

struct Figure {
    std::string name;
    double value;
    std::string unit;
    std::string label;
};

// A line as a cart or an order brings it: the request owns its text (short
// strings, kept inside the object), as the parsed JSON or EDI document does; it
// does not point into the catalog's items, which would add a cache miss per
// line that no real request has.
struct Request {
    std::string customer;
    std::string sku;
    const char* uom;
    Decimal quantity;
};

Request randomRequest(std::mt19937_64& rng, const bench::Dataset& data) {
    const auto& items = data.items->items_;
    const auto customer = std::uniform_int_distribution<std::size_t>(0, data.customer_ids.size() - 1)(rng);
    std::uint32_t sku = 0;
    const auto& contract = data.contract_skus[customer % data.contract_skus.size()];
    if (std::uniform_int_distribution<int>(0, 99)(rng) < 60 && !contract.empty()) {
        sku = contract[std::uniform_int_distribution<std::size_t>(0, contract.size() - 1)(rng)];
    } else {
        sku = std::uniform_int_distribution<std::uint32_t>(0,
                                                           static_cast<std::uint32_t>(items.size() - 1))(rng);
    }
    const bool in_cases =
        items[sku].units.factor("CS") && std::uniform_int_distribution<int>(0, 99)(rng) < 20;
    const auto quantity = Decimal::fromInt(std::uniform_int_distribution<int>(1, in_cases ? 20 : 200)(rng));
    return Request{data.customer_ids[customer], items[sku].sku, in_cases ? "CS" : "EA", quantity};
}

// Another lookup over the same items: a "new catalog version" for the snapshot.
class ForwardingItems final : public ItemLookup {
public:
    explicit ForwardingItems(std::shared_ptr<const ItemLookup> inner) : inner_(std::move(inner)) {}
    const ItemFacts* find(std::string_view sku) const override { return inner_->find(sku); }
    void forEach(const std::function<void(const ItemFacts&)>& visit) const override {
        inner_->forEach(visit);
    }

private:
    std::shared_ptr<const ItemLookup> inner_;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

}  // namespace

int main(int argc, char** argv) {
    double scale = 1.0;
    std::string only;  // --only resolve|batch|hot|bare|cart|change: one phase (for profiling)
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--scale") == 0) scale = std::stod(argv[i + 1]);
        if (std::strcmp(argv[i], "--only") == 0) only = argv[i + 1];
    }
    const auto run = [&only](const char* phase) { return only.empty() || only == phase; };
    bench::DatasetSize size;
    const auto scaled = [scale](int n) { return std::max(1, static_cast<int>(n * scale)); };
    size.skus = scaled(size.skus);
    size.customers = scaled(size.customers);
    size.contract_lists = scaled(size.contract_lists);
    size.group_lists = scaled(size.group_lists);
    std::printf("pricing_bench: seed %llu, scale %.3g\n", static_cast<unsigned long long>(kSeed), scale);
    std::vector<Figure> figures;

    // 1. The dataset: items (the catalog's part), then the price snapshot.
    const double rss_start = residentMib();
    auto started = Clock::now();
    bench::Dataset data = bench::makeItems(size, kSeed);
    const double items_seconds = seconds(started);
    const double rss_items = residentMib();
    started = Clock::now();
    std::shared_ptr<const PriceSnapshot> snapshot;
    {
        SnapshotBuilder builder(data.items);
        bench::fillBuilder(size, kSeed, data, builder);
        auto built = builder.build();
        if (!built) {
            std::fprintf(stderr, "pricing_bench: dataset does not build: %s\n",
                         built.error().describe().c_str());
            return 1;
        }
        snapshot = *built;
    }
    const double build_seconds = seconds(started);
    const double rss_prices = residentMib();
    std::printf("dataset: %d SKUs, %zu entries, %zu lists, %zu customers (items %.1f s, prices %.1f s)\n",
                size.skus, snapshot->entryCount(), snapshot->listCount(), snapshot->customerCount(),
                items_seconds, build_seconds);
    figures.push_back({"entries", static_cast<double>(snapshot->entryCount()), "entries", "price entries"});
    figures.push_back({"snapshot_build_seconds", build_seconds, "s", "full snapshot build"});
    figures.push_back({"price_set_rss_mib", rss_prices - rss_items, "MiB", "resident memory, price set"});
    figures.push_back({"price_set_heap_mib", static_cast<double>(snapshot->memoryBytes()) / 1048576.0, "MiB",
                       "snapshot heap (counted)"});
    figures.push_back(
        {"items_rss_mib", rss_items - rss_start, "MiB", "resident memory, item facts (catalog side)"});

    // 2. Line resolutions per second on one core.
    std::mt19937_64 rng(kSeed);
    std::vector<Request> requests;
    requests.reserve(kRequestCount);
    for (std::size_t i = 0; i < kRequestCount; ++i) requests.push_back(randomRequest(rng, data));
    const Resolver resolver(snapshot);
    const Date date = *Date::fromYmd(2026, 1, 15);
    std::size_t resolved = 0;
    std::size_t priced = 0;
    std::int64_t checksum = 0;
    started = Clock::now();
    const double cpu_started = threadCpuSeconds();
    while (run("resolve") && threadCpuSeconds() - cpu_started < 3.0) {
        for (const auto& r : requests) {
            auto line = resolver.resolve(PriceRequest{r.customer, r.sku, r.uom, r.quantity, date});
            if (line) {
                ++priced;
                checksum += line->extended.raw();
            }
        }
        resolved += requests.size();
    }
    const double per_second = static_cast<double>(resolved) / (threadCpuSeconds() - cpu_started);
    const double per_wall_second = static_cast<double>(resolved) / seconds(started);
    const double priced_share = static_cast<double>(priced) / static_cast<double>(resolved);
    // The same lines through resolveAll() in batches of 1,000 (how a cart, an
    // order or a page of hits is priced): the misses of neighbouring lines overlap.
    std::vector<PriceRequest> batch;
    batch.reserve(requests.size());
    for (const auto& r : requests) batch.push_back(PriceRequest{r.customer, r.sku, r.uom, r.quantity, date});
    resolved = 0;
    started = Clock::now();
    const double batch_started = threadCpuSeconds();
    // The same rate per window of kWindowCarts batches: on a shared machine a
    // neighbour slows whole stretches of a run, and the average includes them.
    // The median window is the rate when less than half of the run is slowed,
    // the best window the rate of an undisturbed stretch.
    std::vector<double> windows;
    while (run("batch") && threadCpuSeconds() - batch_started < 3.0) {
        double window_started = threadCpuSeconds();
        for (std::size_t at = 0; at < batch.size(); at += kCartLines) {
            const auto count = std::min<std::size_t>(kCartLines, batch.size() - at);
            for (const auto& line : resolver.resolveAll(std::span(batch).subspan(at, count)))
                if (line) checksum += line->extended.raw();
            if ((at / kCartLines) % kWindowCarts == kWindowCarts - 1) {
                const double now = threadCpuSeconds();
                windows.push_back(static_cast<double>(kWindowCarts * kCartLines) / (now - window_started));
                window_started = now;
            }
        }
        resolved += batch.size();
    }
    figures.push_back({"line_resolutions_per_second",
                       static_cast<double>(resolved) / (threadCpuSeconds() - batch_started), "lines/s",
                       "lines per CPU second, 1 core, resolveAll() x1,000"});
    figures.push_back({"line_resolutions_per_wall_second", static_cast<double>(resolved) / seconds(started),
                       "lines/s", "same, per wall second"});
    if (std::getenv("CROSSDOCK_BENCH_WINDOWS") != nullptr) {
        std::printf("resolveAll() windows of %d lines, M lines per CPU second, in run order:\n",
                    kWindowCarts * kCartLines);
        for (const double rate : windows) std::printf(" %.2f", rate / 1e6);
        std::printf("\n");
    }
    figures.push_back({"line_resolutions_per_second_median_window", percentile(windows, 0.5), "lines/s",
                       "same, median of 50,000-line windows"});
    figures.push_back({"line_resolutions_per_second_best_window", percentile(windows, 1.0), "lines/s",
                       "same, best 50,000-line window"});
    figures.push_back({"line_resolutions_per_second_single", per_second, "lines/s",
                       "lines per CPU second, 1 core, one resolve() each"});
    figures.push_back(
        {"line_resolutions_per_wall_second_single", per_wall_second, "lines/s", "same, per wall second"});
    figures.push_back({"priced_share", priced_share, "ratio", "share of random lines that price"});

    // A hot working set (100 customers, 1,000 SKUs, about 1 MB of price data):
    // what a line costs once its data sits in the CPU caches.
    std::vector<Request> hot;
    for (std::size_t i = 0; i < 100'000; ++i) {
        Request r = requests[i];
        r.customer = data.customer_ids[i % std::min<std::size_t>(100, data.customer_ids.size())];
        r.sku = data.items->items_[(i * 7919) % 1'000 * 997 % data.items->items_.size()].sku;
        r.uom = "EA";
        hot.push_back(r);
    }
    resolved = 0;
    const double hot_started = threadCpuSeconds();
    while (run("hot") && threadCpuSeconds() - hot_started < 2.0) {
        for (const auto& r : hot) {
            auto line = resolver.resolve(PriceRequest{r.customer, r.sku, r.uom, r.quantity, date});
            if (line) checksum += line->extended.raw();
        }
        resolved += hot.size();
    }
    figures.push_back({"line_resolutions_per_second_hot_set",
                       static_cast<double>(resolved) / (threadCpuSeconds() - hot_started), "lines/s",
                       "one resolve() each, hot set (100 cust., 1k SKUs)"});

    // The same without the next-tier search (PriceRequest::next_tier = false).
    resolved = 0;
    const double bare_started = threadCpuSeconds();
    while (run("bare") && threadCpuSeconds() - bare_started < 2.0) {
        for (const auto& r : requests) {
            auto line = resolver.resolve(PriceRequest{r.customer, r.sku, r.uom, r.quantity, date, false});
            if (line) checksum += line->extended.raw();
        }
        resolved += requests.size();
    }
    figures.push_back({"line_resolutions_per_second_no_next_tier",
                       static_cast<double>(resolved) / (threadCpuSeconds() - bare_started), "lines/s",
                       "one resolve() each, without next-tier search"});

    // 3. 1,000-line carts: latency of resolving every line and totalling, one
    // resolve() per line, then the same carts through resolveAll().
    std::vector<double> cart_ms;
    std::vector<double> cart_batch_ms;
    for (int cart = 0; run("cart") && cart < kCarts; ++cart) {
        std::vector<Request> lines;
        const Request first = randomRequest(rng, data);
        for (int l = 0; l < kCartLines; ++l) {
            Request line = randomRequest(rng, data);
            line.customer = first.customer;
            lines.push_back(line);
        }
        const double cart_started = threadCpuSeconds();
        std::int64_t total = 0;
        for (const auto& r : lines) {
            auto line = resolver.resolve(PriceRequest{r.customer, r.sku, r.uom, r.quantity, date});
            if (line) total += line->extended.raw();
        }
        cart_ms.push_back((threadCpuSeconds() - cart_started) * 1000.0);
        checksum += total;
        // Another cart (the lines above are in the caches now), checked against resolve().
        const Request other = randomRequest(rng, data);
        std::vector<Request> cart_lines;  // own the text the requests view
        for (int l = 0; l < kCartLines; ++l) cart_lines.push_back(randomRequest(rng, data));
        std::vector<PriceRequest> cart_requests;
        for (const Request& r : cart_lines)
            cart_requests.push_back(PriceRequest{other.customer, r.sku, r.uom, r.quantity, date});
        const double batch_cart_started = threadCpuSeconds();
        std::int64_t batch_total = 0;
        for (const auto& line : resolver.resolveAll(cart_requests))
            if (line) batch_total += line->extended.raw();
        cart_batch_ms.push_back((threadCpuSeconds() - batch_cart_started) * 1000.0);
        for (const auto& request : cart_requests) {
            auto line = resolver.resolve(request);
            if (line) batch_total -= line->extended.raw();
        }
        if (batch_total != 0) {
            std::fprintf(stderr, "pricing_bench: resolveAll() total differs from resolve()\n");
            return 1;
        }
    }
    figures.push_back({"cart_1000_lines_p50_ms", percentile(cart_batch_ms, 0.50), "ms",
                       "1,000-line cart p50, resolveAll() (CPU)"});
    figures.push_back({"cart_1000_lines_p99_ms", percentile(cart_batch_ms, 0.99), "ms",
                       "1,000-line cart p99, resolveAll() (CPU)"});
    figures.push_back({"cart_1000_lines_single_p50_ms", percentile(cart_ms, 0.50), "ms",
                       "1,000-line cart p50, one resolve() each (CPU)"});
    figures.push_back({"cart_1000_lines_single_p99_ms", percentile(cart_ms, 0.99), "ms",
                       "1,000-line cart p99, one resolve() each (CPU)"});

    // 4. 10,000 changed prices: half in BASE, half in contracts; build and publish.
    std::vector<PriceEntry> changes;
    std::set<std::pair<std::string, std::uint32_t>> changed;  // one change per list and SKU
    // (bounded: a tiny --scale has fewer distinct list/SKU pairs than kChanges)
    for (int c = 0; changes.size() < static_cast<std::size_t>(kChanges) && c < 20 * kChanges; ++c) {
        const bool base = c % 2 == 0;
        const auto contract =
            std::uniform_int_distribution<std::size_t>(0, data.contract_skus.size() - 1)(rng);
        const auto sku = base ? std::uniform_int_distribution<std::uint32_t>(
                                    0, static_cast<std::uint32_t>(size.skus - 1))(rng)
                              : data.contract_skus[contract][std::uniform_int_distribution<std::size_t>(
                                    0, data.contract_skus[contract].size() - 1)(rng)];
        if (!changed.emplace(base ? std::string("BASE") : data.contract_ids[contract], sku).second) continue;
        changes.push_back(PriceEntry{base ? std::string("BASE") : data.contract_ids[contract],
                                     data.items->items_[sku].sku,
                                     "EA",
                                     Decimal::fromInt(1),
                                     Decimal::fromRaw(1'234 + c),
                                     {},
                                     {},
                                     {}});
    }
    SnapshotHolder holder(snapshot);
    started = Clock::now();
    auto updated = holder.update([&](SnapshotBuilder& builder) {
        for (const auto& change : changes) builder.putEntry(change);
    });
    const double rebuild_ms = seconds(started) * 1000.0;
    if (!updated) {
        std::fprintf(stderr, "pricing_bench: change set fails: %s\n", updated.error().describe().c_str());
        return 1;
    }
    // Visible: a fresh resolver on the holder's current snapshot returns the new
    // price as the contract list's candidate (the contract heads its customer's chain).
    const PriceEntry& probe = changes[1];
    std::size_t contract = 0;
    while (data.contract_ids[contract] != probe.list_id) ++contract;
    auto seen =
        Resolver(holder.current())
            .resolve(PriceRequest{data.customer_ids[contract], probe.sku, "EA", Decimal::fromInt(1), date});
    const double visible_ms = seconds(started) * 1000.0;
    const bool visible = seen && seen->explanation.chain[0].list_id == probe.list_id &&
                         seen->explanation.chain[0].unit_price == probe.unit_price;
    figures.push_back(
        {"rebuild_10k_changed_prices_ms", rebuild_ms, "ms", "rebuild + swap, 10k changed prices"});
    figures.push_back(
        {"change_visible_ms", visible ? visible_ms : -1.0, "ms", "10k changes visible to resolve"});
    // 5. A new catalog version (what the server does when only the catalog moved):
    // the prices stay, every item is interned again into the dense tables.
    started = Clock::now();
    auto swapped = holder.update(
        [&](SnapshotBuilder& builder) { builder.setItems(std::make_shared<ForwardingItems>(data.items)); });
    const double swap_ms = seconds(started) * 1000.0;
    figures.push_back(
        {"catalog_swap_ms", swapped ? swap_ms : -1.0, "ms", "new catalog version, prices kept"});
    snapshot.reset();
    figures.push_back({"rss_total_mib", residentMib(), "MiB", "resident memory at the end"});

    std::printf("\n%-50s %16s  %s\n", "figure", "value", "unit");
    for (const auto& f : figures) std::printf("%-50s %16.3f  %s\n", f.label.c_str(), f.value, f.unit.c_str());
    std::printf("(checksum %lld)\n\n", static_cast<long long>(checksum));
    for (const auto& f : figures) {
        std::printf("{\"bench\":\"pricing\",\"figure\":\"%s\",\"value\":%.10g,\"unit\":\"%s\"}\n",
                    f.name.c_str(), f.value, f.unit.c_str());
    }
    return 0;
}
