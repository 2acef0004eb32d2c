#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <boost/test/unit_test.hpp>

#include "state/sales_config.h"

using namespace crossdock;
using namespace crossdock::server;

namespace {

Poco::AutoPtr<Poco::Util::MapConfiguration> config(
    std::initializer_list<std::pair<const char*, const char*>> keys) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> c(new Poco::Util::MapConfiguration);
    for (const auto& [key, value] : keys) c->setString(key, value);
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sales_config)

BOOST_AUTO_TEST_CASE(defaults_when_absent) {
    SalesOptions o;
    BOOST_TEST(readSalesOptions(*config({}), o).empty());
    BOOST_TEST(o.quotes.approval.max_discount_percent.toShortString() == "10");
    BOOST_TEST(o.quotes.default_validity_days == 30);
    BOOST_TEST(o.default_tax_rate_percent.isZero());
    BOOST_TEST(o.webhooks.urls.empty());
    BOOST_TEST(o.webhooks.max_attempts == 8);
}

BOOST_AUTO_TEST_CASE(every_key_is_read) {
    SalesOptions o;
    auto c = config({{"sales.quotes.max_discount_percent", "12.5"},
                     {"sales.quotes.min_margin_percent", "7"},
                     {"sales.quotes.validity_days", "14"},
                     {"sales.quotes.expiring_notice_days", "2"},
                     {"sales.quotes.expiry_interval_ms", "250"},
                     {"sales.tax.default_rate_percent", "8.875"},
                     {"sales.webhooks.urls", " http://a.test/x , https://b.test/y,"},
                     {"sales.webhooks.secret", "k"},
                     {"sales.webhooks.interval_ms", "20"},
                     {"sales.webhooks.max_attempts", "4"},
                     {"sales.webhooks.backoff_ms", "1500"},
                     {"sales.webhooks.timeout_seconds", "3"}});
    BOOST_TEST(readSalesOptions(*c, o) == "");
    BOOST_TEST(o.quotes.approval.max_discount_percent.toShortString() == "12.5");
    BOOST_TEST(o.quotes.approval.min_margin_percent.toShortString() == "7");
    BOOST_TEST(o.quotes.default_validity_days == 14);
    BOOST_TEST(o.quotes.expiring_notice_days == 2);
    BOOST_TEST(o.expiry_interval.count() == 250);
    BOOST_TEST(o.default_tax_rate_percent.toShortString() == "8.875");
    BOOST_REQUIRE(o.webhooks.urls.size() == 2u);
    BOOST_TEST(o.webhooks.urls[0] == "http://a.test/x");
    BOOST_TEST(o.webhooks.urls[1] == "https://b.test/y");
    BOOST_TEST(o.webhooks.interval.count() == 20);
    BOOST_TEST(o.webhooks.max_attempts == 4);
    BOOST_TEST(o.webhooks.backoff.count() == 1500);
    BOOST_TEST(o.webhooks.timeout.count() == 3);
}

BOOST_AUTO_TEST_CASE(bad_values_name_the_key) {
    SalesOptions o;
    BOOST_TEST(readSalesOptions(*config({{"sales.tax.default_rate_percent", "101"}}), o)
                   .find("sales.tax.default_rate_percent") == 0u);
    BOOST_TEST(readSalesOptions(*config({{"sales.quotes.validity_days", "soon"}}), o)
                   .find("sales.quotes.validity_days") == 0u);
    BOOST_TEST(readSalesOptions(*config({{"sales.webhooks.urls", "http://a.test"}}), o)
                   .find("sales.webhooks.secret") == 0u);
    SalesOptions p;
    BOOST_TEST(readSalesOptions(
                   *config({{"sales.webhooks.urls", "ftp://a.test"}, {"sales.webhooks.secret", "k"}}), p)
                   .find("sales.webhooks.urls") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
