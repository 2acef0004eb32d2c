// Every quote action from every status reachable through the API, with the role allowed to
// take it, through the real binary (SQLite and PostgreSQL): legal pairs answer with the new
// status, illegal ones 409 and change nothing.
#include <map>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

/// Who takes each action: the rep drafts, submits, sends and revises; the manager approves
/// and rejects; the customer's buyer accepts, declines and orders.
const std::map<std::string, const char*> kActor = {
    {"submit", kRep},     {"send", kRep},         {"revise", kRep},        {"approve", kManager},
    {"reject", kManager}, {"accept", kAcmeBuyer}, {"decline", kAcmeBuyer}, {"order", kAcmeBuyer},
};

void act(SalesEnvironment& env, const std::string& path, const std::string& action) {
    auto answer = env.call(env.token(kActor.at(action)), "POST", path + "/" + action, R"({"note":"n"})");
    BOOST_TEST_REQUIRE(answer.status / 100 == 2, action << ": " << answer.body);
}

/// A new ACME quote brought to `state`; its path. "pending_approval" quotes a price far
/// below the list price, so the policy asks for a manager.
std::string quoteIn(SalesEnvironment& env, const std::string& state) {
    const std::string price = state == "pending_approval" ? R"(,"unit_price":"0.0001","reason":"test")" : "";
    const std::string body = R"({"customer_id":"ACME","valid_until":")" + todayPlus(20) +
                             R"(","lines":[{"sku":")" + kSku + R"(","quantity":1000,"uom":"EA")" + price +
                             "}]}";
    auto created = env.call(env.token(kRep), "POST", "/api/v1/quotes", body);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::string path = idPath("/api/v1/quotes", created);
    if (state == "draft") return path;
    act(env, path, "submit");
    if (state == "pending_approval" || state == "approved") return path;
    act(env, path, "send");
    if (state == "accepted" || state == "ordered") act(env, path, "accept");
    if (state == "declined") act(env, path, "decline");
    if (state == "ordered") act(env, path, "order");
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(quote_transitions_http)

BOOST_AUTO_TEST_CASE(every_action_in_every_status) {
    auto& env = SalesEnvironment::get();
    // status -> action -> the status the quote is in afterwards (absent: 409, no change).
    const std::map<std::string, std::map<std::string, std::string>> legal = {
        {"draft", {{"submit", "approved"}}},
        {"pending_approval", {{"approve", "approved"}, {"reject", "draft"}}},
        {"approved", {{"send", "sent"}}},
        {"sent", {{"accept", "accepted"}, {"decline", "declined"}, {"revise", "draft"}}},
        {"declined", {{"revise", "draft"}}},
        {"accepted", {{"order", "ordered"}}},
        {"ordered", {}},
    };
    for (const auto& [state, targets] : legal) {
        for (const auto& [action, actor] : kActor) {
            BOOST_TEST_CONTEXT(state << " + " << action) {
                const std::string path = quoteIn(env, state);
                auto answer = env.call(env.token(actor), "POST", path + "/" + action, R"({"note":"n"})");
                const std::string now = str(env.call(env.token(kRep), "GET", path).json(), "status");
                auto target = targets.find(action);
                if (target != targets.end()) {
                    BOOST_TEST(answer.status == (action == "order" ? 201 : 200), answer.body);
                    BOOST_TEST(now == target->second);
                } else {
                    BOOST_TEST(answer.status == 409, answer.body);
                    BOOST_TEST(now == state);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
