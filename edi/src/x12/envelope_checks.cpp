#include "x12/envelope_checks.h"

#include <array>

#include "x12/isa_scanner.h"
#include "x12/text_rules.h"

namespace crossdock::edi::x12::detail {
namespace {

constexpr std::array<std::size_t, 17> kIsaWidths = {0, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
constexpr std::array<std::string_view, 17> kIsaRefs = {"",    "I01", "I02", "I03", "I04", "I05",
                                                       "I06", "I05", "I07", "I08", "I09", "I10",
                                                       "I11", "I12", "I13", "I14", "I15"};
constexpr std::array<std::string_view, 9> kGsRefs = {"",    "479", "142", "124", "373",
                                                     "337", "28",  "455", "480"};

std::string_view reference(std::string_view id, std::size_t element) {
    if (id == "ISA" && element < kIsaRefs.size()) return kIsaRefs[element];
    if (id == "GS" && element < kGsRefs.size()) return kGsRefs[element];
    if (id == "ST" && element >= 1 && element <= 3)
        return std::array<std::string_view, 3>{"143", "329", "1705"}[element - 1];
    if (id == "SE" && (element == 1 || element == 2)) return element == 1 ? "96" : "329";
    if (id == "GE" && (element == 1 || element == 2)) return element == 1 ? "97" : "28";
    if (id == "IEA" && (element == 1 || element == 2)) return element == 1 ? "I16" : "I12";
    return {};
}

std::string quoted(std::string_view value) { return "'" + std::string(value) + "'"; }

// Length and emptiness of an element with a min..max length (AN, N0, ID).
ElementCode lengthProblem(std::string_view value, std::size_t min, std::size_t max) {
    if (value.empty()) return ElementCode::MandatoryMissing;
    if (value.size() < min) return ElementCode::TooShort;
    if (value.size() > max) return ElementCode::TooLong;
    return ElementCode::None;
}

// ISA field content, padding trimmed; None when it is fine.
ElementCode isaContentProblem(std::size_t field, std::string_view value, std::string_view version) {
    switch (field) {
        case 1:
        case 3:
        case 5:
        case 7:
            if (value.empty()) return ElementCode::MandatoryMissing;
            return value.size() == 2 && isAlnum(value) ? ElementCode::None : ElementCode::InvalidCodeValue;
        case 6:
        case 8:
            return value.empty() ? ElementCode::MandatoryMissing : ElementCode::None;
        case 9:
            return value.size() == 6 && isValidDate(value) ? ElementCode::None : ElementCode::InvalidDate;
        case 10:
            return value.size() == 4 && isValidTime(value) ? ElementCode::None : ElementCode::InvalidTime;
        case 11:
            if (version.size() == 5 && isDigits(version) && version >= "00402") return ElementCode::None;
            return value == "U" ? ElementCode::None : ElementCode::InvalidCodeValue;
        case 12:
            return value.size() == 5 && isDigits(value) ? ElementCode::None : ElementCode::InvalidCodeValue;
        case 13:
            if (!isDigits(value))
                return value.empty() ? ElementCode::MandatoryMissing : ElementCode::InvalidCharacter;
            return value.size() > 9 ? ElementCode::TooLong : ElementCode::None;
        case 14:
            return value == "0" || value == "1" ? ElementCode::None : ElementCode::InvalidCodeValue;
        case 15:
            return value == "P" || value == "T" || value == "I" ? ElementCode::None
                                                                : ElementCode::InvalidCodeValue;
        default:
            return ElementCode::None;
    }
}

}  // namespace

Issue elementIssue(const Segment& segment, std::size_t element, AckCode code, ElementCode detail,
                   std::string message, Severity severity, std::size_t transaction_segment) {
    Issue issue;
    issue.severity = severity;
    issue.code = code;
    issue.detail = detail;
    issue.message = std::move(message);
    Location& at = issue.location;
    at.byte_offset = segment.elementOffset(element);
    at.file_segment = segment.index();
    at.transaction_segment = transaction_segment;
    at.segment_id = std::string(segment.id());
    at.element = element;
    if (element != 0) {
        at.element_reference = std::string(reference(segment.id(), element));
        at.bad_value = badValue(segment.element(element));
    }
    return issue;
}

void checkIsa(const Segment& isa, bool strict, IssueSink& sink) {
    const std::string_view version = trimRight(isa.element(12));
    for (std::size_t field = 1; field <= 16; ++field) {
        const std::string_view raw = isa.element(field);
        const std::string name = elementName("ISA", field);
        const InterchangeCode code = isaFieldCode(field);
        if (field == 16) {
            if (!isa.delimiters().hasComponent()) {
                sink.add(elementIssue(isa, 16, code, ElementCode::MandatoryMissing,
                                      "ISA16 (component separator) is missing: components are not split",
                                      Severity::Warning));
            }
            continue;
        }
        const ElementCode problem = isaContentProblem(field, trimRight(raw), version);
        if (problem != ElementCode::None) {
            sink.add(elementIssue(isa, field, code, problem, name + " " + quoted(raw) + " is not valid"));
            continue;
        }
        if (field == 11 && !isa.delimiters().hasRepetition() && version >= "00402") {
            sink.add(elementIssue(isa, 11, code, ElementCode::InvalidCharacter,
                                  "ISA11 " + quoted(raw) + " cannot be the repetition separator of version " +
                                      std::string(version) + ": repetitions are not split",
                                  Severity::Warning));
        }
        if (raw.size() != kIsaWidths[field]) {
            sink.add(
                elementIssue(isa, field, code,
                             raw.size() < kIsaWidths[field] ? ElementCode::TooShort : ElementCode::TooLong,
                             name + " is " + std::to_string(raw.size()) + " characters; its fixed width is " +
                                 std::to_string(kIsaWidths[field]),
                             strict ? Severity::Error : Severity::Warning));
        }
    }
}

InterchangeInfo readIsa(const Segment& isa) {
    InterchangeInfo info;
    auto field = [&](std::size_t k) { return std::string(trimRight(isa.element(k))); };
    info.authorization_qualifier = field(1);
    info.authorization = field(2);
    info.security_qualifier = field(3);
    info.security = field(4);
    info.sender_qualifier = field(5);
    info.sender_id = field(6);
    info.receiver_qualifier = field(7);
    info.receiver_id = field(8);
    info.date = field(9);
    info.time = field(10);
    info.standards_id = std::string(isa.element(11));
    info.version = field(12);
    info.control_number = field(13);
    info.ack_requested = trimRight(isa.element(14)) == "1";
    const std::string_view usage = trimRight(isa.element(15));
    info.usage = usage.size() == 1 ? usage[0] : '?';
    info.delimiters = isa.delimiters();
    info.byte_offset = isa.byteOffset();
    info.file_segment = isa.index();
    return info;
}

void checkGs(const Segment& gs, std::string_view isa_version, IssueSink& sink) {
    const InterchangeCode invalid = InterchangeCode::InvalidContent;
    auto add = [&](std::size_t k, AckCode code, ElementCode detail, std::string_view what) {
        sink.add(elementIssue(gs, k, code, detail,
                              elementName("GS", k) + " " + quoted(gs.element(k)) + " " + std::string(what)));
    };
    const std::string_view version = gs.element(8);
    if (ElementCode p = lengthProblem(gs.element(1), 2, 2);
        p != ElementCode::None || !isAlnum(gs.element(1))) {
        add(1, invalid, p == ElementCode::None ? ElementCode::InvalidCodeValue : p,
            "is not a functional identifier");
    }
    for (std::size_t k : {2u, 3u}) {
        if (ElementCode p = lengthProblem(gs.element(k), 2, 15); p != ElementCode::None) {
            add(k, invalid, p, "is not 2-15 characters");
        }
    }
    const bool old = version.size() >= 6 && isDigits(version.substr(0, 6)) ? version.substr(0, 6) < "004010"
                                                                           : isa_version < "00400";
    const std::string_view date = gs.element(4);
    if (!isValidDate(date) || (!old && date.size() != 8))
        add(4, invalid, ElementCode::InvalidDate, "is not a date");
    if (!isValidTime(gs.element(5))) add(5, invalid, ElementCode::InvalidTime, "is not a time");
    if (ElementCode p = lengthProblem(gs.element(6), 1, 9);
        p != ElementCode::None || !isDigits(gs.element(6))) {
        add(6, GroupCode::ControlNumberSyntax, p == ElementCode::None ? ElementCode::InvalidCharacter : p,
            "is not a group control number (1-9 digits)");
    }
    if (ElementCode p = lengthProblem(gs.element(7), 1, 2);
        p != ElementCode::None || !isAlnum(gs.element(7))) {
        add(7, invalid, p == ElementCode::None ? ElementCode::InvalidCodeValue : p, "is not an agency code");
    }
    if (ElementCode p = lengthProblem(version, 1, 12); p != ElementCode::None) {
        add(8, invalid, p, "is not a version (1-12 characters)");
    }
    if (gs.elementCount() > 8)
        add(9, invalid, ElementCode::TooManyElements, "is beyond the 8 elements of GS");
}

GroupInfo readGs(const Segment& gs) {
    GroupInfo info;
    info.functional_id = std::string(gs.element(1));
    info.sender = std::string(gs.element(2));
    info.receiver = std::string(gs.element(3));
    info.date = std::string(gs.element(4));
    info.time = std::string(gs.element(5));
    info.control_number = std::string(gs.element(6));
    info.agency = std::string(gs.element(7));
    info.version = std::string(gs.element(8));
    info.byte_offset = gs.byteOffset();
    info.file_segment = gs.index();
    return info;
}

void checkSt(const Segment& st, IssueSink& sink) {
    const std::string_view set_id = st.element(1);
    if (set_id.size() != 3 || !isDigits(set_id)) {
        sink.add(elementIssue(st, 1, TransactionCode::InvalidSetIdentifier,
                              set_id.empty() ? ElementCode::MandatoryMissing : ElementCode::InvalidCodeValue,
                              "ST01 " + quoted(set_id) + " is not a transaction set identifier (3 digits)",
                              Severity::Error, 1));
    }
    if (ElementCode p = lengthProblem(st.element(2), 4, 9); p != ElementCode::None) {
        sink.add(elementIssue(st, 2, TransactionCode::InvalidControlNumber, p,
                              "ST02 " + quoted(st.element(2)) + " is not a control number (4-9 characters)",
                              Severity::Error, 1));
    }
    if (st.element(3).size() > 35) {
        sink.add(elementIssue(st, 3, ElementCode::TooLong, ElementCode::TooLong,
                              "ST03 is longer than 35 characters", Severity::Error, 1));
    }
    if (st.elementCount() > 3) {
        sink.add(elementIssue(st, 4, ElementCode::TooManyElements, ElementCode::TooManyElements,
                              "ST has more than 3 elements", Severity::Error, 1));
    }
}

void checkSe(const Segment& se, std::size_t counted, const TransactionInfo& st, IssueSink& sink) {
    const std::string_view count = se.element(1);
    const auto declared = toNumber(count);
    if (!declared || count.size() > 10 || *declared != counted) {
        sink.add(elementIssue(se, 1, TransactionCode::SegmentCountMismatch,
                              declared ? ElementCode::None : ElementCode::InvalidCharacter,
                              "SE01 " + quoted(count) + " does not match the " + std::to_string(counted) +
                                  " segments of the transaction set (ST and SE included)",
                              Severity::Error, counted));
    }
    if (se.element(2) != st.control_number) {
        sink.add(elementIssue(
            se, 2, TransactionCode::ControlNumberMismatch, ElementCode::None,
            "SE02 " + quoted(se.element(2)) + " does not match ST02 " + quoted(st.control_number),
            Severity::Error, counted));
    }
}

std::size_t checkGe(const Segment& ge, std::size_t counted, const GroupInfo& gs, IssueSink& sink) {
    const std::string_view count = ge.element(1);
    const auto declared = toNumber(count);
    if (!declared || count.size() > 6 || *declared != counted) {
        sink.add(elementIssue(ge, 1, GroupCode::TransactionCountMismatch,
                              declared ? ElementCode::None : ElementCode::InvalidCharacter,
                              "GE01 " + quoted(count) + " does not match the " + std::to_string(counted) +
                                  " transaction sets of the group"));
    }
    if (!sameNumber(ge.element(2), gs.control_number)) {
        sink.add(elementIssue(
            ge, 2, GroupCode::ControlNumberMismatch, ElementCode::None,
            "GE02 " + quoted(ge.element(2)) + " does not match GS06 " + quoted(gs.control_number)));
    }
    return declared && count.size() <= 6 ? static_cast<std::size_t>(*declared) : 0;
}

std::size_t checkIea(const Segment& iea, std::size_t counted, const InterchangeInfo& isa, IssueSink& sink) {
    const std::string_view count = iea.element(1);
    const auto declared = toNumber(count);
    if (!declared || count.size() > 5 || *declared != counted) {
        sink.add(elementIssue(iea, 1, InterchangeCode::InvalidGroupCount,
                              declared ? ElementCode::None : ElementCode::InvalidCharacter,
                              "IEA01 " + quoted(count) + " does not match the " + std::to_string(counted) +
                                  " functional groups of the interchange"));
    }
    if (!sameNumber(iea.element(2), isa.control_number)) {
        sink.add(elementIssue(
            iea, 2, InterchangeCode::ControlNumberMismatch, ElementCode::None,
            "IEA02 " + quoted(iea.element(2)) + " does not match ISA13 " + quoted(isa.control_number)));
    }
    return declared && count.size() <= 5 ? static_cast<std::size_t>(*declared) : 0;
}

bool isValidSegmentId(std::string_view id) {
    static constexpr auto kTable = [] {
        std::array<std::uint8_t, 256> table{};  // 1: letter, 2: digit
        for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = 1;
        for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = 2;
        return table;
    }();
    auto kind = [&](std::size_t i) { return kTable[static_cast<unsigned char>(id[i])]; };
    if (id.size() == 2) return kind(0) == 1 && kind(1) != 0;
    return id.size() == 3 && kind(0) == 1 && kind(1) != 0 && kind(2) != 0;
}

}  // namespace crossdock::edi::x12::detail
