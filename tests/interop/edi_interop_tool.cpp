// The C++ half of the node-x12 interoperability test (node_x12_interop.js):
//   edi_interop_tool write OUTDIR   writes every outbound case (855/856/810 from
//       tests/data/x12/<doc>/*.json, 997/999/TA1 from tests/data/x12/850/*.edi) as
//       OUTDIR/<doc>_<case>.edi, beside <doc>_<case>.json: the segments our own parser
//       reads in them ([[id, element...], ...] per interchange, envelopes included).
//       Each 855 and 997/999 is also written with a partner profile's own delimiters
//       (x12.element_separator "|", component "^", repetition "!", terminator LF), applied
//       as the pipeline applies them: OUTDIR/<doc>_pipes_<case>.edi.
//   edi_interop_tool map850 FILE    prints the 850 map's result for FILE as JSON.
// Exit 0 on success, 1 on a failure (message on stderr), 2 on usage errors.

#include <filesystem>
#include <iostream>

#include "crossdock/core/json.h"
#include "crossdock/edi/partner.h"
#include "crossdock/edi/x12/interchange_parser.h"
#include "maps_test_support.h"

namespace fs = std::filesystem;
using namespace crossdock;
using namespace crossdock::edi::maps;
using namespace crossdock::edi::maps::testing;
using core::Json;

namespace {

// Every segment of the input (ISA..IEA) as [id, elements...]; ISA fields as written.
class AllSegments : public edi::x12::EnvelopeHandler {
public:
    Json segments = Json::array();
    void onInterchangeStart(const edi::x12::InterchangeInfo&, const edi::x12::Segment& s) override { add(s); }
    void onGroupStart(const edi::x12::GroupInfo&, const edi::x12::Segment& s) override { add(s); }
    void onTransactionStart(const edi::x12::TransactionInfo&, const edi::x12::Segment& s) override { add(s); }
    void onSegment(const edi::x12::Segment& s, std::size_t) override { add(s); }
    void onTransactionEnd(const edi::x12::TransactionInfo&, const edi::x12::Segment* s,
                          const edi::x12::TransactionResult&) override {
        if (s != nullptr) add(*s);
    }
    void onGroupEnd(const edi::x12::GroupInfo&, const edi::x12::Segment* s,
                    const edi::x12::GroupResult&) override {
        if (s != nullptr) add(*s);
    }
    void onInterchangeEnd(const edi::x12::InterchangeInfo&, const edi::x12::Segment* s,
                          const edi::x12::InterchangeResult&) override {
        if (s != nullptr) add(*s);
    }
    void onIssue(const edi::x12::Issue& issue) override {
        if (issue.isError()) errors.push_back(issue.describe());
    }
    std::vector<std::string> errors;

private:
    void add(const edi::x12::Segment& segment) {
        Json row = Json::array({Json(std::string(segment.id()))});
        for (std::size_t e = 1; e <= segment.elementCount(); ++e)
            row.push(Json(std::string(segment.element(e))));
        segments.push(std::move(row));
    }
};

bool emit(const fs::path& out, const std::string& name, const std::string& bytes) {
    AllSegments all;
    edi::x12::InterchangeParser parser(all);
    (void)parser.parse(bytes);
    if (!all.errors.empty()) {
        std::cerr << name << ": " << all.errors.front() << "\n";
        return false;
    }
    writeFile(out / (name + ".edi"), bytes);
    writeFile(out / (name + ".json"), core::toJsonString(all.segments));
    return true;
}

// The envelope for a partner whose profile names its own delimiters.
OutboundEnvelope pipesEnvelope(const std::string& version) {
    const Json profile = core::parseJson(R"({"id":"PIPES","name":"Pipes","customer_id":"ACME",
        "formats":["x12-004010","x12-005010"],"x12":{"isa_qualifier":"ZZ","isa_id":"ACMEBUYER",
        "gs_id":"ACMEBUYER","element_separator":"|","component_separator":"^",
        "repetition_separator":"!","segment_terminator":"\n"}})")
                             .value();
    OutboundEnvelope envelope = testEnvelope(version);
    edi::applyPartnerSyntax(envelope, *edi::partnerFromJson(profile).value().x12);
    return envelope;
}

bool writeOutbound(const fs::path& out, const std::string& doc) {
    for (const auto& path : filesIn(testData() / doc, ".json")) {
        const Json json = core::parseJson(readFile(path)).value();
        const Json* v = json.find("version");
        const OutboundEnvelope envelope = testEnvelope(v != nullptr ? v->asString() : "004010");
        const sales::Order order = orderFromJson(*json.find("order"));
        core::Result<std::string> bytes = std::string();
        if (doc == "855") bytes = write855(order, envelope);
        if (doc == "856") bytes = write856(shipmentFromJson(*json.find("shipment")), order, envelope);
        if (doc == "810") bytes = write810(invoiceFromJson(*json.find("invoice")), envelope, &order);
        if (!bytes.ok() || !emit(out, doc + "_" + path.stem().string(), *bytes)) return false;
        if (doc != "855") continue;
        auto pipes = write855(order, pipesEnvelope(v != nullptr ? v->asString() : "004010"));
        if (!pipes.ok() || !emit(out, doc + "_pipes_" + path.stem().string(), *pipes)) return false;
    }
    return true;
}

bool writeAcknowledgements(const fs::path& out) {
    const PartnerMapping partner = loadPartner(testData() / "850" / "partner.json");
    for (const auto& path : filesIn(testData() / "850", ".edi")) {
        const InboundDocument document = readInbound(readFile(path), partner);
        const auto& interchange = document.interchanges.at(0);
        const auto acks = buildFunctionalAcks(interchange);
        auto bytes = writeFunctionalAcks(acks, testEnvelope());
        const std::string kind = acks.at(0).implementation ? "999" : "997";
        if (!bytes.ok() || !emit(out, kind + "_" + path.stem().string(), *bytes)) return false;
        auto pipes = writeFunctionalAcks(acks, pipesEnvelope("004010"));
        if (!pipes.ok() || !emit(out, kind + "_pipes_" + path.stem().string(), *pipes)) return false;
        const Ta1Decision ta1 = decideTa1(interchange);
        if (!ta1.needed) continue;
        auto ta1_bytes = writeTa1(interchange.info, ta1.acknowledgment, ta1.note, testEnvelope());
        if (!ta1_bytes.ok() || !emit(out, "TA1_" + path.stem().string(), *ta1_bytes)) return false;
    }
    return true;
}

int map850(const fs::path& file) {
    const PartnerMapping partner = loadPartner(testData() / "850" / "partner.json");
    const InboundDocument document = readInbound(readFile(file), partner);
    std::cout << core::toPrettyJsonString(inboundJson(document)) << "\n";
    return document.clean() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: edi_interop_tool write OUTDIR | map850 FILE\n";
        return 2;
    }
    const std::string command = argv[1];
    try {
        if (command == "map850") return map850(argv[2]);
        if (command != "write") return 2;
        const fs::path out = argv[2];
        fs::create_directories(out);
        const bool ok = writeOutbound(out, "855") && writeOutbound(out, "856") && writeOutbound(out, "810") &&
                        writeAcknowledgements(out);
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "edi_interop_tool: " << e.what() << "\n";
        return 1;
    }
}
