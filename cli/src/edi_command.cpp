// crossdock edi parse FILE | crossdock edi ingest FILE --partner ID [--db URL] [--config FILE]
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "crossdock/core/clock.h"
#include "crossdock/core/json.h"
#include "crossdock/edi/inbound_pipeline.h"
#include "crossdock/edi/x12/json.h"
#include "crossdock/server/edi_ingest.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"
#include "options.h"

namespace crossdock::cli {
namespace {

constexpr const char* kEdiHelp =
    "usage: crossdock edi parse FILE\n"
    "       crossdock edi ingest FILE --partner ID [--db URL] [--config FILE]\n\n"
    "parse   detects the format of FILE and prints it as canonical JSON (docs/edi-x12.md).\n"
    "        X12 only for now: EDIFACT, cXML and UBL are detected and refused. Exit 1 when\n"
    "        the document has errors; each is printed on stderr with its position.\n"
    "ingest  runs the inbound pipeline on FILE as partner ID, exactly as POST /edi/inbound:\n"
    "        stores it, checks envelope, sender, receiver and duplicates, acknowledges\n"
    "        (TA1/997/999), turns 850s into orders and queues 855s (delivered by a running\n"
    "        `crossdock serve`). Prints {\"message_id\",\"status\",...}; exit 1 when the\n"
    "        document is rejected or a duplicate.\n\n"
    "  --partner ID   the sending partner (as its API key would say)\n"
    "  --db URL       sqlite:PATH or postgresql://user:password@host:port/dbname\n"
    "                 (default sqlite:var/crossdock.db)\n"
    "  --config FILE  properties file with the edi.* keys (default ./crossdock.properties\n"
    "                 when present)\n";

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string formatName(const std::string& format) {
    if (format == "edifact") return "EDIFACT";
    if (format == "cxml") return "cXML";
    if (format == "ubl") return "UBL";
    return format;
}

int parseCommand(const std::string& file) {
    auto bytes = readFile(file);
    if (!bytes) {
        std::cerr << "crossdock edi parse: " << file << ": cannot open file\n";
        return 1;
    }
    const std::string format = edi::detectFormat(*bytes);
    if (format == "unknown") {
        std::cerr << file << ": not an X12, EDIFACT, cXML or UBL document\n";
        return 1;
    }
    if (format != "x12") {
        std::cerr << file << ": " << formatName(format) << " documents are not supported yet\n";
        return 1;
    }
    edi::x12::ParseSummary summary;
    std::cout << edi::x12::toCanonicalJson(*bytes, {}, &summary);
    for (const auto& issue : summary.issues) {
        if (issue.isError()) std::cerr << file << ": " << issue.describe() << "\n";
    }
    if (summary.issues_truncated) std::cerr << file << ": (more issues not shown)\n";
    return summary.ok() && !summary.fatal ? 0 : 1;
}

std::string resultJson(const edi::ProcessResult& result) {
    core::JsonWriter out(256);
    out.beginObject().field("message_id", result.message_id).field("status", edi::toString(result.status));
    out.key("order_ids").beginArray();
    for (auto id : result.order_ids) out.number(id);
    out.endArray().key("outbound_ids").beginArray();
    for (auto id : result.outbound_ids) out.number(id);
    out.endArray().key("errors").beginArray();
    for (const auto& e : result.errors) {
        out.beginObject().field("segment", e.segment).field("element", e.element).field("code", e.code);
        out.field("message", e.message).endObject();
    }
    out.endArray().endObject();
    return out.take();
}

int ingestCommand(const std::string& file, const ParsedOptions& options) {
    auto bytes = readFile(file);
    if (!bytes) {
        std::cerr << "crossdock edi ingest: " << file << ": cannot open file\n";
        return 1;
    }
    auto edi_options = server::loadEdiOptionsFile(options.value("--config").value_or(""));
    if (!edi_options) {
        std::cerr << "crossdock edi ingest: " << edi_options.error().message << "\n";
        return 1;
    }
    auto store = storage::Store::open(options.value("--db").value_or("sqlite:var/crossdock.db"));
    store->migrate();
    core::SystemClock clock;
    server::RuntimeOptions runtime_options;
    runtime_options.edi = *edi_options;
    server::Runtime runtime(*store, clock, runtime_options);
    auto result = server::ingestDocument(runtime, *options.value("--partner"), std::move(*bytes));
    if (!result) {
        std::cerr << "crossdock edi ingest: " << result.error().describe() << "\n";
        return 1;
    }
    std::cout << resultJson(*result) << "\n";
    for (const auto& e : result->errors) {
        std::cerr << file << ": " << e.code << " " << (e.segment.empty() ? "" : "segment " + e.segment + " ")
                  << (e.element.empty() ? "" : "element " + e.element + " ") << e.message << "\n";
    }
    return result->status == edi::MessageStatus::Processed ? 0 : 1;
}

}  // namespace

int ediCommand(const std::vector<std::string>& args) {
    auto options = parseOptions(args, {"--partner", "--db", "--config"}, {"--help"});
    if (options.has("--help") || (!args.empty() && (args.front() == "help"))) {
        std::cout << kEdiHelp;
        return 0;
    }
    const std::string sub = options.positional.empty() ? std::string() : options.positional.front();
    const bool shape_ok = options.positional.size() == 2 &&
                          (sub == "parse" || (sub == "ingest" && options.value("--partner").has_value()));
    if (!options.error.empty() || !shape_ok) {
        std::cerr << "crossdock edi: "
                  << (!options.error.empty() ? options.error
                      : sub == "ingest"      ? std::string("ingest needs FILE and --partner ID")
                                             : std::string("expected parse FILE or ingest FILE --partner ID"))
                  << "\n"
                  << kEdiHelp;
        return 2;
    }
    try {
        if (sub == "parse") return parseCommand(options.positional[1]);
        return ingestCommand(options.positional[1], options);
    } catch (const std::exception& e) {
        std::cerr << "crossdock edi " << sub << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace crossdock::cli
