// crossdock import KIND FILE: one bulk import, all rows or none.
#include <chrono>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "crossdock/core/clock.h"
#include "crossdock/server/data_import.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"
#include "options.h"

namespace crossdock::cli {
namespace {

constexpr const char* kImportHelp =
    "usage: crossdock import KIND FILE [--db URL]\n\n"
    "Imports FILE into the database in one transaction: every row or none. Errors are\n"
    "printed as FILE:LINE field NAME: message (at most 100), and nothing is written.\n"
    "Progress goes to stderr every 10,000 rows; a summary at the end.\n\n"
    "KIND (formats in docs/catalog.md and docs/pricing.md):\n"
    "  catalog      items (CSV; BMEcat when FILE ends in .xml)\n"
    "  categories   the category tree and attribute definitions\n"
    "  prices       price tiers; a list not yet defined is created\n"
    "  price_lists  price list headers (name, currency, kind, validity)\n"
    "  customers    customers with their price lists and assortments\n"
    "  assortments  assortment rules (category subtrees or SKUs)\n"
    "  part_numbers customers' own item numbers (customer_id,part_number,sku)\n"
    "  stock        stock per warehouse (sku,warehouse,on_hand[,reserved,next_receipt])\n\n"
    "  --db URL     sqlite:PATH or postgresql://user:password@host:port/dbname\n"
    "               (default sqlite:var/crossdock.db)\n"
    "  --create-categories  catalog CSV: create category paths that do not exist yet\n"
    "               (default: an unknown category is an error)\n"
    "  --schema-dir DIR  BMEcat: validate 2005.1/2005.2 documents against the XSDs in DIR\n"
    "               (bmecat_2005_1.xsd, bmecat_2005_2.xsd); default: structural checks only\n";

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int runImport(const std::string& kind, const std::string& file, const std::string& url,
              server::ImportSettings settings) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "crossdock import: " << file << ": cannot open file\n";
        return 1;
    }
    auto store = storage::Store::open(url);
    store->migrate();
    core::SystemClock clock;
    server::Runtime runtime(*store, clock);
    const auto started = std::chrono::steady_clock::now();
    settings.progress = [&](std::size_t rows) { std::cerr << file << ": " << rows << " rows read\n"; };
    catalog::ImportReport report = server::importData(runtime, kind, in, file, settings);
    for (const core::Error& error : report.errors) std::cerr << error.describe() << "\n";
    if (report.error_limit_reached) std::cerr << "(stopped after 100 errors; the file may hold more)\n";
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!report.ok()) {
        std::cerr << "crossdock import: " << kind << " " << file << ": " << report.errors.size()
                  << " error(s); nothing was imported\n";
        return 1;
    }
    std::cerr << "imported " << report.rows << " " << kind << " row(s) from " << file << " in " << seconds
              << " s\n";
    return 0;
}

}  // namespace

int importCommand(const std::vector<std::string>& args) {
    auto options = parseOptions(args, {"--db", "--schema-dir"}, {"--help", "--create-categories"});
    if (options.has("--help")) {
        std::cout << kImportHelp;
        return 0;
    }
    if (!options.error.empty() || options.positional.size() != 2) {
        std::cerr << "crossdock import: "
                  << (options.error.empty() ? std::string("expected KIND and FILE") : options.error) << "\n"
                  << kImportHelp;
        return 2;
    }
    const std::string& kind = options.positional[0];
    const std::string& file = options.positional[1];
    if (!server::isImportKind(kind)) {
        std::cerr << "crossdock import: unknown kind '" << kind << "'\n" << kImportHelp;
        return 2;
    }
    if (endsWith(file, ".xml") && kind != "catalog") {
        std::cerr << "crossdock import: only a catalog can be imported from XML (BMEcat)\n";
        return 2;
    }
    server::ImportSettings settings;
    settings.create_missing_categories = options.has("--create-categories");
    settings.bmecat_schema_dir = options.value("--schema-dir").value_or("");
    settings.refresh_runtime = false;  // the process ends; a running server reloads by itself
    try {
        return runImport(kind, file, options.value("--db").value_or("sqlite:var/crossdock.db"), settings);
    } catch (const std::exception& e) {
        std::cerr << "crossdock import: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace crossdock::cli
