// JsonText: see json_text.h. Decimal text is formatted on the stack (Decimal's own
// toString() reserves a heap buffer per call); the digits follow core/src/decimal.cpp.
#include "handlers/json_text.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "crossdock/core/json.h"

namespace crossdock::server {
namespace {

constexpr int kScale = core::Decimal::kScale;
constexpr auto kOne = static_cast<std::uint64_t>(core::Decimal::kOne);

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

bool plainByte(unsigned char byte) { return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\'; }

/// True when none of the 8 bytes of `word` needs escaping (all in 0x20..0x7f, none
/// '"' or '\\'): the high bits, then "has a byte below 0x20" and "has a byte equal to"
/// by the usual carry tricks (exact once the high bits are known clear).
bool plainWord(std::uint64_t word) {
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word;
    const std::uint64_t quote = word ^ (kOnes * '"');
    const std::uint64_t backslash = word ^ (kOnes * '\\');
    const std::uint64_t zero_quote = (quote - kOnes) & ~quote;
    const std::uint64_t zero_backslash = (backslash - kOnes) & ~backslash;
    return ((word | below_space | zero_quote | zero_backslash) & kHighs) == 0;
}

/// The length of the prefix of `text` that needs no escaping.
std::size_t plainPrefix(std::string_view text) {
    std::size_t pos = 0;
    for (; pos + 8 <= text.size(); pos += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + pos, 8);
        if (!plainWord(word)) break;
    }
    while (pos < text.size() && plainByte(static_cast<unsigned char>(text[pos]))) ++pos;
    return pos;
}

/// Appends `text` escaped as core::appendJsonString does, without the quotes. Plain runs
/// are copied whole; each run of bytes that need escaping goes through
/// core::appendJsonString, cut only before an ASCII byte, so that a UTF-8 sequence is
/// never split (and an invalid one stays invalid).
void appendEscaped(std::string& out, std::string_view text) {
    std::string escaped;
    while (!text.empty()) {
        const std::size_t plain = plainPrefix(text);
        out.append(text.substr(0, plain));
        text.remove_prefix(plain);
        if (text.empty()) break;
        std::size_t end = 1;
        while (end < text.size() && !plainByte(static_cast<unsigned char>(text[end]))) ++end;
        escaped.clear();
        core::appendJsonString(escaped, text.substr(0, end));
        out.append(escaped, 1, escaped.size() - 2);
        text.remove_prefix(end);
    }
}

std::uint64_t magnitude(std::int64_t raw) {
    return raw < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(raw) : static_cast<std::uint64_t>(raw);
}

/// Writes `"`, the sign, the integer part, and `digits` fraction digits of `fraction`
/// (none when 0) then `"` into `buffer`; returns the end.
char* formatQuoted(char* buffer, bool negative, std::uint64_t whole, std::uint64_t fraction, int digits) {
    char* p = buffer;
    *p++ = '"';
    if (negative) *p++ = '-';
    p = std::to_chars(p, p + 20, whole).ptr;
    if (digits > 0) {
        *p++ = '.';
        for (int i = digits - 1; i >= 0; --i) {
            p[i] = static_cast<char>('0' + fraction % 10);
            fraction /= 10;
        }
        p += digits;
    }
    *p++ = '"';
    return p;
}

}  // namespace

JsonText& JsonText::string(std::string_view text) {
    out_ += '"';
    appendEscaped(out_, text);
    out_ += '"';
    return *this;
}

JsonText& JsonText::money(core::Decimal value) {
    const std::uint64_t mag = magnitude(value.raw());
    char buffer[48];
    const char* end = formatQuoted(buffer, value.raw() < 0, mag / kOne, mag % kOne, kScale);
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
    return *this;
}

JsonText& JsonText::shortDecimal(core::Decimal value) {
    const std::uint64_t mag = magnitude(value.raw());
    std::uint64_t fraction = mag % kOne;
    int digits = kScale;
    while (digits > 0 && fraction % 10 == 0) {
        fraction /= 10;
        --digits;
    }
    char buffer[48];
    const char* end = formatQuoted(buffer, value.raw() < 0, mag / kOne, fraction, digits);
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
    return *this;
}

JsonText& JsonText::integer(long long value) {
    char buffer[24];
    const char* end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out_.append(buffer, static_cast<std::size_t>(end - buffer));
    return *this;
}

}  // namespace crossdock::server
