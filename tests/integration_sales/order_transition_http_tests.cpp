// Every order action from every status, through the real binary (SQLite and PostgreSQL):
// legal pairs answer 200 with the new status, illegal ones 409 and change nothing; plus who
// may act (a buyer cancels only their own received or held order).
#include <map>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

const std::vector<std::string> kActions = {"acknowledge", "hold", "release", "cancel", "close"};

std::string newOrder(SalesEnvironment& env) {
    const std::string body = R"({"customer_id":"ACME","po_number":"TR-)" + uniqueSuffix() +
                             R"(","lines":[{"sku":")" + kSku + R"(","quantity":200,"uom":"EA"}]})";
    auto created = env.call(env.token(kAdmin), "POST", "/api/v1/orders", body);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    return idPath("/api/v1/orders", created);
}

void act(SalesEnvironment& env, const std::string& path, const std::string& action,
         const std::string& body = "") {
    auto answer = env.call(env.token(kAdmin), "POST", path + "/" + action, body);
    BOOST_TEST_REQUIRE(answer.status / 100 == 2, action << ": " << answer.body);
}

void ship(SalesEnvironment& env, const std::string& path, int quantity) {
    act(env, path, "shipments",
        R"({"carrier":"UPSN","lines":[{"line_no":1,"quantity":)" + std::to_string(quantity) + "}]}");
}

/// A new order brought to `state` through the API; its path.
std::string orderIn(SalesEnvironment& env, const std::string& state) {
    const std::string path = newOrder(env);
    const std::string hold = R"({"note":"checking"})";
    if (state == "received") return path;
    if (state == "on_hold/received") {
        act(env, path, "hold", hold);
        return path;
    }
    if (state == "cancelled") {
        act(env, path, "cancel");
        return path;
    }
    act(env, path, "acknowledge");
    if (state == "on_hold/acknowledged") act(env, path, "hold", hold);
    if (state == "partially_shipped") ship(env, path, 100);
    if (state == "shipped" || state == "invoiced" || state == "closed") ship(env, path, 200);
    if (state == "invoiced" || state == "closed") act(env, path, "invoices", "{}");
    if (state == "closed") act(env, path, "close");
    return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_transitions_http)

BOOST_AUTO_TEST_CASE(every_action_in_every_status) {
    auto& env = SalesEnvironment::get();
    // status -> action -> the status it leads to ("" = 409, nothing changes).
    const std::map<std::string, std::map<std::string, std::string>> legal = {
        {"received", {{"acknowledge", "acknowledged"}, {"hold", "on_hold"}, {"cancel", "cancelled"}}},
        {"acknowledged", {{"hold", "on_hold"}, {"cancel", "cancelled"}}},
        {"on_hold/received", {{"release", "received"}, {"cancel", "cancelled"}}},
        {"on_hold/acknowledged",
         {{"release", "acknowledged"}, {"acknowledge", "acknowledged"}, {"cancel", "cancelled"}}},
        {"partially_shipped", {}},
        {"shipped", {}},
        {"invoiced", {{"close", "closed"}}},
        {"closed", {}},
        {"cancelled", {}},
    };
    for (const auto& [state, targets] : legal) {
        for (const std::string& action : kActions) {
            BOOST_TEST_CONTEXT(state << " + " << action) {
                const std::string path = orderIn(env, state);
                const std::string before = str(env.call(env.token(kAdmin), "GET", path).json(), "status");
                auto answer = env.call(env.token(kAdmin), "POST", path + "/" + action, R"({"note":"test"})");
                auto target = targets.find(action);
                if (target != targets.end()) {
                    BOOST_TEST(answer.status == 200, answer.body);
                    BOOST_TEST(str(answer.json(), "status") == target->second);
                } else {
                    BOOST_TEST(answer.status == 409, answer.body);
                    BOOST_TEST(str(env.call(env.token(kAdmin), "GET", path).json(), "status") == before);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(shipments_and_invoices_only_from_their_statuses) {
    auto& env = SalesEnvironment::get();
    const std::string& admin = env.token(kAdmin);
    const std::string shipment = R"({"carrier":"UPSN","lines":[{"line_no":1,"quantity":1}]})";
    for (const std::string state : {"received", "on_hold/acknowledged", "cancelled"}) {
        BOOST_TEST_CONTEXT(state) {
            const std::string path = orderIn(env, state);
            BOOST_TEST(env.call(admin, "POST", path + "/shipments", shipment).status == 409);
            BOOST_TEST(env.call(admin, "POST", path + "/invoices", "{}").status == 409);
        }
    }
    const std::string acknowledged = orderIn(env, "acknowledged");
    BOOST_TEST(env.call(admin, "POST", acknowledged + "/invoices", "{}").status == 409);  // nothing shipped
    const std::string shipped = orderIn(env, "shipped");
    BOOST_TEST(env.call(admin, "POST", shipped + "/shipments", shipment).status == 409);  // nothing left
}

BOOST_AUTO_TEST_CASE(buyers_cancel_their_own_received_or_held_orders_only) {
    auto& env = SalesEnvironment::get();
    const std::string& buyer = env.token(kAcmeBuyer);
    const std::string received = orderIn(env, "received");
    BOOST_TEST(env.call(buyer, "POST", received + "/acknowledge").status == 403);
    BOOST_TEST(env.call(buyer, "POST", received + "/hold", R"({"note":"x"})").status == 403);
    BOOST_TEST(env.call(env.token(kGlobexBuyer), "POST", received + "/cancel").status == 404);
    auto cancelled = env.call(buyer, "POST", received + "/cancel");
    BOOST_TEST_REQUIRE(cancelled.status == 200, cancelled.body);
    BOOST_TEST(str(cancelled.json(), "status") == "cancelled");

    const std::string held = orderIn(env, "on_hold/received");
    BOOST_TEST(env.call(buyer, "POST", held + "/release").status == 403);
    BOOST_TEST(env.call(buyer, "POST", held + "/cancel").status == 200);

    const std::string acknowledged = orderIn(env, "acknowledged");
    BOOST_TEST(env.call(buyer, "POST", acknowledged + "/cancel").status == 409);
    BOOST_TEST(env.call(env.token(kAdmin), "POST", acknowledged + "/hold", "{}").status == 400);  // no reason
}

BOOST_AUTO_TEST_SUITE_END()
