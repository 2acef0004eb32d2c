// The approval policy at and around its limits, as pure functions and through submit.

#include "crossdock/sales/approval_policy.h"
#include "test_helpers.h"

namespace crossdock::sales::testing {

BOOST_AUTO_TEST_SUITE(approval_policy)

BOOST_AUTO_TEST_CASE(discount_at_and_around_ten_percent) {
    const Decimal ten = dec("10");
    BOOST_TEST(!discountExceeds(dec("100"), dec("90.01"), ten));  // 9.99 %
    BOOST_TEST(!discountExceeds(dec("100"), dec("90.00"), ten));  // exactly 10 %: allowed
    BOOST_TEST(discountExceeds(dec("100"), dec("89.99"), ten));   // 10.01 %
    // Exact arithmetic where a percentage would need more than 4 digits:
    // 3 → 2.7 is exactly 10 %; 2.6999 is 10.0033 %.
    BOOST_TEST(!discountExceeds(dec("3"), dec("2.7"), ten));
    BOOST_TEST(discountExceeds(dec("3"), dec("2.6999"), ten));
    BOOST_TEST(!discountExceeds(dec("0.0003"), dec("0.0002"), dec("33.3334")));  // 33.333... %
    BOOST_TEST(discountExceeds(dec("0.0003"), dec("0.0002"), dec("33.3333")));
}

BOOST_AUTO_TEST_CASE(discount_edge_cases) {
    BOOST_TEST(!discountExceeds(dec("100"), dec("120"), dec("10")));  // above list
    BOOST_TEST(!discountExceeds(dec("0"), dec("0"), dec("10")));      // free item
    BOOST_TEST(discountExceeds(dec("100"), dec("0"), dec("10")));     // given away
    BOOST_TEST(!discountExceeds(dec("100"), dec("0"), dec("100")));   // a 100 % limit allows anything
    BOOST_TEST(discountExceeds(dec("100"), dec("99.9999"), dec("0")));
}

BOOST_AUTO_TEST_CASE(margin_at_and_around_five_percent) {
    const Decimal five = dec("5");
    BOOST_TEST(marginBelowFloor(dec("100"), dec("95.01"), five));   // 4.99 %
    BOOST_TEST(!marginBelowFloor(dec("100"), dec("95.00"), five));  // exactly 5 %: allowed
    BOOST_TEST(!marginBelowFloor(dec("100"), dec("94.99"), five));  // 5.01 %
    BOOST_TEST(marginBelowFloor(dec("10"), dec("12"), five));       // selling below cost
    BOOST_TEST(marginBelowFloor(dec("0"), dec("0"), five));         // no price, no margin
    BOOST_TEST(!marginBelowFloor(dec("1"), dec("1"), dec("0")));    // break-even with a 0 % floor
}

BOOST_AUTO_TEST_CASE(rep_limits_replace_the_default) {
    ApprovalPolicy policy;
    policy.rep_discount_percent[11] = dec("15");
    BOOST_TEST(policy.discountLimitFor(10) == dec("10"));
    BOOST_TEST(policy.discountLimitFor(11) == dec("15"));
    QuoteLine line;
    line.line_no = 1;
    line.list_price = dec("100");
    line.unit_price = dec("88");
    BOOST_TEST(evaluateApproval(policy, 10, {line}).size() == 1U);
    BOOST_TEST(evaluateApproval(policy, 11, {line}).empty());
}

BOOST_AUTO_TEST_CASE(findings_name_lines_and_kinds) {
    ApprovalPolicy policy;
    QuoteLine fine{1, "A", dec("1"), "EA", dec("100"), dec("95"), "volume", dec("50"), {}, "", dec("95")};
    QuoteLine both{2, "B", dec("1"), "EA", dec("100"), dec("50"), "clearance", dec("49"), {}, "", dec("50")};
    QuoteLine no_cost{3, "C", dec("1"), "EA", dec("100"), dec("89"), "match", {}, {}, "", dec("89")};
    auto findings = evaluateApproval(policy, 10, {fine, both, no_cost});
    BOOST_REQUIRE(findings.size() == 3U);
    BOOST_TEST(findings[0].line_no == 2);
    BOOST_TEST((findings[0].kind == ApprovalFinding::Kind::Discount));
    BOOST_TEST(findings[1].line_no == 2);
    BOOST_TEST((findings[1].kind == ApprovalFinding::Kind::Margin));
    BOOST_TEST(findings[2].line_no == 3);
    BOOST_TEST(findings[0].message.find("line 2") == 0U);
}

namespace {

/// Submits a one-line WIDGET quote (list 100, cost from `cost`) at `price`.
QuoteStatus submitAt(std::string_view price, std::string_view cost = "80") {
    World w;
    w.items.at("WIDGET").cost = dec(cost);
    const Quote quote = w.draft({line("WIDGET", "1", "EA", price, "competitive offer")});
    auto submitted = w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit);
    BOOST_REQUIRE_MESSAGE(submitted.ok(), describe(submitted));
    return submitted->status;
}

}  // namespace

BOOST_AUTO_TEST_CASE(submit_decides_on_discount) {
    BOOST_TEST(submitAt("90.01") == QuoteStatus::Approved);
    BOOST_TEST(submitAt("90.00") == QuoteStatus::Approved);
    BOOST_TEST(submitAt("89.99") == QuoteStatus::PendingApproval);
}

BOOST_AUTO_TEST_CASE(submit_decides_on_margin) {
    BOOST_TEST(submitAt("100", "95.01") == QuoteStatus::PendingApproval);  // 4.99 %
    BOOST_TEST(submitAt("100", "95") == QuoteStatus::Approved);            // 5 %
    BOOST_TEST(submitAt("100", "94.99") == QuoteStatus::Approved);         // 5.01 %
}

BOOST_AUTO_TEST_CASE(pending_submit_records_the_findings) {
    World w;
    const Quote quote = w.draft({line("WIDGET", "1", "EA", "85", "key account")});
    auto submitted = w.quote_service.perform(w.rep, quote.id, QuoteAction::Submit, {"please", std::nullopt});
    BOOST_REQUIRE(submitted.ok());
    BOOST_TEST(submitted->status == QuoteStatus::PendingApproval);
    const std::string& note = submitted->transitions.back().note;
    BOOST_TEST(note.find("please; line 1:") == 0U, note);
    BOOST_TEST(note.find("10% below list price 100.0000") != std::string::npos, note);
}

BOOST_AUTO_TEST_CASE(cost_is_per_line_unit) {
    World w;  // BOLT costs 0.50 per EA: 6.00 per case of 12
    const Quote quote = w.draft({line("BOLT", "2", "CS", "6.20", "pallet deal")});
    BOOST_TEST(*quote.lines[0].cost == dec("6"));
    // 6.20 is 48 % below the list 12.00: over the limit; margin 3.2 % is under the floor.
    auto findings = evaluateApproval(w.quote_service.options().approval, 10, quote.lines);
    BOOST_TEST(findings.size() == 2U);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
