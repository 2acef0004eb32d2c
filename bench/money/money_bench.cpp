// money_bench: operations per second of Decimal parse, toString, add and
// multiplyRounded, 10M operations each (override: money_bench --ops N).
//
// Prints a table for people and one JSON line per figure for scripts:
//   {"bench":"money","figure":"multiply_rounded_ops_per_s","value":123,"unit":"ops/s"}

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/decimal.h"

using crossdock::core::Decimal;

namespace {

constexpr std::size_t kPool = 4096;  // values cycled through: fits L1/L2, varied enough
constexpr std::size_t kMask = kPool - 1;
constexpr std::uint64_t kSeed = 20'261'121;

// Everything a loop computes is folded into this, so the compiler cannot drop the work.
volatile std::int64_t g_sink = 0;

struct Figure {
    const char* label;
    const char* key;
    double ops_per_s;
    double ns_per_op;
};

template <typename Body>
Figure measure(const char* label, const char* key, std::uint64_t ops, Body body) {
    const auto start = std::chrono::steady_clock::now();
    std::int64_t acc = 0;
    for (std::uint64_t i = 0; i < ops; ++i) acc += body(static_cast<std::size_t>(i) & kMask);
    const auto stop = std::chrono::steady_clock::now();
    g_sink = g_sink + acc;
    const double seconds = std::chrono::duration<double>(stop - start).count();
    return Figure{label, key, static_cast<double>(ops) / seconds, seconds * 1e9 / static_cast<double>(ops)};
}

// Prices and quantities as they appear in catalogs: up to 6 integer digits, 0..4 fraction digits.
std::vector<Decimal> makeValues(std::mt19937_64& rng) {
    std::vector<Decimal> values;
    values.reserve(kPool);
    std::uniform_int_distribution<std::int64_t> raw(-9'999'999'999, 9'999'999'999);
    for (std::size_t i = 0; i < kPool; ++i) values.push_back(Decimal::fromRaw(raw(rng)));
    return values;
}

std::uint64_t opsFromArgs(int argc, char** argv) {
    if (argc == 3 && std::string_view(argv[1]) == "--ops") return std::strtoull(argv[2], nullptr, 10);
    if (argc != 1) {
        std::fprintf(stderr, "usage: money_bench [--ops N]\n");
        std::exit(2);
    }
    return 10'000'000;
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t ops = opsFromArgs(argc, argv);
    std::mt19937_64 rng(kSeed);
    const std::vector<Decimal> a = makeValues(rng);
    const std::vector<Decimal> b = makeValues(rng);
    std::vector<std::string> texts;
    texts.reserve(kPool);
    for (std::size_t i = 0; i < kPool; ++i) texts.push_back(a[i].toShortString());

    std::vector<Figure> figures;
    figures.push_back(measure("parse", "parse_ops_per_s", ops, [&](std::size_t i) {
        auto r = Decimal::parse(texts[i]);
        return r.ok() ? r->raw() : 0;
    }));
    figures.push_back(measure("toString", "to_string_ops_per_s", ops, [&](std::size_t i) {
        return static_cast<std::int64_t>(a[i].toString().size());
    }));
    figures.push_back(measure("add", "add_ops_per_s", ops, [&](std::size_t i) {
        auto r = Decimal::add(a[i], b[i]);
        return r.ok() ? r->raw() : 0;
    }));
    figures.push_back(measure("multiplyRounded", "multiply_rounded_ops_per_s", ops, [&](std::size_t i) {
        auto r = Decimal::multiplyRounded(a[i], b[(i + 1) & kMask], 2);
        return r.ok() ? r->raw() : 0;
    }));

    std::printf("money_bench: %llu ops per figure\n\n", static_cast<unsigned long long>(ops));
    std::printf("%-18s %16s %12s\n", "operation", "ops/s", "ns/op");
    for (const Figure& f : figures) std::printf("%-18s %16.0f %12.2f\n", f.label, f.ops_per_s, f.ns_per_op);
    std::printf("\n");
    for (const Figure& f : figures) {
        std::printf("{\"bench\":\"money\",\"figure\":\"%s\",\"value\":%.0f,\"unit\":\"ops/s\"}\n", f.key,
                    f.ops_per_s);
    }
    return 0;
}
