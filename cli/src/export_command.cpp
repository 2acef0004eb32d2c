// crossdock export catalog|categories: the stored catalog as the CSV that
// `crossdock import` reads back (a tested round trip in tests/catalog).
#include <fstream>
#include <iostream>

#include "commands.h"
#include "crossdock/catalog/catalog_csv_exporter.h"
#include "crossdock/storage/catalog_repositories.h"
#include "crossdock/storage/store.h"
#include "options.h"

namespace crossdock::cli {
namespace {

constexpr const char* kExportHelp =
    "usage: crossdock export catalog|categories [--output FILE] [--db URL]\n\n"
    "Writes the stored catalog (items) or category tree (with attribute definitions)\n"
    "as CSV in the import format, to stdout or FILE.\n\n"
    "  --output FILE  write here instead of stdout\n"
    "  --db URL       sqlite:PATH or postgresql://user:password@host:port/dbname\n"
    "                 (default sqlite:var/crossdock.db)\n";

int writeExport(const std::string& kind, std::ostream& out, const std::string& url) {
    auto store = storage::Store::open(url);
    store->migrate();
    catalog::CatalogData data = storage::makeCatalogRepository(*store)->load();
    if (kind == "catalog") {
        catalog::exportCatalogCsv(out, data.tree, data.items);
        std::cerr << "exported " << data.items.size() << " items\n";
    } else {
        catalog::exportCategoriesCsv(out, data.tree);
        std::cerr << "exported " << data.tree.size() << " categories\n";
    }
    out.flush();
    return out ? 0 : 1;
}

}  // namespace

int exportCommand(const std::vector<std::string>& args) {
    auto options = parseOptions(args, {"--db", "--output"}, {"--help"});
    if (options.has("--help")) {
        std::cout << kExportHelp;
        return 0;
    }
    if (!options.error.empty() || options.positional.size() != 1 ||
        (options.positional[0] != "catalog" && options.positional[0] != "categories")) {
        std::cerr << "crossdock export: "
                  << (options.error.empty() ? std::string("expected catalog or categories") : options.error)
                  << "\n"
                  << kExportHelp;
        return 2;
    }
    const std::string url = options.value("--db").value_or("sqlite:var/crossdock.db");
    try {
        if (auto file = options.value("--output")) {
            std::ofstream out(*file, std::ios::binary);
            if (!out) {
                std::cerr << "crossdock export: " << *file << ": cannot create file\n";
                return 1;
            }
            return writeExport(options.positional[0], out, url);
        }
        return writeExport(options.positional[0], std::cout, url);
    } catch (const std::exception& e) {
        std::cerr << "crossdock export: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace crossdock::cli
