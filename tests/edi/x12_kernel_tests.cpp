// The block index and every SIMD kernel read exactly as the per-segment scan does.
// Reference: ReaderOptions::block_index = false (each segment scanned on its own).
// Compared: every segment the reader returns (offset, flags, elements) and the
// canonical JSON (issues with their codes and positions), in memory and streamed in
// odd chunk sizes, over the test data, the public corpus and mutated 850s.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/byte_source.h"
#include "crossdock/edi/x12/interchange_parser.h"
#include "crossdock/edi/x12/json.h"
#include "crossdock/edi/x12/segment_reader.h"
#include "x12_test_support.h"

using namespace crossdock::edi::x12;
namespace fs = std::filesystem;

namespace {

constexpr SimdKernel kKernels[] = {SimdKernel::Best, SimdKernel::Avx512, SimdKernel::Avx2, SimdKernel::Sse2,
                                   SimdKernel::Scalar};

// Every segment as one line: ordinal, offset, flags, elements; then how reading ended.
std::string dumpSegments(SegmentReader& reader) {
    std::string out;
    Segment segment;
    while (reader.advance(segment)) {
        out += std::to_string(segment.index()) + "@" + std::to_string(segment.byteOffset()) +
               (segment.terminated() ? "" : " cut") + (segment.repaired() ? " repaired" : "") + ":";
        for (std::size_t k = 0; k <= segment.elementCount(); ++k) {
            out += "[" + std::string(segment.element(k)) + "]" + std::to_string(segment.elementOffset(k));
        }
        out += '\n';
    }
    if (reader.failed()) out += "failed " + toCoreError(reader.failure()).message;
    return out + " consumed " + std::to_string(reader.bytesConsumed());
}

std::string readAll(std::string_view bytes, const ReaderOptions& options, std::size_t chunk) {
    if (chunk == 0) {
        SegmentReader reader(bytes, options);
        return dumpSegments(reader);
    }
    MemorySource source(bytes, chunk);
    SegmentReader reader(source, options);
    return dumpSegments(reader);
}

std::string json(std::string_view bytes, const ReaderOptions& reader, std::size_t chunk) {
    ParseOptions options;
    options.reader = reader;
    if (chunk == 0) return toCanonicalJson(bytes, options);
    std::ostringstream out;
    JsonRenderer renderer(out);
    InterchangeParser parser(renderer, options);
    MemorySource source(bytes, chunk);
    renderer.finish(parser.parse(source));
    return std::move(out).str();
}

// Compares every kernel, in memory and streamed, with the per-segment scan.
void checkSame(const std::string& name, std::string_view bytes, std::size_t max_segment = 1024 * 1024) {
    ReaderOptions reference;
    reference.block_index = false;
    reference.max_segment_size = max_segment;
    const std::string expected_segments = readAll(bytes, reference, 0);
    const std::string expected_json = json(bytes, reference, 0);
    const std::size_t chunks[] = {0, 61, 4099, bytes.size() < 20000 ? std::size_t{1} : std::size_t{997}};
    for (const SimdKernel kernel : kKernels) {
        ReaderOptions options;
        options.kernel = kernel;
        options.max_segment_size = max_segment;
        for (const std::size_t chunk : chunks) {
            BOOST_TEST_CONTEXT(name << " kernel " << static_cast<int>(kernel) << " chunk " << chunk) {
                BOOST_TEST(readAll(bytes, options, chunk) == expected_segments);
                BOOST_TEST(json(bytes, options, chunk) == expected_json);
            }
        }
    }
}

bool looksLikeX12(const std::string& text) {
    const std::size_t at = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    return text.compare(at, 3, "ISA") == 0;
}

std::string sample(std::size_t sets) {
    testing::PurchaseOrderGenerator generator(12);
    std::string text = generator.header();
    for (std::size_t k = 0; k < sets; ++k) text += generator.transaction();
    return text + generator.trailer();
}

// Mutations that exercise the reading rules: line breaks and spaces inside segments
// and before terminators, empty segments, stray delimiters, "ISA" inside elements,
// segments longer than a 4 KiB window, removed bytes, and any byte.
std::string mutate(std::string text, std::uint64_t& state, int edits) {
    static const char* const kInserts[] = {"\r\n",
                                           "\n",
                                           " ",
                                           "~",
                                           "~~",
                                           "*",
                                           "ISA*",
                                           "\r",
                                           "\t~",
                                           "*:*^",
                                           "IEA*1*000000001~",
                                           "\x1a",
                                           std::string(5000, 'Z').c_str()};
    for (int k = 0; k < edits && !text.empty(); ++k) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::size_t at = 106 + static_cast<std::size_t>(state >> 33) % (text.size() - 106);
        const auto choice = static_cast<std::size_t>((state >> 20) % 16);
        if (choice < 12) {
            text.insert(at, kInserts[choice]);
        } else if (choice == 12) {
            text.insert(at, std::string(5000, 'Z'));
        } else if (choice == 13) {
            text.erase(at, 1 + (state >> 8) % 7);
        } else {
            text[at] = static_cast<char>(state >> 40);
        }
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(x12_kernels)

BOOST_AUTO_TEST_CASE(test_data_reads_the_same_with_every_kernel) {
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(testing::testData())) {
        if (!entry.is_regular_file()) continue;
        const std::string text = testing::readFile(entry.path());
        if (!looksLikeX12(text)) continue;
        checkSame(entry.path().filename().string(), text);
        ++files;
    }
    BOOST_TEST(files >= 20u);
}

BOOST_AUTO_TEST_CASE(corpus_reads_the_same_with_every_kernel) {
    const fs::path corpus = CROSSDOCK_CORPUS_DIR;
    if (!fs::exists(corpus)) return;  // edi_conformance reports a missing corpus
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        if (!entry.is_regular_file() || entry.file_size() > 4 * 1024 * 1024) continue;
        const std::string text = testing::readFile(entry.path());
        if (looksLikeX12(text)) checkSame(entry.path().filename().string(), text);
    }
}

BOOST_AUTO_TEST_CASE(mutated_purchase_orders_read_the_same_with_every_kernel) {
    const std::string base = sample(6);
    std::uint64_t state = 7;
    for (int round = 0; round < 120; ++round) {
        const std::string text = mutate(base, state, 1 + round % 9);
        checkSame("mutation " + std::to_string(round), text, round % 4 == 0 ? 4500 : 1024 * 1024);
    }
}

BOOST_AUTO_TEST_CASE(newline_terminators_and_crlf_read_the_same_with_every_kernel) {
    std::string lf = sample(3);
    for (char& c : lf) {
        if (c == '~') c = '\n';
    }
    std::string crlf;
    for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    std::string bom_crlf_tilde = "\xEF\xBB\xBF" + sample(3);
    std::string spaced = sample(3);
    for (std::size_t at = spaced.find("~\n"); at != std::string::npos; at = spaced.find("~\n", at + 4)) {
        spaced.insert(at, "  ");
    }
    checkSame("newline terminator", lf);
    checkSame("newline terminator, CR LF", crlf);
    checkSame("BOM", bom_crlf_tilde);
    checkSame("spaces before terminators", spaced);
}

// The parser's batch path (SegmentReader::advanceMany) takes runs of ordinary body
// segments and hands everything else back: ids starting with I, S or G, ids that are
// not valid (lowercase, punctuation, 1 or 4 bytes), segments after CR LF, after LF CR
// LF, after spaces or tabs, with whitespace before their terminator, across windows.
BOOST_AUTO_TEST_CASE(body_segments_the_batch_path_hands_back_read_the_same_with_every_kernel) {
    static const char* const kIds[] = {"IT1", "SLN", "G62", "po1", "P@1", "Z", "ZZZZ", "N9", "PO1"};
    static const char* const kGaps[] = {"~\n", "~\r\n", "~\n\r\n", "~\n  ", "~\t", "~", " ~\n", "\t~\r\n"};
    const std::string base = sample(8);
    std::string text;
    std::size_t k = 0;
    for (std::size_t at = 0; at < base.size();) {
        const std::size_t end = base.find("~\n", at);
        if (end == std::string::npos) {
            text += base.substr(at);
            break;
        }
        std::string segment = base.substr(at, end - at);
        if (segment.rfind("PID*", 0) == 0 && k % 3 == 0) segment.replace(0, 3, kIds[(k / 3) % 9]);
        text +=
            segment + (segment.rfind("IEA", 0) == 0 || segment.rfind("ISA", 0) == 0 ? "~\n" : kGaps[k % 8]);
        at = end + 2;
        ++k;
    }
    checkSame("batch hand-backs", text);
}

// The batch path's per-window answers: a size cap below the 4 KiB window (segments just
// under and over it inside a set), and short segments within 4 bytes of the end of the data
// (the input ends inside a set: no SE, GE or IEA).
BOOST_AUTO_TEST_CASE(size_cap_below_the_window_and_short_last_segments_read_the_same_with_every_kernel) {
    testing::PurchaseOrderGenerator generator(6);
    const std::string head = generator.header() + generator.transaction();
    const std::string set = generator.transaction();
    const std::size_t po1 = set.find("PO1*");
    for (const std::size_t cap : {std::size_t{1100}, std::size_t{2000}}) {
        for (const std::size_t length : {1000u, 1080u, 1095u, 1500u, 1990u, 2100u, 3000u}) {
            std::string body = set;
            body.insert(po1, "PID*F****" + std::string(length, 'X') + "~\n");
            const std::string text = head + body + generator.trailer();
            checkSame("cap " + std::to_string(cap) + " PID of " + std::to_string(length), text, cap);
        }
    }
    for (const char* const tail : {"N9~", "N~", "X~\n", "N9~\n", "AB~ ", "PO1*1~", "PID*F~"}) {
        checkSame(std::string("ends with ") + tail, head + set.substr(0, po1) + tail);
    }
}

BOOST_AUTO_TEST_SUITE_END()
