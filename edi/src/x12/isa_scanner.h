#pragma once

#include <cstddef>
#include <string_view>

#include "crossdock/edi/x12/delimiters.h"
#include "crossdock/edi/x12/issue.h"

namespace crossdock::edi::x12::detail {

/// How far an ISA segment may reach: 106 bytes when fixed-width, more when padded
/// wrongly or hard-wrapped; beyond this it is not an ISA.
constexpr std::size_t kIsaWindow = 1024;

/// The outcome of reading an ISA header's delimiters and extent.
struct IsaScan {
    enum class Status { Ok, NeedMore, Error };
    Status status = Status::NeedMore;
    Delimiters delimiters;
    std::size_t text_end = 0;  ///< end of the ISA text (ISA16 included), before the terminator
    std::size_t length = 0;    ///< bytes from "ISA" through the terminator
    bool wrapped = false;      ///< CR or LF inside the ISA (to be removed)
    Issue issue;               ///< on Error: code, message, element; byte_offset relative to "ISA"
};

/// Reads the delimiters of the ISA at the start of `window` (which begins with "ISA").
/// Tolerates an ISA that is not fixed-width (separators are counted, not assumed at
/// fixed offsets), line breaks inside it when the terminator is not a line break,
/// spaces before the terminator, and a missing ISA16 (the byte after the 16th
/// separator is then the terminator when the next line ends with it as well).
/// NeedMore when `window` is too short and more input may come (`complete` false).
IsaScan scanIsa(std::string_view window, bool complete, bool at_end);

/// The TA1 code for a problem in ISA field `field` (1..16).
InterchangeCode isaFieldCode(std::size_t field);

/// True when `c` may serve as a delimiter: not a letter, digit, space, CR, LF or NUL.
bool isDelimiterCandidate(char c);

}  // namespace crossdock::edi::x12::detail
