// SegmentReader: delimiters from the ISA, zero-copy views, the reading rules for
// whitespace and line breaks, chunk boundaries, and the errors that stop reading.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/segment_reader.h"

using namespace crossdock::edi::x12;

namespace {

const std::string kIsa5010 =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
    "*240115*1200*^*00501*000000001*0*P*:~";
const std::string kIsa4010 =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
    "*240115*1200*U*00401*000000001*0*P*>~";

// Every segment of `bytes` as "ID|e1|e2..." strings, read in memory.
std::vector<std::string> readAll(SegmentReader& reader) {
    std::vector<std::string> out;
    Segment segment;
    for (;;) {
        auto more = reader.next(segment);
        BOOST_TEST_REQUIRE(more.ok(), (more.ok() ? "" : more.error().describe()));
        if (!*more) break;
        std::string text(segment.id());
        for (std::size_t k = 1; k <= segment.elementCount(); ++k)
            text += "|" + std::string(segment.element(k));
        out.push_back(text);
    }
    return out;
}

std::vector<std::string> readAll(const std::string& bytes) {
    SegmentReader reader(bytes);
    return readAll(reader);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(x12_reader)

BOOST_AUTO_TEST_CASE(delimiters_come_from_the_isa) {
    const std::string reader_bytes = kIsa5010 + "GS*FA*A*B*20240115*1200*1*X*005010~";
    SegmentReader reader(reader_bytes);
    Segment isa;
    BOOST_TEST_REQUIRE(reader.next(isa).value());
    BOOST_TEST(reader.delimiters().element == '*');
    BOOST_TEST(reader.delimiters().component == ':');
    BOOST_TEST(reader.delimiters().repetition == '^');
    BOOST_TEST(reader.delimiters().segment == '~');
    BOOST_TEST(isa.elementCount() == 16u);
    BOOST_TEST(isa.element(6) == "SENDER         ");
    BOOST_TEST(isa.element(16) == ":");
}

BOOST_AUTO_TEST_CASE(isa11_u_in_004010_is_not_a_repetition_separator) {
    const std::string reader_bytes = kIsa4010 + "REF*ZZ*A^B>C~";
    SegmentReader reader(reader_bytes);
    Segment segment;
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(!reader.delimiters().hasRepetition());
    BOOST_TEST(segment.element(11) == "U");
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(segment.repetitions(2).size() == 1u);
    BOOST_TEST(segment.components(2).size() == 2u);
    BOOST_TEST(segment.component(2, 1) == "A^B");
    BOOST_TEST(segment.component(2, 2) == "C");
}

BOOST_AUTO_TEST_CASE(segment_views_are_one_based_and_empty_past_the_end) {
    const std::string reader_bytes = kIsa5010 + "PO1*1**EA*A:B:*X^Y:Z~";
    SegmentReader reader(reader_bytes);
    Segment segment;
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(segment.id() == "PO1");
    BOOST_TEST(segment.element(0) == "PO1");
    BOOST_TEST(segment.elementCount() == 5u);
    BOOST_TEST(segment.element(1) == "1");
    BOOST_TEST(segment.element(2) == "");
    BOOST_TEST(segment.element(9) == "");
    BOOST_TEST(segment.components(4).size() == 3u);
    BOOST_TEST(segment.component(4, 3) == "");
    BOOST_TEST(segment.component(4, 4) == "");
    std::vector<std::string> repetitions;
    for (std::string_view piece : segment.repetitions(5)) repetitions.emplace_back(piece);
    BOOST_TEST((repetitions == std::vector<std::string>{"X", "Y:Z"}));
    BOOST_TEST(segment.text() == "PO1*1**EA*A:B:*X^Y:Z");
    BOOST_TEST(segment.index() == 2u);
    BOOST_TEST(segment.byteOffset() == kIsa5010.size());
    BOOST_TEST(segment.elementOffset(3) == kIsa5010.size() + 7);
    BOOST_TEST(segment.terminated());
}

BOOST_AUTO_TEST_CASE(a_bom_and_line_breaks_between_segments_are_skipped) {
    const std::string bytes = "\xEF\xBB\xBF" + kIsa5010 + "\r\n\tGS*FA~\r\n  ST*997*0001~\x1a";
    SegmentReader reader(bytes);
    Segment segment;
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(segment.byteOffset() == 3u);
    BOOST_TEST((readAll(reader) == std::vector<std::string>{"GS|FA", "ST|997|0001"}));
}

BOOST_AUTO_TEST_CASE(newline_as_terminator_and_blank_lines) {
    std::string isa = kIsa4010;
    isa.back() = '\n';
    const auto segments = readAll(isa + "GS*PO\n\nST*850*0001\r\nSE*2*0001\n");
    BOOST_TEST((segments.size() == 4u));
    BOOST_TEST(segments[2] == "ST|850|0001");  // CR before the LF terminator is trimmed
}

BOOST_AUTO_TEST_CASE(whitespace_before_a_terminator_is_not_data) {
    const auto segments = readAll(kIsa5010 + "SE*6*0001 ~GE*1*1\t \r\n~IEA*1*000000001\r\n~");
    BOOST_TEST(segments[1] == "SE|6|0001");
    BOOST_TEST(segments[2] == "GE|1|1");
    BOOST_TEST(segments[3] == "IEA|1|000000001");
}

BOOST_AUTO_TEST_CASE(line_breaks_inside_a_segment_are_wrapping) {
    const std::string reader_bytes = kIsa5010 + "N1*ST*AC\r\nME*92~IEA*1*0000\n00001~";
    SegmentReader reader(reader_bytes);
    Segment segment;
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(segment.repaired());
    BOOST_TEST(segment.element(2) == "ACME");
    BOOST_TEST(segment.element(3) == "92");
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(segment.element(2) == "000000001");
}

BOOST_AUTO_TEST_CASE(isa_inside_an_element_does_not_start_an_interchange) {
    const auto segments = readAll(kIsa5010 + "N1*ST*ISA*92~MSG*ISA*00*x~REF*ISA~");
    BOOST_TEST(
        (segments == std::vector<std::string>{segments[0], "N1|ST|ISA|92", "MSG|ISA|00|x", "REF|ISA"}));
}

BOOST_AUTO_TEST_CASE(each_interchange_brings_its_delimiters) {
    std::string second = kIsa4010;
    for (char& c : second) {
        if (c == '*') c = '|';
    }
    second.back() = '\n';
    const std::string reader_bytes = kIsa5010 + "IEA*1*000000001~\n" + second + "GS|PO\nIEA|1|000000001\n";
    SegmentReader reader(reader_bytes);
    const auto segments = readAll(reader);
    BOOST_TEST(segments.size() == 5u);
    BOOST_TEST(segments[3] == "GS|PO");
    BOOST_TEST(reader.delimiters().element == '|');
    BOOST_TEST(reader.delimiters().segment == '\n');
}

BOOST_AUTO_TEST_CASE(an_isa_that_is_not_fixed_width_still_gives_its_delimiters) {
    const auto segments = readAll("ISA*00* *00* *ZZ*A *ZZ*B*240115*1200*U*00401*000000001*0*T*>~GS*PO~");
    BOOST_TEST(segments.size() == 2u);
    BOOST_TEST(segments[1] == "GS|PO");
}

BOOST_AUTO_TEST_CASE(chunk_boundaries_do_not_change_what_is_read) {
    std::string bytes = "\xEF\xBB\xBF" + kIsa5010 + "\r\n";
    for (int i = 0; i < 40; ++i) {
        bytes += "PO1*" + std::to_string(i) + "*10*EA*A:B^C*" +
                 std::string(static_cast<std::size_t>(i * 7), 'x') + (i % 5 == 0 ? " ~\r\n" : "~") +
                 (i % 7 == 0 ? "N1*A\r\nB~" : "");
    }
    bytes += "IEA*1*000000001";  // cut: no terminator
    const auto expected = readAll(bytes);
    for (std::size_t chunk = 1; chunk <= 70; ++chunk) {
        MemorySource source(bytes, chunk);
        SegmentReader reader(source, ReaderOptions{4096, 1 << 20});
        BOOST_TEST_CONTEXT("chunk " << chunk) { BOOST_TEST(readAll(reader) == expected); }
    }
}

BOOST_AUTO_TEST_CASE(a_cut_last_segment_is_marked) {
    const std::string reader_bytes = kIsa5010 + "IEA*1*000000001";
    SegmentReader reader(reader_bytes);
    Segment segment;
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST_REQUIRE(reader.next(segment).value());
    BOOST_TEST(!segment.terminated());
    BOOST_TEST(segment.element(2) == "000000001");
    BOOST_TEST(!reader.next(segment).value());
}

BOOST_AUTO_TEST_CASE(input_that_is_not_x12_is_an_error_that_sticks) {
    const std::string reader_bytes = std::string("HELLO*WORLD~");
    SegmentReader reader(reader_bytes);
    Segment segment;
    auto first = reader.next(segment);
    BOOST_TEST_REQUIRE(!first.ok());
    BOOST_TEST(reader.failure().codeText() == "022");
    BOOST_TEST(!reader.next(segment).ok());
}

BOOST_AUTO_TEST_CASE(empty_input_has_no_segment) {
    const std::string reader_bytes = std::string(" \r\n");
    SegmentReader reader(reader_bytes);
    Segment segment;
    auto more = reader.next(segment);
    BOOST_TEST_REQUIRE(more.ok());
    BOOST_TEST(!*more);
}

BOOST_AUTO_TEST_CASE(invalid_delimiters_are_reported_with_their_ta1_code) {
    std::string same = kIsa5010;
    same.back() = '*';  // terminator equals the element separator
    const std::string reader_bytes = same + "GS*PO*";
    SegmentReader reader(reader_bytes);
    Segment segment;
    BOOST_TEST_REQUIRE(!reader.next(segment).ok());
    BOOST_TEST(reader.failure().codeText() == "004");

    std::string component = kIsa5010;
    component[component.size() - 2] = 'Z';  // ISA16 alphanumeric
    const std::string second_bytes = component + "GS*PO~";
    SegmentReader second(second_bytes);
    BOOST_TEST_REQUIRE(!second.next(segment).ok());
    BOOST_TEST(second.failure().codeText() == "027");
}

BOOST_AUTO_TEST_CASE(a_segment_over_the_cap_is_an_error_in_both_modes) {
    const std::string bytes = kIsa5010 + "MSG*" + std::string(10000, 'x') + "~";
    const ReaderOptions options{4096, 4096};
    SegmentReader in_memory(bytes, options);
    MemorySource source(bytes, 1000);
    SegmentReader streamed(source, options);
    for (SegmentReader* reader : {&in_memory, &streamed}) {
        Segment segment;
        BOOST_TEST_REQUIRE(reader->next(segment).value());
        BOOST_TEST_REQUIRE(!reader->next(segment).ok());
        BOOST_TEST(reader->failure().codeText() == "024");
        BOOST_TEST(reader->failure().location.byte_offset == kIsa5010.size());
    }
}

BOOST_AUTO_TEST_CASE(one_huge_segment_grows_the_buffer_up_to_the_cap) {
    const std::string bytes = kIsa5010 + "MSG*" + std::string(200000, 'x') + "~IEA*1*1~";
    MemorySource source(bytes, 5000);
    SegmentReader reader(source, ReaderOptions{4096, 1 << 20});
    const auto segments = readAll(reader);
    BOOST_TEST(segments.size() == 3u);
    BOOST_TEST(segments[1].size() == 200004u);
    BOOST_TEST(reader.peakMemoryFootprint() >= 200000u);
}

BOOST_AUTO_TEST_CASE(pieces_split_and_count) {
    Pieces pieces("a::b", ':');
    BOOST_TEST(pieces.size() == 3u);
    BOOST_TEST(pieces.at(1) == "a");
    BOOST_TEST(pieces.at(2) == "");
    BOOST_TEST(pieces.at(3) == "b");
    BOOST_TEST(pieces.at(0) == "");
    BOOST_TEST(Pieces("", ':').size() == 1u);
    BOOST_TEST(Pieces("a:b", '\0').size() == 1u);
    std::size_t n = 0;
    for (std::string_view piece : Pieces(":", ':')) n += piece.empty() ? 1u : 100u;
    BOOST_TEST(n == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
