#include "x12/isa_scanner.h"

#include <array>
#include <string>

namespace crossdock::edi::x12::detail {
namespace {

bool isLineBreak(char c) { return c == '\r' || c == '\n'; }
bool isAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string printable(char c) {
    if (c == '\r') return "CR";
    if (c == '\n') return "LF";
    if (c == ' ') return "space";
    if (static_cast<unsigned char>(c) < 0x20) return "byte " + std::to_string(static_cast<unsigned char>(c));
    return std::string("'") + c + "'";
}

IsaScan error(InterchangeCode code, std::size_t field, std::size_t offset, std::string message) {
    IsaScan scan;
    scan.status = IsaScan::Status::Error;
    scan.issue.code = code;
    scan.issue.message = std::move(message);
    scan.issue.location.segment_id = "ISA";
    scan.issue.location.element = field;
    scan.issue.location.byte_offset = offset;
    return scan;
}

IsaScan needMore() { return IsaScan{}; }

// The text of field `field` without line breaks; separators at `seps`.
std::string fieldText(std::string_view window, const std::array<std::size_t, 16>& seps, std::size_t field,
                      std::size_t isa16_end) {
    const std::size_t begin = seps[field - 1] + 1;
    const std::size_t end = field == 16 ? isa16_end : seps[field];
    std::string text;
    for (std::size_t i = begin; i < end; ++i) {
        if (!isLineBreak(window[i])) text += window[i];
    }
    return text;
}

// Where the ISA ends when the byte after the 16th separator is followed by a line
// break: either ISA16 then a newline terminator, or no ISA16 and `isa16` as the
// terminator (EDI.Net issue 135). The next line tells: it ends with the terminator.
enum class Isa16Guess { Present, Missing, NeedMore };
Isa16Guess guessIsa16(std::string_view window, std::size_t after, char isa16, bool complete) {
    std::size_t j = after;
    while (j < window.size() && isLineBreak(window[j])) ++j;
    const std::size_t line = j;
    while (j < window.size() && !isLineBreak(window[j])) ++j;
    if (j == window.size() && !complete) return Isa16Guess::NeedMore;
    if (j > line && window[j - 1] == isa16) return Isa16Guess::Missing;
    return Isa16Guess::Present;
}

}  // namespace

bool isDelimiterCandidate(char c) { return c != '\0' && c != ' ' && !isLineBreak(c) && !isAlnum(c); }

InterchangeCode isaFieldCode(std::size_t field) {
    static constexpr std::array<InterchangeCode, 17> kCodes = {
        InterchangeCode::InvalidContent,                 // the segment as a whole
        InterchangeCode::InvalidAuthorizationQualifier,  // ISA01
        InterchangeCode::InvalidAuthorization,
        InterchangeCode::InvalidSecurityQualifier,
        InterchangeCode::InvalidSecurity,
        InterchangeCode::InvalidSenderQualifier,  // ISA05
        InterchangeCode::InvalidSenderId,
        InterchangeCode::InvalidReceiverQualifier,
        InterchangeCode::InvalidReceiverId,
        InterchangeCode::InvalidDate,  // ISA09
        InterchangeCode::InvalidTime,
        InterchangeCode::InvalidStandardsIdentifier,
        InterchangeCode::InvalidVersion,
        InterchangeCode::InvalidControlNumber,  // ISA13
        InterchangeCode::InvalidAckRequested,
        InterchangeCode::InvalidTestIndicator,
        InterchangeCode::InvalidComponentSeparator,  // ISA16
    };
    return field < kCodes.size() ? kCodes[field] : InterchangeCode::InvalidContent;
}

IsaScan scanIsa(std::string_view window, bool complete, bool at_end) {
    const InterchangeCode cut =
        at_end ? InterchangeCode::PrematureEndOfFile : InterchangeCode::InvalidContent;
    if (window.size() < 4) {
        if (!complete) return needMore();
        return error(cut, 0, window.size(), "the input ends inside the ISA segment");
    }
    const char element = window[3];
    if (!isDelimiterCandidate(element)) {
        return error(InterchangeCode::InvalidElementSeparator, 1, 3,
                     "the element separator " + printable(element) + " (ISA byte 4) cannot be a delimiter");
    }
    std::array<std::size_t, 16> seps{};
    std::size_t count = 0;
    std::size_t wrap_field = 0;  // field holding the first line break, 0 = none
    std::size_t i = 3;
    for (; i < window.size() && count < 16; ++i) {
        if (window[i] == element) {
            seps[count++] = i;
        } else if (isLineBreak(window[i]) && wrap_field == 0) {
            wrap_field = count;
        }
    }
    // ISA16 and the byte after it must be in the window too.
    if (count < 16 || i + 1 >= window.size()) {
        if (!complete) return needMore();
        if (at_end) return error(cut, count, window.size(), "the input ends inside the ISA segment");
        return error(InterchangeCode::InvalidContent, count, window.size(),
                     "no ISA segment of 16 elements within " + std::to_string(kIsaWindow) + " bytes");
    }

    IsaScan scan;
    scan.delimiters.element = element;
    char component = window[i];
    std::size_t text_end = i + 1;
    std::size_t term_at = i + 1;
    if (isLineBreak(component)) {  // nothing after the 16th separator but a line break
        component = '\0';
        text_end = i;
        term_at = i;
    } else if (window[term_at] == ' ' || window[term_at] == '\t') {
        while (term_at < window.size() && (window[term_at] == ' ' || window[term_at] == '\t')) ++term_at;
        if (term_at == window.size()) {
            if (!complete) return needMore();
            return error(cut, 16, term_at, "the input ends before the ISA segment terminator");
        }
    } else if (isLineBreak(window[term_at])) {
        const Isa16Guess guess = guessIsa16(window, term_at, component, complete);
        if (guess == Isa16Guess::NeedMore) return needMore();
        if (guess == Isa16Guess::Missing) {
            text_end = i;
            term_at = i;
            component = '\0';
        }
    }
    const char terminator = window[term_at];
    if (!isDelimiterCandidate(terminator) && !isLineBreak(terminator)) {
        return error(
            InterchangeCode::InvalidSegmentTerminator, 16, term_at,
            "the segment terminator " + printable(terminator) + " (after ISA16) cannot be a delimiter");
    }
    if (terminator == element || terminator == component) {
        return error(InterchangeCode::InvalidSegmentTerminator, 16, term_at,
                     "the segment terminator " + printable(terminator) + " repeats another delimiter");
    }
    if (component != '\0' && (!isDelimiterCandidate(component) || component == element)) {
        return error(InterchangeCode::InvalidComponentSeparator, 16, i,
                     "the component separator " + printable(component) + " (ISA16) cannot be a delimiter");
    }
    if (wrap_field != 0 && isLineBreak(terminator)) {
        return error(isaFieldCode(wrap_field), wrap_field, seps[wrap_field - 1] + 1,
                     "the segment terminator " + printable(terminator) + " appears inside ISA" +
                         (wrap_field < 10 ? "0" : "") + std::to_string(wrap_field) +
                         ": the ISA is broken across lines");
    }
    scan.delimiters.component = component;
    scan.delimiters.segment = terminator;
    scan.delimiters.repetition = '\0';
    const std::string version = fieldText(window, seps, 12, text_end);
    const std::string standards = fieldText(window, seps, 11, text_end);
    if (version.size() == 5 && version >= "00402" && standards.size() == 1) {
        const char repetition = standards[0];
        if (isDelimiterCandidate(repetition) && repetition != element && repetition != component &&
            repetition != terminator) {
            scan.delimiters.repetition = repetition;
        }
    }
    scan.status = IsaScan::Status::Ok;
    scan.text_end = text_end;
    scan.length = term_at + 1;
    scan.wrapped = wrap_field != 0;
    return scan;
}

}  // namespace crossdock::edi::x12::detail
