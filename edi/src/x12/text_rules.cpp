#include "x12/text_rules.h"

namespace crossdock::edi::x12::detail {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
int twoDigits(std::string_view text, std::size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

int daysInMonth(int year, int month, bool century_known) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month != 2) return kDays[month - 1];
    const bool leap = century_known ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) : year % 4 == 0;
    return leap ? 29 : 28;
}

}  // namespace

bool isDigits(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (!isDigit(c)) return false;
    }
    return true;
}

bool isAlnum(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        if (!isDigit(c) && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) return false;
    }
    return true;
}

std::string_view trimRight(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

bool isValidDate(std::string_view text) {
    if ((text.size() != 6 && text.size() != 8) || !isDigits(text)) return false;
    const std::size_t at = text.size() - 6;
    const int year = text.size() == 8 ? twoDigits(text, 0) * 100 + twoDigits(text, 2) : twoDigits(text, 0);
    const int month = twoDigits(text, at + 2);
    const int day = twoDigits(text, at + 4);
    if (month < 1 || month > 12 || day < 1) return false;
    return day <= daysInMonth(year, month, text.size() == 8);
}

bool isValidTime(std::string_view text) {
    if (text.size() != 4 && (text.size() < 6 || text.size() > 8)) return false;
    if (!isDigits(text)) return false;
    if (twoDigits(text, 0) > 23 || twoDigits(text, 2) > 59) return false;
    return text.size() == 4 || twoDigits(text, 4) <= 59;
}

std::optional<std::uint64_t> toNumber(std::string_view text) {
    if (!isDigits(text) || text.size() > 18) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return value;
}

bool sameNumber(std::string_view a, std::string_view b) {
    if (isDigits(a) && isDigits(b)) {
        while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
        while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    }
    return a == b;
}

std::string badValue(std::string_view text) { return std::string(text.substr(0, 99)); }

std::string elementName(std::string_view segment_id, std::size_t position) {
    std::string name(segment_id);
    if (position < 10) name += '0';
    name += std::to_string(position);
    return name;
}

}  // namespace crossdock::edi::x12::detail
