// InterchangeParser: envelope events, counts and control numbers, and issues carrying
// the positions and codes the acknowledgements need.

#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "crossdock/edi/x12/interchange_parser.h"
#include "x12_test_support.h"

using namespace crossdock::edi::x12;
using crossdock::edi::x12::testing::RecordingHandler;

namespace {

const std::string kIsa =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
    "*240115*1200*^*00501*000000007*1*T*:~\n";
const std::string kGs = "GS*PO*SENDERGS*RECEIVERGS*20240115*1200*42*X*005010~\n";
const std::string kSet = "ST*850*0001~\nBEG*00*SA*PO1**20240115~\nPO1*1*2*EA~\nSE*4*0001~\n";

struct Parsed {
    RecordingHandler handler;
    ParseSummary summary;
};

Parsed parse(const std::string& bytes, ParseOptions options = {}) {
    Parsed parsed;
    InterchangeParser parser(parsed.handler, options);
    parsed.summary = parser.parse(bytes);
    return parsed;
}

std::vector<std::string> codes(const ParseSummary& summary) {
    std::vector<std::string> out;
    for (const Issue& issue : summary.issues) {
        out.push_back(std::string(toString(issue.scope())) + ":" + std::string(issue.codeText()));
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(x12_parser)

BOOST_AUTO_TEST_CASE(a_valid_interchange_gives_balanced_events) {
    const Parsed p = parse(kIsa + kGs + kSet + "GE*1*42~\nIEA*1*000000007~\n");
    BOOST_TEST(p.summary.ok());
    BOOST_TEST(p.summary.issues.empty());
    const std::vector<std::string> expected = {"ISA 000000007", "GS 42",       "ST 850 0001", "SEG BEG 2",
                                               "SEG PO1 3",     "SE accepted", "GE",          "IEA"};
    BOOST_TEST(p.handler.events == expected);
    BOOST_TEST(p.summary.interchanges == 1u);
    BOOST_TEST(p.summary.groups == 1u);
    BOOST_TEST(p.summary.transactions == 1u);
    BOOST_TEST(p.summary.segments == 8u);
    BOOST_TEST(p.handler.transactions[0].segment_count == 4u);
    BOOST_TEST(p.handler.groups[0].declared == 1u);
    BOOST_TEST(p.handler.groups[0].received == 1u);
    BOOST_TEST(p.handler.groups[0].accepted == 1u);
    BOOST_TEST(p.handler.interchanges[0].envelope_ok);
}

BOOST_AUTO_TEST_CASE(interchange_info_is_trimmed_and_typed) {
    struct Capture : EnvelopeHandler {
        InterchangeInfo isa;
        GroupInfo gs;
        TransactionInfo st;
        void onInterchangeStart(const InterchangeInfo& info, const Segment&) override { isa = info; }
        void onGroupStart(const GroupInfo& info, const Segment&) override { gs = info; }
        void onTransactionStart(const TransactionInfo& info, const Segment&) override { st = info; }
    } capture;
    InterchangeParser parser(capture);
    BOOST_TEST(parser.parse(kIsa + kGs + kSet + "GE*1*42~\nIEA*1*000000007~\n").ok());
    BOOST_TEST(capture.isa.sender_id == "SENDER");
    BOOST_TEST(capture.isa.receiver_qualifier == "ZZ");
    BOOST_TEST(capture.isa.version == "00501");
    BOOST_TEST(capture.isa.ack_requested);
    BOOST_TEST(capture.isa.usage == 'T');
    BOOST_TEST(capture.isa.delimiters.repetition == '^');
    BOOST_TEST(capture.gs.functional_id == "PO");
    BOOST_TEST(capture.gs.version == "005010");
    BOOST_TEST(capture.st.set_id == "850");
    BOOST_TEST(capture.st.file_segment == 3u);
}

BOOST_AUTO_TEST_CASE(mismatches_carry_ack_codes_and_positions) {
    const Parsed p = parse(kIsa + kGs + "ST*850*0001~\nBEG*00~\nSE*9*0002~\nGE*3*43~\nIEA*2*000000008~\n");
    BOOST_TEST(
        (codes(p.summary) == std::vector<std::string>{"transaction:4", "transaction:3", "group:5", "group:4",
                                                      "interchange:021", "interchange:001"}));
    const Issue& se01 = p.summary.issues[0];
    BOOST_TEST(se01.location.segment_id == "SE");
    BOOST_TEST(se01.location.file_segment == 5u);
    BOOST_TEST(se01.location.transaction_segment == 3u);
    BOOST_TEST(se01.location.element == 1u);
    BOOST_TEST(se01.location.element_reference == "96");
    BOOST_TEST(se01.location.bad_value == "9");
    BOOST_TEST(se01.location.transaction_control == "0001");
    BOOST_TEST(se01.location.group_control == "42");
    BOOST_TEST(se01.location.functional_id == "PO");
    BOOST_TEST(se01.location.interchange_control == "000000007");
    const std::size_t se_offset = (kIsa + kGs + "ST*850*0001~\nBEG*00~\n").size();
    BOOST_TEST(se01.location.byte_offset == se_offset + 3);
    BOOST_TEST(!p.handler.transactions[0].accepted);
    BOOST_TEST(p.handler.groups[0].accepted == 0u);
    BOOST_TEST(!p.handler.groups[0].envelope_ok);
    BOOST_TEST(!p.handler.interchanges[0].envelope_ok);
}

BOOST_AUTO_TEST_CASE(control_numbers_compare_as_numbers_where_they_are_numeric) {
    const Parsed p =
        parse(kIsa + "GS*PO*A1*B1*20240115*1200*000042*X*005010~\n" + kSet + "GE*1*42~\nIEA*1*7~\n");
    BOOST_TEST(p.summary.errors == 0u);
}

BOOST_AUTO_TEST_CASE(missing_trailers_close_what_is_open) {
    const Parsed p =
        parse(kIsa + kGs + "ST*850*0001~\nBEG*00~\n" + kIsa + kGs + kSet + "GE*1*42~\nIEA*1*000000007~\n");
    BOOST_TEST((codes(p.summary) ==
                std::vector<std::string>{"transaction:2", "group:3", "interchange:022", "interchange:025"}));
    const std::vector<std::string> events = {
        "ISA 000000007", "GS 42",       "ST 850 0001",   "SEG BEG 2", "SE missing rejected",
        "GE missing",    "IEA missing", "ISA 000000007", "GS 42",     "ST 850 0001",
        "SEG BEG 2",     "SEG PO1 3",   "SE accepted",   "GE",        "IEA"};
    BOOST_TEST(p.handler.events == events);
    BOOST_TEST(p.summary.issues[0].location.segment_id == "ISA");  // found at the next ISA
}

BOOST_AUTO_TEST_CASE(the_end_of_the_input_inside_an_interchange_is_023) {
    const std::string bytes = kIsa + kGs + "ST*850*0001~\n";
    const Parsed p = parse(bytes);
    BOOST_TEST((codes(p.summary) == std::vector<std::string>{"transaction:2", "group:3", "interchange:023"}));
    BOOST_TEST(p.summary.issues.back().location.byte_offset == bytes.size());
}

BOOST_AUTO_TEST_CASE(envelope_element_syntax) {
    const Parsed p = parse(kIsa + "GS*P*A*B*2024011*99*X1*X*005010~\n" +
                           "ST*8500*001~\nbeg*00~\nSE*3*001~\nGE*1*X1~\nIEA*1*000000007~\n");
    BOOST_TEST(
        (codes(p.summary) == std::vector<std::string>{"interchange:024", "interchange:024", "interchange:024",
                                                      "interchange:024", "interchange:024", "group:6",
                                                      "transaction:6", "transaction:7", "segment:1"}));
    BOOST_TEST((p.summary.issues[0].detail == ElementCode::TooShort));
    BOOST_TEST(p.summary.issues[0].location.element_reference == "479");
    BOOST_TEST((p.summary.issues[3].detail == ElementCode::InvalidDate));
    BOOST_TEST((p.summary.issues[4].detail == ElementCode::InvalidTime));
    BOOST_TEST(p.summary.issues[8].location.transaction_segment == 2u);
    BOOST_TEST(p.summary.issues[8].location.segment_id == "beg");
}

BOOST_AUTO_TEST_CASE(isa_width_is_a_warning_unless_strict) {
    const std::string loose =
        "ISA*00*x*00*y*ZZ*SENDER*ZZ*RECEIVER*240115*1200*U*00401*000000007*0*P*>~\n"
        "GS*PO*AA*BB*20240115*1200*1*X*004010~\nGE*0*1~\nIEA*1*000000007~\n";
    const Parsed lenient = parse(loose);
    BOOST_TEST(lenient.summary.ok());
    BOOST_TEST(lenient.summary.warnings == 4u);
    ParseOptions strict;
    strict.strict_isa_width = true;
    const Parsed strict_parse = parse(loose, strict);
    BOOST_TEST(strict_parse.summary.errors == 4u);
    BOOST_TEST(strict_parse.summary.issues[0].codeText() == "011");
}

BOOST_AUTO_TEST_CASE(a_fatal_reader_error_still_balances_the_events) {
    const Parsed p = parse(kIsa + kGs + "ST*850*0001~\nMSG*" + std::string(3000, 'x') + "~\n",
                           ParseOptions{ReaderOptions{4096, 2048}, false, 1000});
    BOOST_TEST(p.summary.fatal);
    BOOST_TEST(p.summary.issues.back().codeText() == "024");
    BOOST_TEST(p.handler.events.back() == "IEA missing");
}

BOOST_AUTO_TEST_CASE(repeated_control_numbers_are_found_in_any_order) {
    std::string bytes = kIsa + kGs;
    const std::vector<std::string> controls = {"0003", "0001", "0002", "0004", "00001",
                                               "0002", "ABCD", "abcd", "ABCD"};
    for (const std::string& control : controls) {
        bytes += "ST*850*" + control + "~\nBEG*00~\nSE*3*" + control + "~\n";
    }
    bytes += "GE*" + std::to_string(controls.size()) + "*42~\nIEA*1*000000007~\n";
    const Parsed p = parse(bytes);
    BOOST_TEST((codes(p.summary) == std::vector<std::string>{"transaction:23", "transaction:23"}));
    BOOST_TEST(p.summary.issues[0].location.transaction_control == "0002");
    BOOST_TEST(p.summary.issues[0].location.file_segment == 3u + 5 * 3);
    BOOST_TEST(p.summary.issues[1].location.transaction_control == "ABCD");
    BOOST_TEST(p.handler.groups[0].accepted == controls.size() - 2);
}

BOOST_AUTO_TEST_CASE(issues_beyond_the_limit_are_counted_not_kept) {
    std::string bytes = kIsa + kGs + "ST*850*0001~\n";
    for (int i = 0; i < 30; ++i) bytes += "bad*1~\n";
    bytes += "SE*32*0001~\nGE*1*42~\nIEA*1*000000007~\n";
    ParseOptions options;
    options.max_issues = 10;
    const Parsed p = parse(bytes, options);
    BOOST_TEST(p.summary.errors == 30u);
    BOOST_TEST(p.summary.issues.size() == 10u);
    BOOST_TEST(p.summary.issues_truncated);
    BOOST_TEST(p.handler.issues.size() == 30u);
}

BOOST_AUTO_TEST_CASE(codes_print_as_the_acknowledgements_write_them) {
    BOOST_TEST(toString(InterchangeCode::ControlNumberMismatch) == "001");
    BOOST_TEST(toString(InterchangeCode::PrematureEndOfFile) == "023");
    BOOST_TEST(toString(GroupCode::ControlNumberNotUnique) == "19");
    BOOST_TEST(toString(TransactionCode::SegmentCountMismatch) == "4");
    BOOST_TEST(toString(TransactionCode::ImplementationSegmentsInError) == "I5");
    BOOST_TEST(toString(SegmentCode::DataElementErrors) == "8");
    BOOST_TEST(toString(SegmentCode::ImplementationDependentNotUsedSegmentPresent) == "I9");
    BOOST_TEST(toString(ElementCode::InvalidTime) == "9");
    BOOST_TEST(toString(ElementCode::ImplementationPatternMismatch) == "I12");
    BOOST_TEST(toString(ElementCode::None) == "");

    Issue issue;
    issue.code = TransactionCode::ControlNumberMismatch;
    issue.message = "SE02 differs";
    issue.location.file_segment = 14;
    issue.location.segment_id = "SE";
    issue.location.transaction_segment = 12;
    issue.location.transaction_control = "0001";
    issue.location.element = 2;
    issue.location.byte_offset = 812;
    BOOST_TEST((issue.scope() == Scope::Transaction));
    BOOST_TEST(issue.describe() ==
               "error AK5 3: SE02 differs (segment 14 (SE, #12 in ST 0001) element 2, byte 812)");
    const crossdock::core::Error error = toCoreError(issue);
    BOOST_TEST((error.code == crossdock::core::ErrorCode::InvalidArgument));
    BOOST_TEST(error.where == "segment 14 (SE, #12 in ST 0001) element 2, byte 812");
}

BOOST_AUTO_TEST_SUITE_END()
