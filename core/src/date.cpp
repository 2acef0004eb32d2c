#include "crossdock/core/date.h"

#include <chrono>
#include <cstddef>

namespace crossdock::core {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain): eras of 400
// years, March-based years so that the leap day is the last day of the year. Pure
// integer arithmetic, valid far beyond the int32 range of days; no time zone involved.

struct Civil {
    std::int64_t year;
    int month;
    int day;
};

constexpr std::int64_t daysFromCivil(std::int64_t year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t year_of_era = year - era * 400;                            // [0, 399]
    const std::int64_t month_from_march = month > 2 ? month - 3 : month + 9;      // [0, 11]
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // [0, 365]
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + day_of_era - 719'468;
}

constexpr Civil civilFromDays(std::int64_t days) {
    days += 719'468;
    const std::int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
    const std::int64_t day_of_era = days - era * 146'097;  // [0, 146096]
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1'460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;  // [0, 399]
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
    const auto day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const auto month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return Civil{year, month, day};
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11'017);
static_assert(civilFromDays(-1).year == 1969 && civilFromDays(-1).day == 31);

constexpr bool isLeapYear(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

constexpr int daysInMonth(int year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads `count` ASCII digits at `pos`; -1 when any of them is not a digit.
int readDigits(std::string_view text, std::size_t pos, std::size_t count) {
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

Error dateError(std::string_view text, std::string_view expected) {
    constexpr std::size_t kMaxShown = 32;
    std::string shown(text.substr(0, kMaxShown));
    if (text.size() > kMaxShown) shown += "...";
    return makeError(ErrorCode::InvalidArgument,
                     "invalid date \"" + shown + "\": expected " + std::string(expected));
}

// A parsed date that does not exist keeps fromYmd's message but names the text.
Result<Date> fromParsed(std::string_view text, int year, int month, int day) {
    auto date = Date::fromYmd(year, month, day);
    if (!date) {
        return makeError(ErrorCode::InvalidArgument,
                         "invalid date \"" + std::string(text) + "\": " + date.error().message);
    }
    return date;
}

void appendPadded(std::string& out, std::int64_t value, int width) {
    if (value < 0) {
        out.push_back('-');
        value = -value;
    }
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width)
        out.append(static_cast<std::size_t>(width) - digits.size(), '0');
    out += digits;
}

}  // namespace

Result<Date> Date::fromYmd(int year, int month, int day) {
    if (year < 1 || year > 9999) {
        return makeError(ErrorCode::InvalidArgument, "year " + std::to_string(year) + " is outside 1..9999");
    }
    if (month < 1 || month > 12) {
        return makeError(ErrorCode::InvalidArgument, "month " + std::to_string(month) + " is outside 1..12");
    }
    if (day < 1 || day > daysInMonth(year, month)) {
        return makeError(ErrorCode::InvalidArgument, "day " + std::to_string(day) + " does not exist in " +
                                                         std::to_string(year) + "-" +
                                                         (month < 10 ? "0" : "") + std::to_string(month));
    }
    return fromDays(static_cast<std::int32_t>(daysFromCivil(year, month, day)));
}

Result<Date> Date::parse(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return dateError(iso, "YYYY-MM-DD");
    const int year = readDigits(iso, 0, 4);
    const int month = readDigits(iso, 5, 2);
    const int day = readDigits(iso, 8, 2);
    if (year < 0 || month < 0 || day < 0) return dateError(iso, "YYYY-MM-DD");
    return fromParsed(iso, year, month, day);
}

Result<Date> Date::parseCompact(std::string_view ccyymmdd) {
    if (ccyymmdd.size() != 8) return dateError(ccyymmdd, "CCYYMMDD");
    const int year = readDigits(ccyymmdd, 0, 4);
    const int month = readDigits(ccyymmdd, 4, 2);
    const int day = readDigits(ccyymmdd, 6, 2);
    if (year < 0 || month < 0 || day < 0) return dateError(ccyymmdd, "CCYYMMDD");
    return fromParsed(ccyymmdd, year, month, day);
}

Date Date::fromTimePoint(TimePoint t) {
    // floor, not truncation: an instant before 1970 belongs to the earlier day.
    const auto days = std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
    return fromDays(static_cast<std::int32_t>(days));
}

Date Date::fromDays(std::int32_t days_since_epoch) {
    Date date;
    date.days_ = days_since_epoch;
    return date;
}

int Date::year() const { return static_cast<int>(civilFromDays(days_).year); }
int Date::month() const { return civilFromDays(days_).month; }
int Date::day() const { return civilFromDays(days_).day; }

std::string Date::toString() const {
    const Civil civil = civilFromDays(days_);
    std::string out;
    out.reserve(10);
    appendPadded(out, civil.year, 4);
    out.push_back('-');
    appendPadded(out, civil.month, 2);
    out.push_back('-');
    appendPadded(out, civil.day, 2);
    return out;
}

std::string Date::toCompactString() const {
    const Civil civil = civilFromDays(days_);
    std::string out;
    out.reserve(8);
    appendPadded(out, civil.year, 4);
    appendPadded(out, civil.month, 2);
    appendPadded(out, civil.day, 2);
    return out;
}

}  // namespace crossdock::core
