// CreditExposureRepository (one aggregate query over orders and invoices) and the customer
// terms stored on companies (credit limit, rep, tax exemption), on SQLite and PostgreSQL.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "crossdock/accounts/repositories.h"
#include "crossdock/storage/catalog_repositories.h"
#include "fixtures.h"

using namespace crossdock;
using namespace crossdock::storage::testing;
using sales::Order;
using sales::OrderStatus;

namespace {

struct ExposureStore : SalesStore {
    std::unique_ptr<storage::CreditExposureRepository> exposure =
        storage::makeCreditExposureRepository(*store);
    std::int64_t next_id = 1;

    /// Stores an order of `customer` in `status` with `total`; its id.
    std::int64_t order(const std::string& customer, OrderStatus status, const char* total,
                       const std::string& currency = "USD") {
        const std::int64_t id = next_id++;
        Order o = sampleOrder(id, customer, "PO-" + std::to_string(id));
        o.status = status;
        o.currency = currency;
        o.total = dec(total);
        BOOST_REQUIRE(orders->create(o, {}).ok());
        return id;
    }

    /// Adds an invoice of `line_total` + `tax_total` to order `id` (whose status stays).
    void invoice(std::int64_t id, const char* line_total, const char* tax_total) {
        auto o = orders->find(id, std::nullopt);
        BOOST_REQUIRE(o.has_value());
        sales::Invoice v;
        v.id = id * 100;
        v.number = "INV-" + std::to_string(v.id);
        v.order_id = id;
        v.order_number = o->number;
        v.customer_id = o->customer_id;
        v.po_number = o->po_number;
        v.currency = o->currency;
        v.issue_date = day("2026-12-03");
        v.lines.push_back(
            sales::InvoiceLine{1, "SKU-1", dec("1"), "EA", dec(line_total), dec("10"), dec(line_total)});
        v.taxes.push_back(sales::TaxSubtotal{dec("10"), dec(line_total), dec(tax_total)});
        v.line_total = dec(line_total);
        v.tax_total = dec(tax_total);
        auto total = core::Decimal::add(v.line_total, v.tax_total);
        BOOST_REQUIRE(total.ok());
        v.total = *total;
        v.created_at = at(4'000'000);
        const std::int64_t expected = o->row_version++;
        BOOST_REQUIRE(orders->addInvoice(*o, expected, v, {}).ok());
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(credit_exposure, ExposureStore)

BOOST_AUTO_TEST_CASE(a_customer_without_orders_has_no_exposure) {
    BOOST_TEST((exposure->openExposure("ACME", "USD") == core::Decimal()));
}

BOOST_AUTO_TEST_CASE(open_orders_and_unsettled_invoices_count_once) {
    order("ACME", OrderStatus::Received, "100.00");
    order("ACME", OrderStatus::Acknowledged, "200.00");
    order("ACME", OrderStatus::OnHold, "400.00");
    // Partly invoiced: the order's total holds the invoiced lines, so only the tax is added.
    invoice(order("ACME", OrderStatus::PartiallyShipped, "800.00"), "300.00", "30.00");
    order("ACME", OrderStatus::Shipped, "1600.00");
    // Fully invoiced: the invoice counts (with tax), the order no longer does.
    invoice(order("ACME", OrderStatus::Invoiced, "5000.00"), "5000.00", "443.75");
    // Settled, cancelled, another customer, another currency: nothing.
    invoice(order("ACME", OrderStatus::Closed, "7000.00"), "7000.00", "700.00");
    order("ACME", OrderStatus::Cancelled, "9000.00");
    order("GLOBEX", OrderStatus::Received, "11000.00");
    order("ACME", OrderStatus::Received, "13000.00", "EUR");
    // 100 + 200 + 400 + 800 + 30 + 1600 + 5443.75
    BOOST_TEST(exposure->openExposure("ACME", "USD").toString(2) == "8573.75");
    BOOST_TEST(exposure->openExposure("ACME", "EUR").toString(2) == "13000.00");
    BOOST_TEST(exposure->openExposure("GLOBEX", "USD").toString(2) == "11000.00");
    BOOST_TEST((exposure->openExposure("NOBODY", "USD") == core::Decimal()));
}

BOOST_AUTO_TEST_CASE(sums_beyond_two_to_the_53_stay_exact) {
    // 2^53 raw units and one more: a double would lose the last unit.
    order("ACME", OrderStatus::Received, "900719925474.0992");
    order("ACME", OrderStatus::Received, "0.0001");
    BOOST_TEST(exposure->openExposure("ACME", "USD").toString(4) == "900719925474.0993");
}

BOOST_AUTO_TEST_CASE(create_with_a_ceiling_refuses_once_the_exposure_rose) {
    order("ACME", OrderStatus::Received, "800.00");
    // Checked when 800 was open: an order of 200 fits a limit of 1000.
    Order fits = sampleOrder(next_id++, "ACME", "PO-FITS");
    fits.total = dec("200.00");
    BOOST_REQUIRE(orders->create(fits, {}, sales::ExposureCeiling{dec("800.00")}).ok());
    // Checked before that order got in (800 open): 150 more would make 1150.
    Order late = sampleOrder(next_id++, "ACME", "PO-LATE");
    late.total = dec("150.00");
    auto refused = orders->create(late, {}, sales::ExposureCeiling{dec("850.00")});
    BOOST_REQUIRE(!refused.ok());
    BOOST_TEST((refused.error().code == core::ErrorCode::FailedPrecondition));
    BOOST_TEST(refused.error().message.find("rose to 1000.0000") != std::string::npos);
    BOOST_TEST(!orders->find(late.id, std::nullopt).has_value());  // nothing written
    BOOST_TEST(exposure->openExposure("ACME", "USD").toString(2) == "1000.00");
    // Another customer's exposure does not count against ACME's ceiling.
    order("GLOBEX", OrderStatus::Received, "5000.00");
    Order other = sampleOrder(next_id++, "ACME", "PO-OTHER");
    other.total = dec("0.00");
    BOOST_TEST(orders->create(other, {}, sales::ExposureCeiling{dec("1000.00")}).ok());
}

BOOST_AUTO_TEST_CASE(racing_creates_never_exceed_the_limit) {
    // Eight orders of 300 each checked against a limit of 1000 while nothing was open, stored
    // at once from eight threads (eight sessions): the checks run one after the other, so
    // exactly three get in (900) and the others are refused.
    constexpr int kThreads = 8;
    std::vector<Order> racing;
    for (int i = 0; i < kThreads; ++i) {
        racing.push_back(sampleOrder(next_id++, "ACME", "PO-RACE-" + std::to_string(i)));
        racing.back().total = dec("300.00");
    }
    std::atomic<int> stored{0};
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            auto status = orders->create(racing[static_cast<std::size_t>(i)], {},
                                         sales::ExposureCeiling{dec("700.00")});
            if (status.ok()) {
                ++stored;
            } else if (status.error().code == core::ErrorCode::FailedPrecondition) {
                ++refused;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(stored.load() == 3);
    BOOST_TEST(refused.load() == kThreads - 3);
    BOOST_TEST(exposure->openExposure("ACME", "USD").toString(2) == "900.00");
}

BOOST_AUTO_TEST_CASE(company_terms_round_trip) {
    accounts::User rep;
    rep.email = "rep@terms.test";
    rep.role = accounts::Role::SalesRep;
    rep.password_hash = "x";
    auto rep_id = store->users().create(rep);
    BOOST_REQUIRE(rep_id.ok());

    accounts::Company company;
    company.id = "TERMS";
    company.name = "Terms Inc.";
    company.credit_limit = dec("1000.50");
    company.rep_id = *rep_id;
    company.tax_exempt = true;
    BOOST_REQUIRE(store->companies().create(company).ok());
    auto found = store->companies().find("TERMS");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->credit_limit.has_value());
    BOOST_TEST(found->credit_limit->toString(2) == "1000.50");
    BOOST_TEST(found->rep_id == *rep_id);
    BOOST_TEST(found->tax_exempt);

    company.credit_limit.reset();
    company.rep_id = 0;
    company.tax_exempt = false;
    BOOST_REQUIRE(store->companies().update(company).ok());
    found = store->companies().find("TERMS");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(!found->credit_limit.has_value());
    BOOST_TEST(found->rep_id == 0);
    BOOST_TEST(!found->tax_exempt);
    BOOST_TEST(store->companies().list("", 10).front().id == "TERMS");
}

BOOST_AUTO_TEST_CASE(an_items_tax_rate_round_trips_and_may_be_absent) {
    auto repository = storage::makeCatalogRepository(*store);
    catalog::CategoryTree tree;
    BOOST_REQUIRE(tree.addPath("Safety").ok());
    catalog::Item reduced;
    reduced.sku = "GLV-1";
    reduced.name = "Gloves";
    reduced.category = *tree.find("Safety");
    reduced.tax_rate = dec("8.875");
    catalog::Item standard = reduced;
    standard.sku = "GLV-2";
    standard.tax_rate.reset();
    {
        auto write = repository->begin();
        write->saveTree(tree);
        write->putItem(reduced, tree);
        write->putItem(standard, tree);
        write->commit();
    }
    auto data = repository->load();
    BOOST_REQUIRE(data.items.size() == 2u);
    BOOST_TEST(data.items[0].sku == "GLV-1");
    BOOST_TEST(data.items[0].tax_rate.has_value());
    BOOST_TEST(data.items[0].tax_rate->toShortString() == "8.875");
    BOOST_TEST(!data.items[1].tax_rate.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
