#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "crossdock/core/clock.h"
#include "crossdock/core/result.h"

namespace crossdock::core {

/// A calendar date (proleptic Gregorian), no time zone. Ordered; cheap to copy.
/// Parsing and fromYmd() accept years 1..9999 only; fromDays()/addDays() can reach
/// beyond, where toString() prints a longer or signed year ("-0001-12-31").
class Date {
public:
    constexpr Date() = default;
    /// InvalidArgument when the day does not exist (2026-02-29) or year is outside 1..9999.
    static Result<Date> fromYmd(int year, int month, int day);
    /// Parses ISO "YYYY-MM-DD" exactly (no time, no whitespace). InvalidArgument,
    /// quoting the text, when malformed or when the day does not exist.
    static Result<Date> parse(std::string_view iso);
    /// Parses X12/EDIFACT "CCYYMMDD" (8 digits). Errors as parse().
    static Result<Date> parseCompact(std::string_view ccyymmdd);
    /// The UTC date of `t` (instants before 1970 floor to the earlier day).
    static Date fromTimePoint(TimePoint t);
    /// From days since 1970-01-01.
    static Date fromDays(std::int32_t days_since_epoch);

    int year() const;
    int month() const;
    int day() const;
    constexpr std::int32_t daysSinceEpoch() const { return days_; }

    Date addDays(std::int32_t n) const { return fromDays(days_ + n); }
    std::string toString() const;         ///< "2026-11-21"
    std::string toCompactString() const;  ///< "20261121"

    constexpr auto operator<=>(const Date&) const = default;

private:
    std::int32_t days_ = 0;  // days since 1970-01-01
};

}  // namespace crossdock::core
