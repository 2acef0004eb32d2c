#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/catalog/search_query.h"

namespace crossdock::catalog {

namespace {

constexpr std::size_t kMaxTokenBytes = 64;

// ASCII spellings of U+00C0..U+00FF (UTF-8 0xC3 0x80..0xBF); "" marks a separator (× ÷).
constexpr std::array<std::string_view, 64> kLatin1Folds = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

bool isAsciiAlnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(unsigned char c) { return static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c); }

void flush(std::string& token, std::vector<std::string>& out) {
    if (token.empty()) return;
    if (token.size() > kMaxTokenBytes) token.resize(kMaxTokenBytes);
    out.push_back(std::move(token));
    token.clear();
}

}  // namespace

std::vector<std::string> tokenizeText(std::string_view text) {
    std::vector<std::string> out;
    std::string token;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (isAsciiAlnum(c)) {
                token += lower(c);
            } else {
                flush(token, out);
            }
            continue;
        }
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
        if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
            // Latin-1 letters: fold to ASCII so "Schlüssel" finds "schlussel".
            const std::string_view folded = kLatin1Folds[next - 0x80];
            if (folded.empty()) {
                flush(token, out);
            } else {
                token += folded;
            }
            ++i;
        } else if (c == 0xC2 && next >= 0x80 && next <= 0xBF) {
            flush(token, out);  // Latin-1 punctuation and symbols: ° ² « » NBSP
            ++i;
        } else {
            token += static_cast<char>(c);  // other scripts: bytes kept, compared exactly
        }
    }
    flush(token, out);
    return out;
}

std::string normalizeCode(std::string_view code) {
    std::string out;
    out.reserve(code.size());
    for (char ch : code) {
        const auto c = static_cast<unsigned char>(ch);
        if (isAsciiAlnum(c)) out += lower(c);
    }
    return out;
}

}  // namespace crossdock::catalog
