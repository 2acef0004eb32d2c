// Customer terms through the real binary (SQLite and PostgreSQL): a credit limit that holds
// an order, the assigned rep who owns a buyer's request for quote, and invoices taxed per
// item rate and per customer exemption.
#include <boost/test/unit_test.hpp>

#include "sales_test_helpers.h"

using namespace crossdock;
using namespace crossdock::integration;

namespace {

/// An import through POST /api/v1/imports/{kind} as admin; the answer.
HttpAnswer importCsv(SalesEnvironment& env, const std::string& kind, const std::string& csv) {
    return env.call(env.token(kAdmin), "POST", "/api/v1/imports/" + kind, csv,
                    {{"Content-Type", "text/csv"}});
}

/// A buyer of `company` with the demo password; returns the buyer's e-mail.
std::string createBuyer(SalesEnvironment& env, const std::string& company) {
    const std::string email = "buyer-" + uniqueSuffix() + "@terms.test";
    const std::string body = R"({"email":")" + email + R"(","password":")" + kDemoPassword +
                             R"(","role":"buyer","company_id":")" + company + R"("})";
    auto created = env.call(env.token(kAdmin), "POST", "/api/v1/users", body);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    return email;
}

/// A price list `list` pricing `sku` at `price` per EA from quantity 1.
void priceAt(SalesEnvironment& env, const std::string& list, const std::string& sku,
             const std::string& price) {
    auto imported = importCsv(
        env, "prices",
        "price_list,currency,sku,uom,min_qty,unit_price\n" + list + ",USD," + sku + ",EA,1," + price + "\n");
    BOOST_TEST_REQUIRE(imported.status == 200, imported.body);
}

std::string order(const std::string& po, const std::string& sku, const std::string& quantity) {
    return R"({"po_number":")" + po + R"(","lines":[{"sku":")" + sku + R"(","quantity":)" + quantity +
           R"(,"uom":"EA"}]})";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(customer_terms)

BOOST_AUTO_TEST_CASE(an_order_beyond_the_credit_limit_is_held_until_a_manager_releases_it) {
    auto& env = SalesEnvironment::get();
    const std::string id = "CREDIT-" + uniqueSuffix();
    priceAt(env, "L" + id, kSku, "1.0000");
    const std::string customer = R"({"customer_id":")" + id + R"(","name":"Credit Test","currency":"USD",)" +
                                 R"("price_lists":["L)" + id + R"("],"credit_limit":"1000"})";
    auto created = env.call(env.token(kAdmin), "POST", "/api/v1/customers", customer);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    BOOST_TEST(str(created.json(), "credit_limit") == "1000.0000");
    BOOST_TEST(env.call(env.token(kAdmin), "GET", "/api/v1/customers/" + id).body.find("\"1000.0000\"") !=
               std::string::npos);
    const std::string& buyer = env.token(createBuyer(env, id));

    auto first = env.call(buyer, "POST", "/api/v1/orders", order("C1-" + id, kSku, "800"));
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    BOOST_TEST(str(first.json(), "total") == "800.0000");
    BOOST_TEST(str(first.json(), "status") == "received");
    auto acknowledged =
        env.call(env.token(kManager), "POST", idPath("/api/v1/orders", first) + "/acknowledge");
    BOOST_TEST_REQUIRE(acknowledged.status == 200, acknowledged.body);
    BOOST_TEST(str(acknowledged.json(), "status") == "acknowledged");

    auto second = env.call(buyer, "POST", "/api/v1/orders", order("C2-" + id, kSku, "300"));
    BOOST_TEST_REQUIRE(second.status == 201, second.body);
    BOOST_TEST(str(second.json(), "status") == "on_hold");
    const core::Json held_order = second.json();
    const core::Json& reasons = *held_order.find("hold_reasons");
    BOOST_TEST_REQUIRE(reasons.size() == 1u);
    BOOST_TEST(reasons.items().at(0).asString().find("credit limit 1000") != std::string::npos,
               reasons.items().at(0).asString());
    BOOST_TEST(reasons.items().at(0).asString().find("open 800") != std::string::npos);

    const std::string held = idPath("/api/v1/orders", second);
    BOOST_TEST(env.call(buyer, "POST", held + "/release").status == 403);
    auto released = env.call(env.token(kManager), "POST", held + "/release");
    BOOST_TEST_REQUIRE(released.status == 200, released.body);
    BOOST_TEST(str(released.json(), "status") == "received");

    // A cancelled order no longer counts: 800 open + 200 is exactly the limit, which is fine.
    BOOST_TEST_REQUIRE(env.call(env.token(kManager), "POST", held + "/cancel").status == 200);
    auto third = env.call(buyer, "POST", "/api/v1/orders", order("C3-" + id, kSku, "200"));
    BOOST_TEST_REQUIRE(third.status == 201, third.body);
    BOOST_TEST(str(third.json(), "status") == "received");
    auto fourth = env.call(buyer, "POST", "/api/v1/orders", order("C4-" + id, kSku, "1"));
    BOOST_TEST_REQUIRE(fourth.status == 201, fourth.body);
    BOOST_TEST(str(fourth.json(), "status") == "on_hold");
}

BOOST_AUTO_TEST_CASE(credit_limit_must_be_a_decimal_of_at_least_zero) {
    auto& env = SalesEnvironment::get();
    const std::string id = "BADLIMIT-" + uniqueSuffix();
    auto refused =
        env.call(env.token(kAdmin), "POST", "/api/v1/customers",
                 R"({"customer_id":")" + id + R"(","name":"X","currency":"USD","credit_limit":"-1"})");
    BOOST_TEST(refused.status == 400, refused.body);
    BOOST_TEST(refused.body.find("$.credit_limit") != std::string::npos, refused.body);
    auto imported = importCsv(
        env, "customers",
        "customer_id,name,currency,price_lists,credit_limit,tax_exempt\n" + id + ",X,USD,,lots,maybe\n");
    BOOST_TEST(imported.status == 422, imported.body);
    BOOST_TEST(imported.body.find("customers.csv:2 field credit_limit") != std::string::npos, imported.body);
    BOOST_TEST(imported.body.find("customers.csv:2 field tax_exempt") != std::string::npos, imported.body);
    BOOST_TEST(env.call(env.token(kAdmin), "GET", "/api/v1/customers/" + id).status == 404);
}

BOOST_AUTO_TEST_CASE(a_buyers_request_for_quote_goes_to_the_customers_rep) {
    auto& env = SalesEnvironment::get();
    const std::string id = "REP-" + uniqueSuffix();
    const std::string header = "customer_id,name,currency,price_lists,rep\n";
    auto unknown = importCsv(
        env, "customers", header + "OK-" + id + ",Fine,USD,,\n" + id + ",Rep Test,USD,,nobody@terms.test\n");
    BOOST_TEST_REQUIRE(unknown.status == 422, unknown.body);
    BOOST_TEST(unknown.body.find(R"("where":"customers.csv:3 field rep")") != std::string::npos,
               unknown.body);
    BOOST_TEST(unknown.json().find("imported")->asInt64().valueOr(-1) == 0);
    BOOST_TEST(env.call(env.token(kAdmin), "GET", "/api/v1/customers/OK-" + id).status == 404);
    auto buyer_as_rep = importCsv(env, "customers", header + id + ",Rep Test,USD,," + kAcmeBuyer + "\n");
    BOOST_TEST(buyer_as_rep.status == 422, buyer_as_rep.body);
    BOOST_TEST(buyer_as_rep.body.find("customers.csv:2 field rep") != std::string::npos, buyer_as_rep.body);

    auto imported = importCsv(env, "customers", header + id + ",Rep Test,USD,,REP@crossdock.local\n");
    BOOST_TEST_REQUIRE(imported.status == 200, imported.body);
    auto customer = env.call(env.token(kRep), "GET", "/api/v1/customers/" + id);
    BOOST_TEST_REQUIRE(customer.status == 200, customer.body);
    BOOST_TEST(str(customer.json(), "rep_email") == kRep);
    const std::int64_t rep_id = num(customer.json(), "rep_id");
    BOOST_TEST_REQUIRE(rep_id > 0);

    const std::string& buyer = env.token(createBuyer(env, id));
    const core::Json own = env.call(buyer, "GET", "/api/v1/customers").json();  // a one-item list
    BOOST_TEST_REQUIRE(own.find("items")->size() == 1u);
    BOOST_TEST(str(own.find("items")->items().at(0), "rep_email") == kRep);
    BOOST_TEST(own.find("items")->items().at(0).find("credit_limit")->isNull());
    auto requested =
        env.call(buyer, "POST", "/api/v1/quotes",
                 R"({"lines":[{"sku":")" + std::string(kSku) + R"(","quantity":100,"uom":"EA"}]})");
    BOOST_TEST_REQUIRE(requested.status == 201, requested.body);
    BOOST_TEST(num(requested.json(), "rep_id") == rep_id);
    const std::int64_t quote_id = num(requested.json(), "id");
    auto mine = env.call(env.token(kRep), "GET",
                         "/api/v1/quotes?customer_id=" + id + "&rep_id=" + std::to_string(rep_id));
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    const core::Json listed = mine.json();
    const auto& items = listed.find("items")->items();
    BOOST_TEST_REQUIRE(items.size() == 1u);
    BOOST_TEST(num(items.at(0), "id") == quote_id);

    // A re-import without the rep column keeps the rep; an empty rep unassigns.
    BOOST_TEST(importCsv(env, "customers", "customer_id,name,currency,price_lists\n" + id + ",Renamed,USD,\n")
                   .status == 200);
    BOOST_TEST(num(env.call(env.token(kRep), "GET", "/api/v1/customers/" + id).json(), "rep_id") == rep_id);
    BOOST_TEST(importCsv(env, "customers", header + id + ",Renamed,USD,,\n").status == 200);
    BOOST_TEST(env.call(env.token(kRep), "GET", "/api/v1/customers/" + id).json().find("rep_id")->isNull());
}

BOOST_AUTO_TEST_CASE(an_invoice_is_taxed_per_item_rate_and_not_for_an_exempt_customer) {
    auto& env = SalesEnvironment::get();
    const std::string id = uniqueSuffix();
    const std::string reduced = "TAXA-" + id, standard = "TAXB-" + id;
    auto catalog = importCsv(env, "catalog",
                             "sku,name,category_path,base_uom,tax_rate\n" + reduced +
                                 ",Taxed at 19,Hardware > Fasteners > Nuts,EA,19\n" + standard +
                                 ",Default rate,Hardware > Fasteners > Nuts,EA,\n");
    BOOST_TEST_REQUIRE(catalog.status == 200, catalog.body);
    auto bad_rate = importCsv(env, "catalog",
                              "sku,name,category_path,base_uom,tax_rate\n" + reduced +
                                  ",Taxed,Hardware > Fasteners > Nuts,EA,100.5\n");
    BOOST_TEST(bad_rate.status == 422, bad_rate.body);
    BOOST_TEST(bad_rate.body.find("catalog.csv:2 field tax_rate") != std::string::npos, bad_rate.body);
    priceAt(env, "TAX-" + id, reduced, "12.3400");
    priceAt(env, "TAX-" + id, standard, "13.2800");
    auto customers =
        importCsv(env, "customers",
                  "customer_id,name,currency,price_lists,tax_exempt\nTAXED-" + id + ",Taxed,USD,TAX-" + id +
                      ",false\nEXEMPT-" + id + ",Exempt,USD,TAX-" + id + ",true\n");
    BOOST_TEST_REQUIRE(customers.status == 200, customers.body);

    const std::string& admin = env.token(kAdmin);
    auto invoiceFor = [&](const std::string& customer) {
        const std::string body = R"({"customer_id":")" + customer + R"(","po_number":"T-)" + id +
                                 R"(","lines":[{"sku":")" + reduced + R"(","quantity":3,"uom":"EA"},)" +
                                 R"({"sku":")" + standard + R"(","quantity":3,"uom":"EA"}]})";
        auto created = env.call(admin, "POST", "/api/v1/orders", body);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        const std::string path = idPath("/api/v1/orders", created);
        BOOST_TEST_REQUIRE(env.call(admin, "POST", path + "/acknowledge").status == 200);
        auto shipped =
            env.call(admin, "POST", path + "/shipments",
                     R"({"carrier":"UPSN","lines":[{"line_no":1,"quantity":3},{"line_no":2,"quantity":3}]})");
        BOOST_TEST_REQUIRE(shipped.status == 201, shipped.body);
        auto invoiced = env.call(admin, "POST", path + "/invoices", "{}");
        BOOST_TEST_REQUIRE(invoiced.status == 201, invoiced.body);
        return invoiced.json();
    };

    // 37.02 at 19 % = 7.0338 -> 7.03; 39.84 at the default 8.875 % = 3.5358 -> 3.54.
    const core::Json taxed = invoiceFor("TAXED-" + id);
    const auto& taxes = taxed.find("taxes")->items();
    BOOST_TEST_REQUIRE(taxes.size() == 2u, taxed.find("taxes")->size());
    BOOST_TEST(str(taxes.at(0), "rate_percent") == "8.875");
    BOOST_TEST(str(taxes.at(0), "taxable_amount") == "39.8400");
    BOOST_TEST(str(taxes.at(0), "tax_amount") == "3.5400");
    BOOST_TEST(str(taxes.at(1), "rate_percent") == "19");
    BOOST_TEST(str(taxes.at(1), "taxable_amount") == "37.0200");
    BOOST_TEST(str(taxes.at(1), "tax_amount") == "7.0300");
    BOOST_TEST(str(taxed, "line_total") == "76.8600");
    BOOST_TEST(str(taxed, "tax_total") == "10.5700");
    BOOST_TEST(str(taxed, "total") == "87.4300");
    BOOST_TEST(str(taxed.find("lines")->items().at(0), "tax_rate_percent") == "19");

    const core::Json exempt = invoiceFor("EXEMPT-" + id);
    const auto& none = exempt.find("taxes")->items();
    BOOST_TEST_REQUIRE(none.size() == 1u);
    BOOST_TEST(str(none.at(0), "rate_percent") == "0");
    BOOST_TEST(str(exempt, "tax_total") == "0.0000");
    BOOST_TEST(str(exempt, "total") == "76.8600");
}

BOOST_AUTO_TEST_SUITE_END()
