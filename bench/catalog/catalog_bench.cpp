// catalog_bench: the figures of the catalog issue, in process, on one core.
//
//   catalog_bench [--scale F]    F < 1 shrinks the catalog (0.1 for a quick run)
//
// Generates the catalog CSV in memory, imports it through CatalogCsvImporter,
// builds the SearchIndex from the imported items and runs 20 query shapes.
// Prints a human table, then one JSON line per figure:
//   {"bench":"catalog","figure":"search_p99_ms","value":...,"unit":"ms"}

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "catalog_dataset.h"
#include "crossdock/catalog/catalog_csv_exporter.h"
#include "crossdock/catalog/catalog_csv_importer.h"
#include "crossdock/catalog/search_index.h"

namespace {

using namespace crossdock;
using namespace crossdock::catalog;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kSeed = 20'260'301;
constexpr int kRunsPerShape = 200;

// CPU time of this thread: what a query costs, without the time the scheduler gave
// other processes (the bench machine is often shared; wall-clock p99 then measures
// the load as much as the code).
double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double seconds(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// Resident set size in bytes, from /proc/self/status.
double residentBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) * 1024.0;
    }
    return 0;
}

struct Figure {
    std::string name;
    std::string label;
    double value;
    std::string unit;
};

struct Shape {
    std::string name;
    std::function<SearchQuery(bench::Rng&)> make;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

// Visibility objects of some restricted customers, resolved once as a server
// resolves them once per session.
std::vector<CustomerVisibility> restrictedViews(const bench::Dataset& data) {
    std::vector<CustomerVisibility> views;
    for (std::uint32_t c = 1; views.size() < 64 && c < data.shape.customers; ++c) {
        if (c % 10 != 0) views.push_back(data.assortments.visibilityFor(bench::customerOf(c)));
    }
    return views;
}

std::vector<Shape> queryShapes(const bench::Dataset& data, const SearchIndex& index,
                               const std::vector<CustomerVisibility>& views) {
    const auto& tree = index.tree();
    const auto roots = static_cast<std::uint32_t>(tree.roots().size());
    auto noun = [=, &data, &tree, &views](bench::Rng& r) {
        return data.nouns[r.below(static_cast<std::uint32_t>(data.nouns.size()))];
    };
    auto word = [=, &data, &tree, &views](bench::Rng& r) {
        return data.words[r.below(static_cast<std::uint32_t>(data.words.size()))];
    };
    auto root = [=, &data, &tree, &views](bench::Rng& r) { return tree.roots()[r.below(roots)]; };
    auto group = [=, &data, &tree, &views](bench::Rng& r) {
        auto& g = tree.category(root(r)).children;
        return g[r.below(10)];
    };
    auto leaf = [=, &data, &tree, &views](bench::Rng& r) {
        return data.leaves[r.below(static_cast<std::uint32_t>(data.leaves.size()))];
    };
    auto sku = [=, &data, &tree, &views](bench::Rng& r) { return bench::skuOf(r.below(data.shape.skus)); };
    auto attr = [=, &data, &tree, &views](CategoryId at, const char* prefix) {
        const auto r = tree.category(at).name.substr(std::strlen("Division "));
        return *tree.findAttribute(at, prefix + r);
    };
    auto view = [=, &data, &tree, &views](bench::Rng& r) {
        return &views[r.below(static_cast<std::uint32_t>(views.size()))];
    };
    auto q = [](std::string text) {
        SearchQuery query;
        query.text = std::move(text);
        return query;
    };
    std::vector<Shape> shapes;
    shapes.push_back({"keyword", [=](bench::Rng& r) { return q(noun(r)); }});
    shapes.push_back({"keyword_description", [=](bench::Rng& r) { return q(word(r)); }});
    shapes.push_back({"two_keywords", [=](bench::Rng& r) { return q(noun(r) + " " + noun(r)); }});
    shapes.push_back({"keyword_and_description", [=](bench::Rng& r) { return q(noun(r) + " " + word(r)); }});
    shapes.push_back({"keyword_brand", [=](bench::Rng& r) {
                          auto query = q(noun(r));
                          query.brands = {data.brands[r.below(500)]};
                          return query;
                      }});
    shapes.push_back({"keyword_in_stock", [=](bench::Rng& r) {
                          auto query = q(noun(r));
                          query.in_stock_only = true;
                          return query;
                      }});
    shapes.push_back({"keyword_sort_name_page2", [=, &index](bench::Rng& r) {
                          auto query = q(noun(r));
                          query.sort = SearchSort::Name;
                          query.cursor = index.search(query)->next_cursor;
                          query.with_facets = false;
                          return query;
                      }});
    shapes.push_back({"category_leaf", [=](bench::Rng& r) {
                          SearchQuery query;
                          query.category = leaf(r);
                          return query;
                      }});
    shapes.push_back({"category_group", [=](bench::Rng& r) {
                          SearchQuery query;
                          query.category = group(r);
                          return query;
                      }});
    shapes.push_back(
        {"category_root_enum_facet", [=](bench::Rng& r) {
             SearchQuery query;
             query.category = root(r);
             query.attributes = {AttributeEquals{attr(*query.category, "colour_"),
                                                 EnumChoice{static_cast<std::uint16_t>(r.below(12))}}};
             query.attributes.push_back(AttributeEquals{attr(*query.category, "cordless_"), true});
             return query;
         }});
    shapes.push_back({"category_group_range", [=](bench::Rng& r) {
                          SearchQuery query;
                          query.category = group(r);
                          const CategoryId top = tree.category(*query.category).parent;
                          query.ranges = {NumericRange{attr(top, "weight_"), core::Decimal::fromInt(10),
                                                       core::Decimal::fromInt(20)}};
                          return query;
                      }});
    shapes.push_back({"keyword_category_facet", [=](bench::Rng& r) {
                          auto query = q(noun(r));
                          query.category = root(r);
                          query.attributes = {
                              AttributeEquals{attr(*query.category, "colour_"),
                                              EnumChoice{static_cast<std::uint16_t>(r.below(12))}}};
                          return query;
                      }});
    shapes.push_back({"sku_exact", [=](bench::Rng& r) { return q(sku(r)); }});
    shapes.push_back({"sku_prefix", [=](bench::Rng& r) { return q(sku(r).substr(0, 9)); }});
    shapes.push_back(
        {"gtin_ean13", [=](bench::Rng& r) { return q(bench::ean13Of(r.below(data.shape.skus))); }});
    shapes.push_back({"customer_part_number", [=, &data](bench::Rng& r) {
                          const std::uint32_t c = r.below(data.shape.customers);
                          auto query =
                              q(bench::partNumberOf(c, r.below(data.shape.part_numbers_per_customer)));
                          const std::string customer = bench::customerOf(c);
                          query.part_numbers = [&data, customer](std::string_view pn) {
                              return data.part_numbers.skuFor(customer, pn);
                          };
                          return query;
                      }});
    shapes.push_back({"keyword_assortment", [=](bench::Rng& r) {
                          auto query = q(noun(r));
                          query.visibility = view(r);
                          return query;
                      }});
    shapes.push_back({"two_keywords_assortment", [=](bench::Rng& r) {
                          auto query = q(noun(r) + " " + noun(r));
                          query.visibility = view(r);
                          return query;
                      }});
    shapes.push_back({"category_group_assortment", [=](bench::Rng& r) {
                          SearchQuery query;
                          query.category = group(r);
                          query.visibility = view(r);
                          return query;
                      }});
    shapes.push_back({"category_root_assortment", [=](bench::Rng& r) {
                          SearchQuery query;
                          query.category = root(r);
                          query.visibility = view(r);
                          return query;
                      }});
    return shapes;
}

}  // namespace

/// --write-csv DIR: writes DIR/categories.csv and DIR/catalog.csv of the same dataset
/// (for bench/catalog/import_db.sh, which times `crossdock import`) and stops.
int writeCsvFiles(const bench::Dataset& data, const std::string& dir) {
    std::ofstream categories(dir + "/categories.csv", std::ios::binary);
    crossdock::catalog::exportCategoriesCsv(categories, data.tree);
    std::ofstream catalog(dir + "/catalog.csv", std::ios::binary);
    bench::writeCatalogCsv(data, kSeed, catalog);
    return categories && catalog ? 0 : 1;
}

int main(int argc, char** argv) {
    double scale = 1.0;
    std::string csv_dir;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--scale") == 0) scale = std::stod(argv[i + 1]);
        if (std::strcmp(argv[i], "--write-csv") == 0) csv_dir = argv[i + 1];
    }
    bench::DatasetShape shape;
    shape.skus = static_cast<std::uint32_t>(1'000'000 * scale);
    if (!csv_dir.empty()) return writeCsvFiles(bench::makeDataset(shape, kSeed), csv_dir);
    std::printf("catalog_bench: seed %llu, %u SKUs\n", static_cast<unsigned long long>(kSeed), shape.skus);
    std::vector<Figure> figures;
    auto started = Clock::now();
    bench::Dataset data = bench::makeDataset(shape, kSeed);
    std::printf(
        "dataset: %zu categories, %zu attributes, %u assortments, %u customers, %zu part numbers (%.1f s)\n",
        data.tree.size(), data.tree.attributeCount(), shape.assortments, shape.customers,
        data.part_numbers.size(), seconds(started));

    malloc_trim(0);
    const double rss_before = residentBytes();
    std::vector<Item> items;
    items.reserve(shape.skus);
    {
        started = Clock::now();
        std::stringstream csv;
        bench::writeCatalogCsv(data, kSeed, csv);
        const std::size_t csv_bytes = csv.str().size();
        std::printf("csv: %.1f MB generated in %.1f s\n", static_cast<double>(csv_bytes) / 1e6,
                    seconds(started));
        started = Clock::now();
        CatalogCsvImporter importer(data.tree);
        auto report = importer.run(csv, "bench.csv", [&](Item&& item) { items.push_back(std::move(item)); });
        const double import_s = seconds(started);
        if (!report.ok()) {
            std::fprintf(stderr, "catalog_bench: import fails: %s %s\n", report.summary().c_str(),
                         report.errors.front().message.c_str());
            return 1;
        }
        figures.push_back({"csv_import_rows_per_second", "CSV import",
                           static_cast<double>(report.rows) / import_s, "rows/s"});
        figures.push_back({"csv_import_seconds", "CSV import, whole file", import_s, "s"});
    }
    malloc_trim(0);
    started = Clock::now();
    auto in_stock = [](std::string_view sku) { return std::stoul(std::string(sku.substr(4))) % 5 != 0; };
    SearchIndex index = SearchIndex::build(data.tree, std::move(items), in_stock);
    items = {};
    figures.push_back({"index_build_seconds", "index build", seconds(started), "s"});
    malloc_trim(0);
    const double rss_after = residentBytes();
    const double n = static_cast<double>(index.size());
    figures.push_back({"resident_bytes_per_sku", "resident memory per SKU (catalog + index)",
                       (rss_after - rss_before) / n, "B"});
    figures.push_back({"index_bytes_per_sku", "  of which index structures",
                       static_cast<double>(index.indexBytes()) / n, "B"});
    std::printf("index: %zu items, %zu terms, sizeof(Item) %zu\n", index.size(), index.termCount(),
                sizeof(Item));

    const auto views = restrictedViews(data);
    const auto shapes = queryShapes(data, index, views);
    std::vector<double> all;
    std::vector<double> all_cpu;
    std::printf("\n%-28s %10s %10s %10s %10s %10s\n", "query shape", "p50 ms", "p99 ms", "cpu p50", "cpu p99",
                "avg hits");
    for (const auto& query_shape : shapes) {
        bench::Rng rng(kSeed + all.size());
        std::vector<double> latencies;
        std::vector<double> cpu;
        double hits = 0;
        for (int i = 0; i < kRunsPerShape; ++i) {
            const SearchQuery query = query_shape.make(rng);
            const double cpu0 = threadCpuSeconds();
            const auto t0 = Clock::now();
            auto result = index.search(query);
            latencies.push_back(seconds(t0) * 1e3);
            cpu.push_back((threadCpuSeconds() - cpu0) * 1e3);
            if (result.ok()) hits += static_cast<double>(result->total);
        }
        all.insert(all.end(), latencies.begin(), latencies.end());
        all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
        std::printf("%-28s %10.3f %10.3f %10.3f %10.3f %10.0f\n", query_shape.name.c_str(),
                    percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(cpu, 0.5),
                    percentile(cpu, 0.99), hits / kRunsPerShape);
        figures.push_back({"search_p99_ms_" + query_shape.name, "", percentile(latencies, 0.99), "ms"});
    }
    figures.push_back({"search_p50_ms", "search p50 (20 shapes)", percentile(all, 0.5), "ms"});
    figures.push_back({"search_p99_ms", "search p99 (20 shapes)", percentile(all, 0.99), "ms"});
    figures.push_back({"search_cpu_p50_ms", "search p50, thread CPU time", percentile(all_cpu, 0.5), "ms"});
    figures.push_back({"search_cpu_p99_ms", "search p99, thread CPU time", percentile(all_cpu, 0.99), "ms"});

    std::printf("\n%-44s %16s  %s\n", "figure", "value", "unit");
    for (const auto& f : figures) {
        if (!f.label.empty()) std::printf("%-44s %16.3f  %s\n", f.label.c_str(), f.value, f.unit.c_str());
    }
    std::printf("\n");
    for (const auto& f : figures) {
        std::printf("{\"bench\":\"catalog\",\"figure\":\"%s\",\"value\":%.6g,\"unit\":\"%s\"}\n",
                    f.name.c_str(), f.value, f.unit.c_str());
    }
    return 0;
}
