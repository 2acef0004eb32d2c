#pragma once
// Private to core: pieces of JSON syntax shared by the parser, the writer and Json.

#include <cstddef>
#include <string_view>

namespace crossdock::core::json_detail {

/// The outcome of scanning a JSON number at the start of a text.
struct NumberScan {
    std::size_t length = 0;       ///< bytes of the number; 0 on error
    std::size_t error_at = 0;     ///< offset of the offending byte when `error` is set
    const char* error = nullptr;  ///< static message, or nullptr when the number is valid
};

/// Scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at the start of `text`.
/// Stops at the first byte that cannot continue the number (the caller decides
/// whether that byte may follow a value).
NumberScan scanNumber(std::string_view text);

/// Length (2..4) of the well-formed UTF-8 sequence of a non-ASCII lead byte at
/// text[pos], or 0 when it is malformed: a stray continuation byte, truncated,
/// overlong, a surrogate (U+D800..U+DFFF) or above U+10FFFF.
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

}  // namespace crossdock::core::json_detail
