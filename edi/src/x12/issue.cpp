#include "crossdock/edi/x12/issue.h"

#include <string>

namespace crossdock::edi::x12 {
namespace {

// Codes of 100 and above stand for the 999 "In" codes.
std::string_view numberText(unsigned value) {
    static constexpr std::string_view kSmall[] = {"0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9",
                                                  "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
                                                  "20", "21", "22", "23", "24", "25", "26", "27"};
    static constexpr std::string_view kImplementation[] = {"I0", "I1", "I2", "I3",  "I4",  "I5",  "I6",
                                                           "I7", "I8", "I9", "I10", "I11", "I12", "I13"};
    if (value >= 100 && value - 100 < std::size(kImplementation)) return kImplementation[value - 100];
    if (value < std::size(kSmall)) return kSmall[value];
    return "?";
}

// "segment 14 (PO1, #5 in ST 0001)"
std::string segmentPart(const Location& at) {
    std::string text = "segment " + std::to_string(at.file_segment);
    if (at.segment_id.empty() && at.transaction_segment == 0) return text;
    text += " (";
    text += at.segment_id.empty() ? std::string("?") : at.segment_id;
    if (at.transaction_segment != 0) {
        text += ", #" + std::to_string(at.transaction_segment) + " in ST " + at.transaction_control;
    }
    return text + ")";
}

}  // namespace

std::string_view toString(InterchangeCode code) {
    static constexpr std::string_view kText[] = {
        "000", "001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "011", "012", "013",
        "014", "015", "016", "017", "018", "019", "020", "021", "022", "023", "024", "025", "026", "027"};
    const auto value = static_cast<unsigned>(code);
    return value < std::size(kText) ? kText[value] : "024";
}

std::string_view toString(GroupCode code) { return numberText(static_cast<unsigned>(code)); }
std::string_view toString(TransactionCode code) { return numberText(static_cast<unsigned>(code)); }
std::string_view toString(SegmentCode code) { return numberText(static_cast<unsigned>(code)); }

std::string_view toString(ElementCode code) {
    return code == ElementCode::None ? std::string_view() : numberText(static_cast<unsigned>(code));
}

std::string_view toString(Scope scope) {
    switch (scope) {
        case Scope::Interchange:
            return "interchange";
        case Scope::Group:
            return "group";
        case Scope::Transaction:
            return "transaction";
        case Scope::Segment:
            return "segment";
        case Scope::Element:
            return "element";
    }
    return "interchange";
}

std::string_view toString(Severity severity) { return severity == Severity::Error ? "error" : "warning"; }

std::string_view Issue::codeText() const {
    return std::visit([](auto value) { return toString(value); }, code);
}

std::string Issue::where() const {
    const Location& at = location;
    std::string text = segmentPart(at);
    if (at.element != 0) {
        text += " element " + std::to_string(at.element);
        if (at.component != 0) text += " component " + std::to_string(at.component);
        if (at.repetition != 0) text += " repetition " + std::to_string(at.repetition);
    }
    return text + ", byte " + std::to_string(at.byte_offset);
}

std::string Issue::describe() const {
    static constexpr std::string_view kAck[] = {"TA1", "AK9", "AK5", "AK3", "AK4"};
    std::string text(toString(severity));
    text += ' ';
    text += kAck[code.index()];
    text += ' ';
    text += codeText();
    text += ": " + message + " (" + where() + ")";
    return text;
}

core::Error toCoreError(const Issue& issue) {
    return core::makeError(core::ErrorCode::InvalidArgument, issue.message, issue.where());
}

}  // namespace crossdock::edi::x12
