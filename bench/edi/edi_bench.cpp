// edi_bench: inbound X12 850s per second end to end, as issue 6 measures it: N generated 850s of
// L PO1 lines each (one interchange per message, as partners send them), every one stored
// (raw bytes committed), parsed, acknowledged with a 997, placed as an order through the real
// sales service (catalog, prices, customer of the demo world) and answered with an 855, by the
// same code POST /edi/inbound and `crossdock edi ingest` run (server::ingestDocument).
//
// usage: edi_bench [--messages N] [--lines L] [--db URL] [--crossdock PATH]
//   default: 1000 messages of 50 lines on SQLite in a temporary directory. --db runs on that
//   database instead (e.g. a throwaway PostgreSQL; it must be empty or hold an earlier run).
// The demo world is loaded with `crossdock init --demo` (the binary of this build).
// Prints a table and JSON lines: {"bench":"edi","figure":"x12_850_per_s_sqlite",...}
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <stdlib.h>  // mkdtemp

#include "crossdock/core/clock.h"
#include "crossdock/server/edi_ingest.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"

using namespace crossdock;

namespace {

struct Settings {
    int messages = 1000;
    int lines = 50;
    std::string db;
    std::string crossdock = CROSSDOCK_BINARY;
};

// SKUs the catalog marks discontinued (a CSV row holding ",discontinued,"; SKUs hold no comma).
std::set<std::string> discontinuedSkus() {
    std::ifstream in(std::string(CROSSDOCK_SAMPLES_DIR) + "/catalog.csv");
    std::set<std::string> skus;
    for (std::string row; std::getline(in, row);) {
        if (row.find(",discontinued,") != std::string::npos) skus.insert(row.substr(0, row.find(',')));
    }
    return skus;
}

// Orderable SKUs with a BASE price per EA in the demo world, in file order.
std::vector<std::string> pricedSkus() {
    std::ifstream in(std::string(CROSSDOCK_SAMPLES_DIR) + "/prices.csv");
    std::vector<std::string> skus;
    std::set<std::string> seen = discontinuedSkus();
    std::string row;
    std::getline(in, row);  // header: price_list,currency,sku,uom,...
    while (std::getline(in, row)) {
        std::vector<std::string> cells;
        std::size_t from = 0;
        for (std::size_t comma; (comma = row.find(',', from)) != std::string::npos; from = comma + 1)
            cells.push_back(row.substr(from, comma - from));
        if (cells.size() >= 4 && cells[0] == "BASE" && cells[3] == "EA" && seen.insert(cells[2]).second)
            skus.push_back(cells[2]);
    }
    return skus;
}

// One interchange of one 850 from ACME-X12 (samples/partners.json) to CROSSDOCK.
std::string make850(int n, int lines, const std::vector<std::string>& skus) {
    char control[16];
    std::snprintf(control, sizeof control, "%09d", 100000 + n);
    std::string po = "BENCH-PO-" + std::to_string(n);
    std::string out =
        "ISA*00*          *00*          *ZZ*ACMEPURCHASING *ZZ*CROSSDOCK      *240115*1200*U*"
        "00401*" +
        std::string(control) + "*0*P*>~\n";
    out += "GS*PO*ACMEPURCH*CROSSDOCK*20240115*1200*" + std::to_string(n + 1) + "*X*004010~\n";
    out += "ST*850*0001~\nBEG*00*SA*" + po + "**20240115~\nCUR*BY*USD~\n";
    out += "N1*ST*ACME WAREHOUSE*92*WH-7~\nN3*100 MAIN ST~\nN4*SPRINGFIELD*IL*62701*US~\n";
    for (int i = 0; i < lines; ++i) {
        const std::string& sku = skus[static_cast<std::size_t>(n + i) % skus.size()];
        out += "PO1*" + std::to_string(i + 1) + "*" + std::to_string(600 * (1 + i % 3)) + "*EA***VP*" + sku +
               "~\n";
    }
    out += "CTT*" + std::to_string(lines) + "~\n";
    out += "SE*" + std::to_string(lines + 8) + "*0001~\n";
    out += "GE*1*" + std::to_string(n + 1) + "~\nIEA*1*" + std::string(control) + "~\n";
    return out;
}

bool parseArgs(int argc, char** argv, Settings& s) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--messages")
            s.messages = std::atoi(value.c_str());
        else if (key == "--lines")
            s.lines = std::atoi(value.c_str());
        else if (key == "--db")
            s.db = value;
        else if (key == "--crossdock")
            s.crossdock = value;
        else
            return false;
    }
    return argc % 2 == 1 && s.messages > 0 && s.lines > 0;
}

struct Tally {
    int processed = 0;
    int other = 0;
    std::size_t errors = 0;
    std::size_t outbound = 0;
};

Tally ingestAll(server::Runtime& runtime, const std::vector<std::string>& documents) {
    Tally tally;
    for (const auto& document : documents) {
        auto result = server::ingestDocument(runtime, "ACME-X12", document);
        if (!result) {
            std::fprintf(stderr, "edi_bench: %s\n", result.error().describe().c_str());
            ++tally.other;
            continue;
        }
        if (result->status == edi::MessageStatus::Processed && !result->order_ids.empty())
            ++tally.processed;
        else
            ++tally.other;
        if (!result->errors.empty() && tally.errors == 0)
            std::fprintf(stderr, "edi_bench: first error: %s %s\n", result->errors.front().code.c_str(),
                         result->errors.front().message.c_str());
        tally.errors += result->errors.size();
        tally.outbound += result->outbound_ids.size();
    }
    return tally;
}

int run(const Settings& s, const std::string& url, const std::string& backend) {
    const std::string init = "\"" + s.crossdock + "\" init --db '" + url + "' --demo > /dev/null 2>&1";
    if (std::system(init.c_str()) != 0) {
        std::fprintf(stderr, "edi_bench: failed: %s\n", init.c_str());
        return 1;
    }
    const std::vector<std::string> skus = pricedSkus();
    if (skus.empty()) return 1;
    // A run on a database of an earlier run needs fresh ISA13s and PO numbers.
    const int base = static_cast<int>(std::time(nullptr) % 100000) * 1000;
    std::vector<std::string> documents;
    std::size_t bytes = 0;
    for (int n = 0; n < s.messages; ++n) {
        documents.push_back(make850(base + n, s.lines, skus));
        bytes += documents.back().size();
    }
    auto store = storage::Store::open(url);
    store->migrate();
    core::SystemClock clock;
    server::Runtime runtime(*store, clock);
    const auto start = std::chrono::steady_clock::now();
    const Tally tally = ingestAll(runtime, documents);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double rate = s.messages / seconds;
    std::printf(
        "X12 inbound on %s: %d 850s of %d lines (%.1f kB each), %d processed into orders, "
        "%d not, %zu message errors, %zu outbound documents\n",
        backend.c_str(), s.messages, s.lines, static_cast<double>(bytes) / s.messages / 1000.0,
        tally.processed, tally.other, tally.errors, tally.outbound);
    std::printf("%-44s %10.1f /s  (%.2f ms each; goal >= 200 /s)\n", "850s ingested end to end", rate,
                1000.0 * seconds / s.messages);
    std::printf("{\"bench\":\"edi\",\"figure\":\"x12_850_per_s_%s\",\"value\":%.1f,\"unit\":\"msg/s\"}\n",
                backend.c_str(), rate);
    return tally.other == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    Settings settings;
    if (!parseArgs(argc, argv, settings)) {
        std::fprintf(stderr, "usage: edi_bench [--messages N] [--lines L] [--db URL] [--crossdock PATH]\n");
        return 2;
    }
    if (!settings.db.empty()) {
        const std::string backend = settings.db.rfind("sqlite:", 0) == 0 ? "sqlite" : "postgresql";
        return run(settings, settings.db, backend);
    }
    std::string dir = (std::filesystem::temp_directory_path() / "crossdock-edi-bench-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) return 1;
    const int status = run(settings, "sqlite:" + dir + "/bench.db", "sqlite");
    std::filesystem::remove_all(dir);
    return status;
}
