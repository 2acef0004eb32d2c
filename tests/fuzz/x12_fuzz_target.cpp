// libFuzzer target: any bytes through the X12 reader and envelope checks
// (InterchangeParser, in memory and streamed in small chunks), the 850 map, the
// acknowledgement builders and writers (997/999/TA1), and the canonical JSON renderer.
// Never a crash, a sanitizer report, or an acknowledgement our own parser rejects; and
// the same canonical JSON from every SIMD kernel and from the per-segment scan.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crossdock/edi/maps/acknowledgement.h"
#include "crossdock/edi/maps/inbound.h"
#include "crossdock/edi/x12/byte_source.h"
#include "crossdock/edi/x12/interchange_parser.h"
#include "crossdock/edi/x12/json.h"

namespace {

using namespace crossdock::edi;

maps::PartnerMapping partner() {
    maps::PartnerMapping mapping;
    mapping.customer_id = "FUZZ";
    mapping.item_xref = {{"A-100", "SKU-100"}, {"00012345678905", "SKU-GTIN"}};
    mapping.uom_map = {{"CA", "CS"}};
    return mapping;
}

// An acknowledgement we write must parse without an error, else abort (a finding).
void mustReparse(const std::string& bytes) {
    x12::EnvelopeHandler ignore;
    x12::InterchangeParser parser(ignore);
    if (!parser.parse(bytes).ok()) std::abort();
}

void acknowledge(const maps::InboundDocument& document) {
    maps::OutboundEnvelope envelope;
    envelope.receiver_id = "FUZZPARTNER";
    envelope.receiver_gs = "FUZZPARTNER";
    envelope.date = "20240101";
    envelope.time = "0000";
    for (const auto& interchange : document.interchanges) {
        const auto acks = maps::buildFunctionalAcks(interchange);
        if (!acks.empty()) {
            auto bytes = maps::writeFunctionalAcks(acks, envelope);
            if (!bytes.ok()) std::abort();  // inbound text is cleaned: writing must not fail
            mustReparse(*bytes);
        }
        const auto ta1 = maps::decideTa1(interchange);
        auto bytes = maps::writeTa1(interchange.info, ta1.acknowledgment, ta1.note, envelope);
        if (!bytes.ok()) std::abort();
        mustReparse(*bytes);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static const maps::PartnerMapping mapping = partner();
    const maps::InboundDocument document = maps::readInbound(bytes, mapping);
    acknowledge(document);

    // Streamed in 7-byte chunks: the same structure must come out.
    x12::EnvelopeHandler ignore;
    x12::InterchangeParser streamed(ignore);
    const std::string copy(bytes);
    x12::MemorySource source(copy, 7);
    const auto summary = streamed.parse(source);
    if (summary.segments != document.summary.segments || summary.errors != document.summary.errors)
        std::abort();

    // Every SIMD kernel with the block index, and the per-segment scan alone, must give
    // the same canonical JSON (differential: any mismatch is a finding).
    const std::string reference = x12::toCanonicalJson(bytes);
    x12::ParseOptions options;
    for (const auto kernel : {x12::SimdKernel::Avx2, x12::SimdKernel::Sse2, x12::SimdKernel::Scalar}) {
        options.reader.kernel = kernel;
        if (x12::toCanonicalJson(bytes, options) != reference) std::abort();
    }
    options.reader.block_index = false;
    if (x12::toCanonicalJson(bytes, options) != reference) std::abort();
    return 0;
}
