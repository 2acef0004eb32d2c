// SegmentWriter and EnvelopeBuilder: fixed-width ISA, computed counts, per-partner
// delimiters, refusal of data holding a delimiter, and a round trip through the parser.

#include <string>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/envelope_builder.h"
#include "crossdock/edi/x12/interchange_parser.h"
#include "crossdock/edi/x12/segment_writer.h"
#include "x12_test_support.h"

using namespace crossdock::edi::x12;
using crossdock::core::ErrorCode;

namespace {

InterchangeHeader header(std::string version = "00501") {
    InterchangeHeader h;
    h.sender_id = "CROSSDOCK";
    h.receiver_qualifier = "01";
    h.receiver_id = "123456789";
    h.date = "20240115";
    h.time = "0930";
    h.version = std::move(version);
    h.control_number = 42;
    return h;
}

GroupHeader group() {
    GroupHeader g;
    g.functional_id = "FA";
    g.sender = "CROSSDOCK";
    g.receiver = "PARTNER";
    g.date = "20240115";
    g.time = "0930";
    g.control_number = 7;
    return g;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(x12_writer)

BOOST_AUTO_TEST_CASE(isa_fields_are_fixed_width) {
    SegmentWriter writer;
    EnvelopeBuilder builder(writer);
    BOOST_TEST_REQUIRE(builder.beginInterchange(header()).ok());
    const std::string isa = writer.text();
    BOOST_TEST(isa.size() == 106u);
    BOOST_TEST(isa ==
               "ISA*00*          *00*          *ZZ*CROSSDOCK      *01*123456789      *240115*0930*^*00501*"
               "000000042*0*P*>~");
}

BOOST_AUTO_TEST_CASE(envelopes_get_their_counts_and_control_numbers) {
    SegmentWriter writer(Delimiters{'*', ':', '^', '~'}, "\n");
    EnvelopeBuilder builder(writer);
    BOOST_TEST_REQUIRE(builder.beginInterchange(header()).ok());
    BOOST_TEST_REQUIRE(builder.beginGroup(group()).ok());
    for (const char* control : {"0001", "0002"}) {
        BOOST_TEST_REQUIRE(builder.beginTransaction("997", control, "005010X230").ok());
        BOOST_TEST_REQUIRE(writer.write("AK1", {"PO", "1"}).ok());
        BOOST_TEST_REQUIRE(writer.write("AK9", {"A", "1", "1", "1"}).ok());
        BOOST_TEST_REQUIRE(builder.endTransaction().ok());
    }
    BOOST_TEST_REQUIRE(builder.endGroup().ok());
    BOOST_TEST_REQUIRE(builder.endInterchange().ok());
    const std::string text = writer.text();
    BOOST_TEST(text.find("ST*997*0001*005010X230~\nAK1*PO*1~\nAK9*A*1*1*1~\nSE*4*0001~\n") !=
               std::string::npos);
    BOOST_TEST(text.find("GE*2*7~\nIEA*1*000000042~\n") != std::string::npos);

    testing::RecordingHandler handler;
    InterchangeParser parser(handler);
    const ParseSummary summary = parser.parse(text);
    BOOST_TEST(summary.ok());
    BOOST_TEST(summary.warnings == 0u);
    BOOST_TEST(summary.transactions == 2u);
}

BOOST_AUTO_TEST_CASE(trailing_empty_elements_and_components_are_omitted) {
    SegmentWriter writer;
    BOOST_TEST_REQUIRE(
        writer.begin("PO1").element("1").element("").composite({"A", "", ""}).element("").end().ok());
    BOOST_TEST_REQUIRE(writer.begin("REF").element("ZZ").repeated({"A", "B>C", ""}).end().ok());
    BOOST_TEST_REQUIRE(writer.write("CTT", {"", ""}).ok());
    BOOST_TEST(writer.text() == "PO1*1**A~REF*ZZ*A^B>C~CTT~");
    BOOST_TEST(writer.segmentCount() == 3u);
}

BOOST_AUTO_TEST_CASE(data_holding_a_delimiter_is_refused) {
    SegmentWriter writer;
    for (const char* bad : {"A*B", "A~B", "A>B", "A^B", "A\nB"}) {
        const auto status = writer.write("N1", {"ST", bad});
        BOOST_TEST_REQUIRE(!status.ok());
        BOOST_TEST((status.error().code == ErrorCode::InvalidArgument));
        BOOST_TEST(status.error().message.find("N102") != std::string::npos);
    }
    BOOST_TEST(!writer.begin("N1").composite({"A", "B:C*"}).end().ok());
    BOOST_TEST(writer.text().empty());
    BOOST_TEST(writer.segmentCount() == 0u);
    BOOST_TEST(writer.write("N1", {"ST", "A:B"}).ok());  // ':' is data with '>' as component separator
}

BOOST_AUTO_TEST_CASE(version_004010_has_no_repetition_separator) {
    SegmentWriter writer;
    EnvelopeBuilder builder(writer);
    BOOST_TEST_REQUIRE(builder.beginInterchange(header("00401")).ok());
    BOOST_TEST(writer.text().substr(82, 1) == "U");
    BOOST_TEST(writer.write("REF", {"ZZ", "A^B"}).ok());  // '^' is data in 004010
    BOOST_TEST(
        (writer.begin("REF").repeated({"A", "B"}).end().error().code == ErrorCode::FailedPrecondition));
}

BOOST_AUTO_TEST_CASE(partner_delimiters_are_used_everywhere) {
    SegmentWriter writer(Delimiters{'|', '}', '{', '\n'});
    EnvelopeBuilder builder(writer);
    BOOST_TEST_REQUIRE(builder.beginInterchange(header()).ok());
    BOOST_TEST_REQUIRE(builder.beginGroup(group()).ok());
    BOOST_TEST_REQUIRE(builder.beginTransaction("855", "0001").ok());
    BOOST_TEST_REQUIRE(
        writer.begin("PO1").element("1").composite({"A", "B"}).repeated({"X", "Y"}).end().ok());
    BOOST_TEST_REQUIRE(builder.endTransaction().ok());
    BOOST_TEST_REQUIRE(builder.endGroup().ok());
    BOOST_TEST_REQUIRE(builder.endInterchange().ok());
    const std::string text = writer.text();
    BOOST_TEST(text.find("*") == std::string::npos);
    BOOST_TEST(text.find("PO1|1|A}B|X{Y\nSE|3|0001\n") != std::string::npos);
    testing::RecordingHandler handler;
    InterchangeParser parser(handler);
    BOOST_TEST(parser.parse(text).ok());
}

BOOST_AUTO_TEST_CASE(bad_headers_and_order_are_refused) {
    SegmentWriter writer;
    EnvelopeBuilder builder(writer);
    InterchangeHeader long_id = header();
    long_id.sender_id = "SIXTEEN-CHARS-ID";
    BOOST_TEST((builder.beginInterchange(long_id).error().code == ErrorCode::InvalidArgument));
    InterchangeHeader bad_date = header();
    bad_date.date = "20240230";
    BOOST_TEST((builder.beginInterchange(bad_date).error().code == ErrorCode::InvalidArgument));
    BOOST_TEST((builder.beginGroup(group()).error().code == ErrorCode::FailedPrecondition));
    BOOST_TEST_REQUIRE(builder.beginInterchange(header()).ok());
    BOOST_TEST((builder.beginTransaction("850", "0001").error().code == ErrorCode::FailedPrecondition));
    BOOST_TEST((builder.endGroup().error().code == ErrorCode::FailedPrecondition));
    BOOST_TEST_REQUIRE(builder.beginGroup(group()).ok());
    BOOST_TEST((builder.beginTransaction("85", "0001").error().code == ErrorCode::InvalidArgument));
    BOOST_TEST((builder.endInterchange().error().code == ErrorCode::FailedPrecondition));
}

BOOST_AUTO_TEST_SUITE_END()
