#include <thread>

#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

std::string newQuoteBody(const std::string& valid_until, const std::string& quantity = "1000") {
    return R"({"customer_id":"ACME","valid_until":")" + valid_until + R"(","notes":"integration",)" +
           R"("lines":[{"sku":")" + kSku + R"(","quantity":)" + quantity + R"(,"uom":"EA"}]})";
}

/// Creates a quote as the rep and moves it to Sent (list prices: approved at submit).
HttpAnswer sentQuote(SalesEnvironment& env, const std::string& valid_until) {
    const std::string& rep = env.token(kRep);
    auto created = env.call(rep, "POST", "/api/v1/quotes", newQuoteBody(valid_until));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string path = idPath("/api/v1/quotes", created);
    auto submitted = env.call(rep, "POST", path + "/submit");
    BOOST_TEST_REQUIRE(submitted.status == 200, submitted.body);
    BOOST_TEST(str(submitted.json(), "status") == "approved");
    auto sent = env.call(rep, "POST", path + "/send");
    BOOST_TEST_REQUIRE(sent.status == 200, sent.body);
    BOOST_TEST(str(sent.json(), "status") == "sent");
    return sent;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quote_flow)

BOOST_AUTO_TEST_CASE(rep_drafts_manager_approves_buyer_accepts_and_orders) {
    auto& env = SalesEnvironment::get();
    const std::string& rep = env.token(kRep);
    auto created = env.call(rep, "POST", "/api/v1/quotes", newQuoteBody(todayPlus(10)));
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    core::Json quote = created.json();
    BOOST_TEST(str(quote, "status") == "draft");
    BOOST_TEST(num(quote, "version") == 1);
    BOOST_TEST(created.header("ETag") == "\"1\"");
    const std::string path = idPath("/api/v1/quotes", created);
    const core::Json& line = quote.find("lines")->items().at(0);
    const std::string list_price = str(line, "list_price");
    BOOST_TEST(list_price.size() > 5u);  // "0.0321": a resolved price with 4 digits
    BOOST_TEST(str(line, "unit_price") == list_price);

    // 20 % off needs a manager.
    auto discounted =
        core::Decimal::multiplyRounded(*core::Decimal::parse(list_price), *core::Decimal::parse("0.8"), 4);
    const std::string edit = R"({"lines":[{"sku":")" + std::string(kSku) +
                             R"(","quantity":1000,"uom":"EA","unit_price":")" + discounted->toString() +
                             R"(","reason":"competitor offer"}]})";
    auto patched = env.call(rep, "PATCH", path, edit, {{"If-Match", "\"1\""}});
    BOOST_TEST_REQUIRE(patched.status == 200, patched.body);
    BOOST_TEST(patched.header("ETag") == "\"2\"");
    auto stale = env.call(rep, "PATCH", path, edit, {{"If-Match", "\"1\""}});
    BOOST_TEST(stale.status == 412, stale.body);

    BOOST_TEST(env.call(env.token(kAcmeBuyer), "POST", path + "/submit").status == 403);
    auto submitted = env.call(rep, "POST", path + "/submit");
    BOOST_TEST_REQUIRE(submitted.status == 200, submitted.body);
    BOOST_TEST(str(submitted.json(), "status") == "pending_approval");
    BOOST_TEST(env.call(rep, "POST", path + "/approve", R"({"note":"self"})").status == 403);
    BOOST_TEST(env.call(rep, "POST", path + "/send").status == 409);  // not approved yet
    auto approved =
        env.call(env.token(kManager), "POST", path + "/approve", R"({"note":"strategic account"})");
    BOOST_TEST_REQUIRE(approved.status == 200, approved.body);
    BOOST_TEST(str(approved.json(), "status") == "approved");
    auto sent = env.call(rep, "POST", path + "/send");
    BOOST_TEST_REQUIRE(sent.status == 200, sent.body);

    // Another customer's buyer: as if the quote did not exist.
    BOOST_TEST(env.call(env.token(kGlobexBuyer), "GET", path).status == 404);
    BOOST_TEST(env.call(env.token(kGlobexBuyer), "POST", path + "/accept").status == 404);
    BOOST_TEST(env.call(env.token(kAcmeBuyer), "GET", "/api/v1/quotes/999999").status == 404);

    const std::string& buyer = env.token(kAcmeBuyer);
    auto seen = env.call(buyer, "GET", path);
    BOOST_TEST_REQUIRE(seen.status == 200, seen.body);
    BOOST_TEST(seen.json().find("lines")->items().at(0).find("cost") == nullptr);  // internal
    auto accepted = env.call(buyer, "POST", path + "/accept");
    BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
    BOOST_TEST(str(accepted.json(), "status") == "accepted");

    const std::string po = "QPO-" + uniqueSuffix();
    auto ordered = env.call(buyer, "POST", path + "/order", R"({"po_number":")" + po + R"("})");
    BOOST_TEST_REQUIRE(ordered.status == 201, ordered.body);
    core::Json order = ordered.json();
    BOOST_TEST(str(order, "source") == "quote");
    BOOST_TEST(str(order, "po_number") == po);
    BOOST_TEST(str(order, "customer_id") == "ACME");
    BOOST_TEST(str(order.find("lines")->items().at(0), "unit_price") == discounted->toString());
    BOOST_TEST(str(order.find("lines")->items().at(0), "explanation").find("quote Q-") == 0u);

    auto final_quote = env.call(rep, "GET", path);
    BOOST_TEST(str(final_quote.json(), "status") == "ordered");
    BOOST_TEST(num(final_quote.json(), "order_id") == num(order, "id"));
    BOOST_TEST(final_quote.json().find("transitions")->items().size() == 6u);
}

BOOST_AUTO_TEST_CASE(revise_keeps_the_old_version_and_diffs) {
    auto& env = SalesEnvironment::get();
    auto sent = sentQuote(env, todayPlus(20));
    const std::string path = idPath("/api/v1/quotes", sent);
    const std::string& rep = env.token(kRep);
    auto declined = env.call(env.token(kAcmeBuyer), "POST", path + "/decline", R"({"note":"too many"})");
    BOOST_TEST_REQUIRE(declined.status == 200, declined.body);
    auto revised = env.call(rep, "POST", path + "/revise");
    BOOST_TEST_REQUIRE(revised.status == 200, revised.body);
    BOOST_TEST(num(revised.json(), "version") == 2);
    BOOST_TEST(str(revised.json(), "status") == "draft");
    auto patched =
        env.call(rep, "PATCH", path,
                 R"({"lines":[{"sku":")" + std::string(kSku) + R"(","quantity":500,"uom":"EA"}]})");
    BOOST_TEST_REQUIRE(patched.status == 200, patched.body);

    auto v1 = env.call(rep, "GET", path + "/versions/1");
    BOOST_TEST_REQUIRE(v1.status == 200, v1.body);
    BOOST_TEST(str(v1.json(), "status") == "declined");
    BOOST_TEST(str(v1.json().find("lines")->items().at(0), "quantity") == "1000");
    auto diff = env.call(rep, "GET", path + "/diff?from=1&to=2");
    BOOST_TEST_REQUIRE(diff.status == 200, diff.body);
    const core::Json diff_json = diff.json();
    const auto& changed = diff_json.find("changed")->items();
    BOOST_REQUIRE(changed.size() == 1u);
    BOOST_TEST(str(changed[0], "sku") == kSku);
    BOOST_TEST(str(changed[0].find("changes")->items().at(0), "field") == "quantity");
    BOOST_TEST(env.call(env.token(kGlobexBuyer), "GET", path + "/diff?from=1&to=2").status == 404);

    auto listed = env.call(env.token(kAcmeBuyer), "GET", "/api/v1/quotes?status=draft");
    BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
    BOOST_TEST(listed.json().find("next_cursor") != nullptr);
    const core::Json listed_json = listed.json();
    for (const auto& item : listed_json.find("items")->items()) {
        BOOST_TEST(str(item, "customer_id") == "ACME");
        BOOST_TEST(str(item, "status") == "draft");
    }
    auto globex_list = env.call(env.token(kGlobexBuyer), "GET", "/api/v1/quotes");
    const core::Json globex_json = globex_list.json();
    for (const auto& item : globex_json.find("items")->items())
        BOOST_TEST(str(item, "customer_id") == "GLOBEX");
}

BOOST_AUTO_TEST_CASE(expiry_job_notifies_then_expires_sent_quotes) {
    auto& env = SalesEnvironment::get();
    auto sent = sentQuote(env, todayPlus(0));
    const std::string number = str(sent.json(), "number");
    const std::string path = idPath("/api/v1/quotes", sent);
    // valid_until is today: within the notice period, not yet expired.
    BOOST_TEST(env.webhooks().waitFor("\"type\":\"quote.expiring\"", std::chrono::seconds(15)));
    BOOST_TEST(str(env.call(env.token(kRep), "GET", path).json(), "status") == "sent");

    env.runSql("UPDATE quotes SET valid_until = '2001-01-01' WHERE number = '" + number + "'");
    std::string status;
    for (int i = 0; i < 100 && status != "expired"; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        status = str(env.call(env.token(kRep), "GET", path).json(), "status");
    }
    BOOST_TEST(status == "expired");
    auto accept = env.call(env.token(kAcmeBuyer), "POST", path + "/accept");
    BOOST_TEST(accept.status == 409, accept.body);
    auto revised = env.call(env.token(kRep), "POST", path + "/revise");
    BOOST_TEST(revised.status == 200, revised.body);
}

BOOST_AUTO_TEST_CASE(buyer_requests_a_quote_and_a_rep_takes_it) {
    auto& env = SalesEnvironment::get();
    const std::string& buyer = env.token(kAcmeBuyer);
    const std::string body = R"({"notes":"for the Q3 build","lines":[{"sku":")" + std::string(kSku) +
                             R"(","quantity":5000,"uom":"EA","target_price":"0.0200"}]})";
    auto requested = env.call(buyer, "POST", "/api/v1/quotes", body);
    BOOST_TEST_REQUIRE(requested.status == 201, requested.body);
    const core::Json quote = requested.json();
    BOOST_TEST(str(quote, "customer_id") == "ACME");
    BOOST_TEST(str(quote, "status") == "draft");
    BOOST_TEST(num(quote, "rep_id") == 0);
    BOOST_TEST(str(quote.find("lines")->items().at(0), "target_price") == "0.0200");
    const std::string path = idPath("/api/v1/quotes", requested);
    BOOST_TEST(env.call(buyer, "POST", path + "/submit").status == 403);
    auto taken = env.call(env.token(kRep), "PATCH", path, R"({"terms":"Net 30"})");
    BOOST_TEST_REQUIRE(taken.status == 200, taken.body);
    BOOST_TEST(num(taken.json(), "rep_id") > 0);
    BOOST_TEST(str(taken.json().find("lines")->items().at(0), "target_price") == "0.0200");
    auto sent = env.call(env.token(kRep), "POST", path + "/submit");
    BOOST_TEST_REQUIRE(sent.status == 200, sent.body);
    sent = env.call(env.token(kRep), "POST", path + "/send");
    BOOST_TEST_REQUIRE(sent.status == 200, sent.body);
    auto events = env.call(buyer, "GET", path + "/events");
    BOOST_TEST_REQUIRE(events.status == 200, events.body);
    const core::Json events_json = events.json();
    BOOST_TEST(str(events_json.find("items")->items().at(0), "type") == "quote.sent");
}

BOOST_AUTO_TEST_SUITE_END()
