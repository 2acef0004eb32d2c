// Version diffs: added, removed and changed lines and terms.

#include <chrono>

#include "crossdock/sales/quote_diff.h"
#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

QuoteLine ql(int no, std::string sku, std::string_view qty, std::string uom, std::string_view price,
             std::string reason = "") {
    QuoteLine line;
    line.line_no = no;
    line.sku = std::move(sku);
    line.quantity = dec(qty);
    line.uom = std::move(uom);
    line.list_price = dec("10");
    line.unit_price = dec(price);
    line.reason = std::move(reason);
    return line;
}

QuoteVersion version(int n, std::vector<QuoteLine> lines) {
    QuoteVersion v;
    v.quote_id = 1;
    v.version = n;
    v.currency = "USD";
    v.valid_until = date(2026, 4, 30);
    v.lines = std::move(lines);
    v.notes = "net 30";
    return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quote_diff)

BOOST_AUTO_TEST_CASE(identical_versions_have_no_diff) {
    const auto v = version(1, {ql(1, "A", "1", "EA", "10")});
    BOOST_TEST(diffQuoteVersions(v, v).empty());
}

BOOST_AUTO_TEST_CASE(added_removed_changed) {
    const auto v1 =
        version(1, {ql(1, "A", "1", "EA", "10"), ql(2, "B", "5", "EA", "10"), ql(3, "C", "1", "EA", "10")});
    auto v2 = version(
        2, {ql(1, "A", "2", "CS", "9", "bulk"), ql(2, "C", "1", "EA", "10"), ql(3, "D", "7", "EA", "10")});
    v2.valid_until = date(2026, 5, 31);
    v2.notes = "net 45";
    const QuoteDiff diff = diffQuoteVersions(v1, v2);
    BOOST_TEST(diff.from_version == 1);
    BOOST_TEST(diff.to_version == 2);
    BOOST_REQUIRE(diff.added.size() == 1U);
    BOOST_TEST(diff.added[0].sku == "D");
    BOOST_REQUIRE(diff.removed.size() == 1U);
    BOOST_TEST(diff.removed[0].sku == "B");
    BOOST_REQUIRE(diff.changed.size() == 1U);  // C moved from line 3 to 2: not a change
    const LineChange& a = diff.changed[0];
    BOOST_TEST(a.sku == "A");
    const std::vector<FieldChange> expected{
        {"quantity", "1", "2"}, {"uom", "EA", "CS"}, {"unit_price", "10", "9"}, {"reason", "", "bulk"}};
    BOOST_TEST(a.changes == expected, boost::test_tools::per_element());
    const std::vector<FieldChange> terms{{"valid_until", "2026-04-30", "2026-05-31"},
                                         {"notes", "net 30", "net 45"}};
    BOOST_TEST(diff.terms == terms, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(repeated_skus_pair_in_order) {
    const auto v1 = version(1, {ql(1, "A", "1", "EA", "10"), ql(2, "A", "2", "EA", "10")});
    const auto v2 =
        version(2, {ql(1, "A", "1", "EA", "10"), ql(2, "A", "3", "EA", "10"), ql(3, "A", "4", "EA", "10")});
    const QuoteDiff diff = diffQuoteVersions(v1, v2);
    BOOST_REQUIRE(diff.changed.size() == 1U);
    BOOST_TEST(diff.changed[0].from_line_no == 2);
    BOOST_TEST(diff.changed[0].to_line_no == 2);
    BOOST_REQUIRE(diff.added.size() == 1U);
    BOOST_TEST(diff.added[0].quantity == dec("4"));
    BOOST_TEST(diff.removed.empty());
}

BOOST_AUTO_TEST_CASE(list_price_and_total_changes_show) {
    auto v1 = version(1, {ql(1, "A", "1", "EA", "10")});
    auto v2 = v1;
    v2.version = 2;
    v2.lines[0].list_price = dec("11");
    v2.total = dec("10");
    const QuoteDiff diff = diffQuoteVersions(v1, v2);
    BOOST_REQUIRE(diff.changed.size() == 1U);
    BOOST_TEST(diff.changed[0].changes[0].field == "list_price");
    BOOST_REQUIRE(diff.terms.size() == 1U);
    BOOST_TEST(diff.terms[0].field == "total");
}

BOOST_AUTO_TEST_CASE(five_hundred_lines_diff_quickly) {
    std::vector<QuoteLine> a;
    std::vector<QuoteLine> b;
    for (int i = 1; i <= 500; ++i) {
        a.push_back(ql(i, "SKU-" + std::to_string(i), "1", "EA", "10"));
        b.push_back(ql(i, "SKU-" + std::to_string(i), i % 10 == 0 ? "2" : "1", "EA", "10"));
    }
    const auto start = std::chrono::steady_clock::now();
    const QuoteDiff diff = diffQuoteVersions(version(1, a), version(2, b));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    BOOST_TEST(diff.changed.size() == 50U);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 100);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
