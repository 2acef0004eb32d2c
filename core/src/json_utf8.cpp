// UTF-8 validation for JSON strings (RFC 3629 well-formedness, table 3-7 of Unicode).
#include "json_detail.h"

namespace crossdock::core::json_detail {

namespace {

bool inRange(unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

}  // namespace

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned second_lo = 0x80;
    unsigned second_hi = 0xBF;
    if (inRange(lead, 0xC2, 0xDF)) {
        length = 2;
    } else if (inRange(lead, 0xE0, 0xEF)) {
        length = 3;
        if (lead == 0xE0) second_lo = 0xA0;  // overlong
        if (lead == 0xED) second_hi = 0x9F;  // surrogates
    } else if (inRange(lead, 0xF0, 0xF4)) {
        length = 4;
        if (lead == 0xF0) second_lo = 0x90;  // overlong
        if (lead == 0xF4) second_hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;  // ASCII is not a sequence here; 0x80..0xC1 and 0xF5..0xFF never lead
    }
    if (text.size() - pos < length) return 0;
    if (!inRange(byte(1), second_lo, second_hi)) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (!inRange(byte(i), 0x80, 0xBF)) return 0;
    }
    return length;
}

}  // namespace crossdock::core::json_detail
