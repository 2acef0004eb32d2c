// x12_bench: how fast the X12 syntax layer reads, against the ceiling of merely
// finding the segment terminators with memchr in the same bytes, in the same run.
//
// Input: a deterministic 50 MB interchange of 850 purchase orders (30 PO1 lines each,
// "~" + LF after every segment), generated in memory. Figures:
//   memchr      count segments by memchr on '~' (the ceiling)
//   reader      SegmentReader over the buffer, touching every element
//   parse       InterchangeParser (envelopes checked) touching every element: the headline
//   stream      the same, fed through a CallbackSource in 64 KiB chunks
// Rounds interleave the four so that a busy machine slows them alike; each figure is
// its best of 7 rounds, in CPU time of the measuring thread. MB = 10^6 bytes. Peak resident memory is VmHWM
// of this process. Usage: x12_bench [megabytes] [only=memchr|reader|parse|stream] (only=: for a profiler)
// [kernel=avx512|avx2|sse2|scalar|scan] (how the reader finds delimiters; scan: no block
// index, each segment scanned on its own; default: the best this CPU has).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>

#include "crossdock/edi/x12/interchange_parser.h"
#include "crossdock/edi/x12/segment_reader.h"

using namespace crossdock::edi::x12;

namespace {

constexpr int kRounds = 7;

ReaderOptions g_reader;  // kernel=...

std::string generate(std::size_t target) {
    std::string text;
    text.reserve(target + 4096);
    text +=
        "ISA*00*          *00*          *ZZ*BUYER          *ZZ*CROSSDOCK      *240115*1200*^*00501*"
        "000000001*0*P*:~\nGS*PO*BUYER*CROSSDOCK*20240115*1200*1*X*005010~\n";
    std::uint64_t state = 42;
    std::size_t sets = 0;
    constexpr int kLines = 30;
    char line[256];
    while (text.size() < target) {
        const std::size_t n = ++sets;
        std::snprintf(line, sizeof line, "ST*850*%06zu~\nBEG*00*SA*PO%zu**20240115~\nREF*DP*038~\n", n, n);
        text += line;
        text +=
            "DTM*002*20240201~\nN1*ST*ACME STORES 42*92*0042~\nN3*100 MAIN ST~\nN4*SPRINGFIELD*IL*62701~\n";
        for (int k = 1; k <= kLines; ++k) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            std::snprintf(
                line, sizeof line,
                "PO1*%d*%llu*EA*%llu.%02llu**VP*SKU-%05llu*UP*0001234%05llu~\nPID*F****WIDGET:BLUE~\n", k,
                static_cast<unsigned long long>(1 + (state >> 33) % 500),
                static_cast<unsigned long long>((state >> 17) % 1000),
                static_cast<unsigned long long>((state >> 11) % 100),
                static_cast<unsigned long long>((state >> 40) % 100000),
                static_cast<unsigned long long>((state >> 20) % 100000));
            text += line;
        }
        std::snprintf(line, sizeof line, "CTT*%d~\nSE*%d*%06zu~\n", kLines, 8 + 2 * kLines + 1, n);
        text += line;
    }
    text += "GE*" + std::to_string(sets) + "*1~\nIEA*1*000000001~\n";
    return text;
}

// CPU time of this thread: on a shared machine, time spent descheduled does not count.
double threadSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

template <typename Run>
double seconds(Run run, std::uint64_t& check) {
    const double start = threadSeconds();
    check = run();
    return threadSeconds() - start;
}

std::uint64_t memchrSplit(const std::string& bytes) {
    std::uint64_t segments = 0;
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    while (const void* hit = std::memchr(p, '~', static_cast<std::size_t>(end - p))) {
        p = static_cast<const char*>(hit) + 1;
        ++segments;
    }
    return segments;
}

std::uint64_t touch(const Segment& segment) {
    std::uint64_t sum = 0;
    for (std::size_t k = 1; k <= segment.elementCount(); ++k) {
        const std::string_view element = segment.element(k);
        sum += element.size() + (element.empty() ? 0u : static_cast<unsigned char>(element[0]));
    }
    return sum;
}

std::uint64_t readerOnly(const std::string& bytes) {
    SegmentReader reader(std::string_view{bytes}, g_reader);
    Segment segment;
    std::uint64_t sum = 0;
    while (reader.next(segment).value()) sum += touch(segment);
    return sum;
}

class TouchingHandler final : public EnvelopeHandler {
public:
    std::uint64_t sum = 0;
    void onSegment(const Segment& segment, std::size_t) override { sum += touch(segment); }
};

std::uint64_t parseAll(const std::string& bytes, bool streamed, std::size_t* peak = nullptr) {
    TouchingHandler handler;
    ParseOptions options;
    options.reader = g_reader;
    InterchangeParser parser(handler, options);
    ParseSummary summary;
    if (streamed) {
        std::size_t offset = 0;
        CallbackSource source([&](char* destination, std::size_t capacity) {
            const std::size_t n = std::min({capacity, bytes.size() - offset, std::size_t{64 * 1024}});
            std::memcpy(destination, bytes.data() + offset, n);
            offset += n;
            return n;
        });
        summary = parser.parse(source);
    } else {
        summary = parser.parse(std::string_view{bytes});
    }
    if (!summary.ok()) {
        std::fprintf(stderr, "x12_bench: the generated input has %zu errors\n", summary.errors);
        std::exit(1);
    }
    if (peak != nullptr) *peak = summary.peak_memory;
    return handler.sum;
}

double peakResidentMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) * 1024.0 / 1e6;
    }
    return 0.0;
}

void jsonLine(const char* figure, double value, const char* unit) {
    std::printf("{\"bench\":\"x12\",\"figure\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", figure, value,
                unit);
}

void row(const char* what, double mb_per_s, double ceiling) {
    std::printf("  %-36s %10.0f %9.0f%%\n", what, mb_per_s, 100.0 * mb_per_s / ceiling);
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 50;
    std::string only;
    for (int k = 2; k < argc; ++k) {
        const std::string arg = argv[k];
        if (arg.rfind("only=", 0) == 0) only = arg;
        if (arg == "kernel=avx512") g_reader.kernel = SimdKernel::Avx512;
        if (arg == "kernel=avx2") g_reader.kernel = SimdKernel::Avx2;
        if (arg == "kernel=sse2") g_reader.kernel = SimdKernel::Sse2;
        if (arg == "kernel=scalar") g_reader.kernel = SimdKernel::Scalar;
        if (arg == "kernel=scan") g_reader.block_index = false;
    }
    const std::string bytes = generate(megabytes * 1000 * 1000);
    const double mb = static_cast<double>(bytes.size()) / 1e6;

    std::uint64_t segments = 0;
    std::uint64_t reader_check = 0;
    std::uint64_t parse_check = 0;
    std::uint64_t stream_check = 0;
    std::size_t stream_peak = 0;
    double memchr_s = 1e9;
    double reader_s = 1e9;
    double parse_s = 1e9;
    double stream_s = 1e9;
    auto wanted = [&](const char* what) { return only.empty() || only == std::string("only=") + what; };
    for (int round = 0; round < kRounds; ++round) {
        if (wanted("memchr"))
            memchr_s = std::min(memchr_s, seconds([&] { return memchrSplit(bytes); }, segments));
        if (wanted("reader"))
            reader_s = std::min(reader_s, seconds([&] { return readerOnly(bytes); }, reader_check));
        if (wanted("parse"))
            parse_s = std::min(parse_s, seconds([&] { return parseAll(bytes, false); }, parse_check));
        if (wanted("stream")) {
            stream_s = std::min(stream_s,
                                seconds([&] { return parseAll(bytes, true, &stream_peak); }, stream_check));
        }
    }
    if (!only.empty()) return 0;
    if (parse_check != stream_check || parse_check == 0 || reader_check <= parse_check) {
        std::fprintf(stderr, "x12_bench: the reader, in-memory and streamed parses disagree\n");
        return 1;
    }
    const double memchr_rate = mb / memchr_s;
    const double parse_rate = mb / parse_s;
    const double rss = peakResidentMb();

    std::printf("X12 parse, %.1f MB of 850s, %llu segments (best of %d interleaved rounds)\n", mb,
                static_cast<unsigned long long>(segments), kRounds);
    std::printf("  %-36s %10s %10s\n", "what", "MB/s", "vs memchr");
    row("memchr split on '~' (ceiling)", memchr_rate, memchr_rate);
    row("SegmentReader, every element", mb / reader_s, memchr_rate);
    row("InterchangeParser, every element", parse_rate, memchr_rate);
    row("  streamed in 64 KiB chunks", mb / stream_s, memchr_rate);
    std::printf("  peak resident %.1f MB for %.1f MB of input (%.2fx); streaming reader memory %.0f KiB\n",
                rss, mb, rss / mb, static_cast<double>(stream_peak) / 1024.0);
    std::printf("  targets: >= 500 MB/s and >= 40%% of memchr; resident <= 2x input\n");

    jsonLine("input_mb", mb, "MB");
    jsonLine("parse_mb_per_s", parse_rate, "MB/s");
    jsonLine("memchr_mb_per_s", memchr_rate, "MB/s");
    jsonLine("parse_vs_memchr", parse_rate / memchr_rate, "ratio");
    jsonLine("reader_mb_per_s", mb / reader_s, "MB/s");
    jsonLine("stream_parse_mb_per_s", mb / stream_s, "MB/s");
    jsonLine("peak_rss_mb", rss, "MB");
    jsonLine("peak_rss_vs_input", rss / mb, "ratio");
    jsonLine("stream_reader_memory_kib", static_cast<double>(stream_peak) / 1024.0, "KiB");
    return 0;
}
