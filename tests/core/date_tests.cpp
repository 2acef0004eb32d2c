#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "crossdock/core/date.h"
#include "test_helpers.h"

using crossdock::core::Date;
using crossdock::core::ErrorCode;
using crossdock::core::TimePoint;

namespace {

Date ymd(int y, int m, int d) {
    auto date = Date::fromYmd(y, m, d);
    BOOST_REQUIRE_MESSAGE(date.ok(), "test date does not exist: " << y << "-" << m << "-" << d);
    return *date;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(epoch_and_known_days) {
    BOOST_TEST(ymd(1970, 1, 1).daysSinceEpoch() == 0);
    BOOST_TEST(ymd(1969, 12, 31).daysSinceEpoch() == -1);
    BOOST_TEST(ymd(2000, 3, 1).daysSinceEpoch() == 11'017);
    BOOST_TEST(ymd(1, 1, 1).daysSinceEpoch() == -719'162);
    BOOST_TEST(ymd(9999, 12, 31).daysSinceEpoch() == 2'932'896);
    const Date d = Date::fromDays(20'778);
    BOOST_TEST(d.toString() == "2026-11-21");
    BOOST_TEST(d.year() == 2026);
    BOOST_TEST(d.month() == 11);
    BOOST_TEST(d.day() == 21);
    BOOST_TEST(Date().toString() == "1970-01-01");
}

BOOST_AUTO_TEST_CASE(leap_years) {
    BOOST_TEST(Date::fromYmd(2024, 2, 29).ok());
    BOOST_TEST(Date::fromYmd(2000, 2, 29).ok());   // divisible by 400
    BOOST_TEST(!Date::fromYmd(1900, 2, 29).ok());  // divisible by 100
    BOOST_TEST(!Date::fromYmd(2026, 2, 29).ok());
    BOOST_TEST(!Date::fromYmd(2100, 2, 29).ok());
    BOOST_TEST(Date::fromYmd(2026, 2, 28).ok());
    BOOST_TEST(ymd(2024, 2, 28).addDays(1).toString() == "2024-02-29");
    BOOST_TEST(ymd(2026, 2, 28).addDays(1).toString() == "2026-03-01");
    BOOST_TEST(ymd(2024, 12, 31).addDays(1).toString() == "2025-01-01");
    BOOST_TEST(ymd(2025, 1, 1).addDays(-1).toString() == "2024-12-31");
    BOOST_TEST(ymd(2024, 3, 1).addDays(-1).toString() == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(from_ymd_rejects_days_that_do_not_exist) {
    for (auto [y, m, d] : {std::tuple{2026, 2, 29},
                           {2026, 4, 31},
                           {2026, 13, 1},
                           {2026, 0, 1},
                           {2026, 1, 0},
                           {2026, 1, 32},
                           {0, 1, 1},
                           {10'000, 1, 1},
                           {-5, 1, 1}}) {
        auto r = Date::fromYmd(y, m, d);
        BOOST_TEST_CONTEXT(y << "-" << m << "-" << d) {
            BOOST_TEST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().code == ErrorCode::InvalidArgument);
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_iso) {
    auto d = Date::parse("2026-11-21");
    BOOST_TEST_REQUIRE(d.ok());
    BOOST_TEST(*d == ymd(2026, 11, 21));
    BOOST_TEST(Date::parse("0001-01-01")->toString() == "0001-01-01");
    BOOST_TEST(Date::parse("9999-12-31")->toString() == "9999-12-31");
    for (const char* bad : {"", "2026-1-21", "2026/11/21", "20261121", " 2026-11-21", "2026-11-21 ",
                            "2026-11-21T00:00", "2026-02-29", "abcd-ef-gh", "+026-11-21", "2026-+1-21",
                            "0000-01-01", "2026-00-10", "2026-11-00", "2026-11-31"}) {
        auto r = Date::parse(bad);
        BOOST_TEST_CONTEXT("text \"" << bad << "\"") {
            BOOST_TEST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().code == ErrorCode::InvalidArgument);
            BOOST_TEST(r.error().message.find("\"" + std::string(bad) + "\"") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_compact) {
    BOOST_TEST(Date::parseCompact("20261121")->toString() == "2026-11-21");
    BOOST_TEST(Date::parseCompact("20240229")->toString() == "2024-02-29");
    BOOST_TEST(ymd(2026, 1, 5).toCompactString() == "20260105");
    for (const char* bad : {"20260229", "2026112", "202611211", "2026-1121", "2026112a", "", "00000101"}) {
        auto r = Date::parseCompact(bad);
        BOOST_TEST_CONTEXT("text \"" << bad << "\"") {
            BOOST_TEST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().code == ErrorCode::InvalidArgument);
        }
    }
}

BOOST_AUTO_TEST_CASE(from_time_point_is_the_utc_date) {
    using namespace std::chrono;
    BOOST_TEST(Date::fromTimePoint(TimePoint{}).toString() == "1970-01-01");
    BOOST_TEST(Date::fromTimePoint(TimePoint{} - seconds(1)).toString() == "1969-12-31");
    const TimePoint late = sys_days{year{2026} / November / 21} + hours(23) + minutes(59) + seconds(59);
    BOOST_TEST(Date::fromTimePoint(late).toString() == "2026-11-21");
    BOOST_TEST(Date::fromTimePoint(late + seconds(1)).toString() == "2026-11-22");
}

BOOST_AUTO_TEST_CASE(ordering) {
    BOOST_TEST((ymd(2026, 1, 31) < ymd(2026, 2, 1)));
    BOOST_TEST((ymd(1969, 12, 31) < ymd(1970, 1, 1)));
    BOOST_TEST((ymd(2026, 11, 21) == *Date::parseCompact("20261121")));
}

BOOST_AUTO_TEST_CASE(every_day_of_years_1_to_9999_agrees_with_std_chrono) {
    using namespace std::chrono;
    const std::int32_t first = ymd(1, 1, 1).daysSinceEpoch();
    const std::int32_t last = ymd(9999, 12, 31).daysSinceEpoch();
    int failures = 0;
    for (std::int32_t days = first; days <= last && failures < 10; ++days) {
        const Date d = Date::fromDays(days);
        const year_month_day expected{sys_days{std::chrono::days{days}}};
        const bool agree = d.year() == static_cast<int>(expected.year()) &&
                           d.month() == static_cast<int>(static_cast<unsigned>(expected.month())) &&
                           d.day() == static_cast<int>(static_cast<unsigned>(expected.day()));
        if (!agree) {
            ++failures;
            BOOST_ERROR("day " << days << " gives " << d.year() << "-" << d.month() << "-" << d.day());
        }
    }
    BOOST_TEST(failures == 0);
}

BOOST_AUTO_TEST_CASE(text_round_trips_on_a_sample) {
    for (std::int32_t days = -719'162; days <= 2'932'896; days += 997) {
        const Date d = Date::fromDays(days);
        BOOST_TEST_REQUIRE(Date::parse(d.toString()).ok());
        BOOST_TEST_REQUIRE(*Date::parse(d.toString()) == d);
        BOOST_TEST_REQUIRE(*Date::parseCompact(d.toCompactString()) == d);
    }
}

BOOST_AUTO_TEST_CASE(years_outside_the_parse_range_still_print) {
    BOOST_TEST(ymd(1, 1, 1).addDays(-1).toString() == "0000-12-31");
    BOOST_TEST(ymd(1, 1, 1).addDays(-367).toString() == "-0001-12-31");
    BOOST_TEST(ymd(9999, 12, 31).addDays(1).toString() == "10000-01-01");
}

BOOST_AUTO_TEST_SUITE_END()
