// Invoice rounding: each line once, tax per rate on the sum of its rounded lines,
// totals as sums (EN 16931 BR-CO-10, BR-CO-14, BR-CO-15).

#include <cstdint>

#include "crossdock/core/currency.h"
#include "crossdock/sales/invoice.h"
#include "test_helpers.h"

namespace crossdock::sales::testing {
namespace {

struct L {
    const char* unit;
    const char* qty;
    const char* rate;
};

Invoice invoiceOf(const char* currency, std::initializer_list<L> lines) {
    Invoice invoice;
    invoice.currency = currency;
    int no = 0;
    for (const L& l : lines) {
        invoice.lines.push_back(InvoiceLine{++no, "SKU", dec(l.qty), "EA", dec(l.unit), dec(l.rate), {}});
    }
    return invoice;
}

Invoice computed(const char* currency, std::initializer_list<L> lines) {
    Invoice invoice = invoiceOf(currency, lines);
    auto status = computeInvoiceAmounts(invoice);
    BOOST_REQUIRE_MESSAGE(status.ok(), describe(status));
    return invoice;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invoices)

BOOST_AUTO_TEST_CASE(ten_half_cent_lines_round_each_line) {
    std::initializer_list<L> lines = {{"0.005", "1", "0"}, {"0.005", "1", "0"}, {"0.005", "1", "0"},
                                      {"0.005", "1", "0"}, {"0.005", "1", "0"}, {"0.005", "1", "0"},
                                      {"0.005", "1", "0"}, {"0.005", "1", "0"}, {"0.005", "1", "0"},
                                      {"0.005", "1", "0"}};
    const Invoice invoice = computed("USD", lines);
    for (const InvoiceLine& line : invoice.lines) BOOST_TEST(line.extended == dec("0.01"));
    BOOST_TEST(invoice.line_total == dec("0.10"));  // not round(0.05): the sum of what the lines say
    BOOST_TEST(invoice.total == dec("0.10"));
}

BOOST_AUTO_TEST_CASE(half_cents_round_up_and_tax_is_per_rate) {
    const Invoice invoice = computed("USD", {{"0.125", "1", "19"},
                                             {"2.345", "1", "19"},
                                             {"1.005", "3", "19"},   // 3.015
                                             {"0.3333", "3", "19"},  // 0.9999
                                             {"33.335", "1", "19"}});
    const char* expected[] = {"0.13", "2.35", "3.02", "1", "33.34"};
    for (std::size_t i = 0; i < invoice.lines.size(); ++i)
        BOOST_TEST(invoice.lines[i].extended == dec(expected[i]));
    BOOST_TEST(invoice.line_total == dec("39.84"));
    // 19 % of 39.84 = 7.5696 → 7.57 (rounding each line's tax would give 7.56).
    BOOST_REQUIRE(invoice.taxes.size() == 1U);
    BOOST_TEST(invoice.taxes[0].taxable_amount == dec("39.84"));
    BOOST_TEST(invoice.taxes[0].tax_amount == dec("7.57"));
    BOOST_TEST(invoice.total == dec("47.41"));
}

BOOST_AUTO_TEST_CASE(several_tax_rates) {
    const Invoice invoice =
        computed("EUR", {{"10", "1", "19"}, {"5.05", "1", "19"}, {"1.005", "3", "7"}, {"2.5", "1", "0"}});
    BOOST_REQUIRE(invoice.taxes.size() == 3U);
    BOOST_TEST(invoice.taxes[0].rate_percent == dec("0"));
    BOOST_TEST(invoice.taxes[0].tax_amount == dec("0"));
    BOOST_TEST(invoice.taxes[1].rate_percent == dec("7"));
    BOOST_TEST(invoice.taxes[1].taxable_amount == dec("3.02"));
    BOOST_TEST(invoice.taxes[1].tax_amount == dec("0.21"));  // 0.2114
    BOOST_TEST(invoice.taxes[2].rate_percent == dec("19"));
    BOOST_TEST(invoice.taxes[2].taxable_amount == dec("15.05"));
    BOOST_TEST(invoice.taxes[2].tax_amount == dec("2.86"));  // 2.8595
    BOOST_TEST(invoice.line_total == dec("20.57"));
    BOOST_TEST(invoice.tax_total == dec("3.07"));
    BOOST_TEST(invoice.total == dec("23.64"));
}

BOOST_AUTO_TEST_CASE(rates_with_more_digits_are_exact) {
    BOOST_TEST(computed("USD", {{"100", "1", "8.875"}}).tax_total == dec("8.88"));  // 8.875 exactly, half up
    BOOST_TEST(computed("USD", {{"0.40", "1", "1.25"}}).tax_total == dec("0.01"));  // 0.005
    BOOST_TEST(computed("USD", {{"0.39", "1", "1.25"}}).tax_total == dec("0"));     // 0.004875
    BOOST_TEST(computed("USD", {{"0.04", "1", "8.875"}}).tax_total == dec("0"));    // 0.00355
}

BOOST_AUTO_TEST_CASE(yen_has_no_minor_unit) {
    const Invoice invoice = computed("JPY", {{"33.3333", "3", "10"},  // 99.9999 → 100
                                             {"0.5", "1", "10"},      // 0.5 → 1
                                             {"77.5", "2", "8"},      // 155
                                             {"27.5", "2", "5"}});    // 55
    const char* expected[] = {"100", "1", "155", "55"};
    for (std::size_t i = 0; i < invoice.lines.size(); ++i)
        BOOST_TEST(invoice.lines[i].extended == dec(expected[i]));
    BOOST_TEST(invoice.taxes[0].tax_amount == dec("3"));   // 5 % of 55 = 2.75
    BOOST_TEST(invoice.taxes[1].tax_amount == dec("12"));  // 8 % of 155 = 12.4
    BOOST_TEST(invoice.taxes[2].tax_amount == dec("10"));  // 10 % of 101 = 10.1
    BOOST_TEST(invoice.line_total == dec("311"));
    BOOST_TEST(invoice.total == dec("336"));
    BOOST_TEST(computed("JPY", {{"55", "1", "10"}}).tax_total == dec("6"));  // 5.5 half up
}

BOOST_AUTO_TEST_CASE(dinar_has_three) {
    const Invoice invoice =
        computed("KWD", {{"1.2345", "1", "5"}, {"0.0005", "1", "5"}, {"2.3334", "3", "5"}});
    BOOST_TEST(invoice.lines[0].extended == dec("1.235"));
    BOOST_TEST(invoice.lines[1].extended == dec("0.001"));
    BOOST_TEST(invoice.lines[2].extended == dec("7"));  // 7.0002
    BOOST_TEST(invoice.line_total == dec("8.236"));
    BOOST_TEST(invoice.tax_total == dec("0.412"));  // 0.4118
    BOOST_TEST(invoice.total == dec("8.648"));
}

BOOST_AUTO_TEST_CASE(totals_are_exact_sums_for_any_lines) {
    std::uint64_t seed = 42;
    auto next = [&seed](std::uint64_t bound) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((seed >> 33) % bound);
    };
    const char* rates[] = {"0", "5", "7", "8.875", "19", "21"};
    for (const char* currency : {"USD", "JPY", "KWD", "CLF"}) {
        for (int round = 0; round < 50; ++round) {
            Invoice invoice;
            invoice.currency = currency;
            const std::int64_t count = 1 + next(40);
            for (int i = 0; i < count; ++i) {
                invoice.lines.push_back(InvoiceLine{i + 1,
                                                    "S",
                                                    Decimal::fromRaw(next(5'000'000) + 1),
                                                    "EA",
                                                    Decimal::fromRaw(next(100'000'000)),
                                                    dec(rates[next(6)]),
                                                    {}});
            }
            BOOST_REQUIRE(computeInvoiceAmounts(invoice).ok());
            const int digits = core::findCurrency(currency)->minor_units;
            Decimal lines;
            for (const InvoiceLine& line : invoice.lines) {
                lines += line.extended;
                BOOST_TEST(line.extended == line.extended.roundHalfUp(digits > 4 ? 4 : digits));
            }
            Decimal taxable;
            Decimal taxes;
            for (const TaxSubtotal& tax : invoice.taxes) {
                taxable += tax.taxable_amount;
                taxes += tax.tax_amount;
            }
            BOOST_TEST(invoice.line_total == lines);  // BR-CO-10
            BOOST_TEST(taxable == lines);
            BOOST_TEST(invoice.tax_total == taxes);      // BR-CO-14
            BOOST_TEST(invoice.total == lines + taxes);  // BR-CO-15
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_rates_and_currencies) {
    Invoice high = invoiceOf("USD", {{"1", "1", "100.0001"}});
    BOOST_TEST(codeOf(computeInvoiceAmounts(high)) == ErrorCode::InvalidArgument);
    Invoice negative = invoiceOf("USD", {{"1", "1", "-1"}});
    BOOST_TEST(codeOf(computeInvoiceAmounts(negative)) == ErrorCode::InvalidArgument);
    Invoice unknown = invoiceOf("XXX", {{"1", "1", "0"}});
    BOOST_TEST(codeOf(computeInvoiceAmounts(unknown)) == ErrorCode::InvalidArgument);
    Invoice huge = invoiceOf("USD", {{"900000000000000", "1000", "0"}});
    BOOST_TEST(codeOf(computeInvoiceAmounts(huge)) == ErrorCode::Overflow);
    BOOST_TEST(huge.line_total == dec("0"));  // unchanged on error
}

BOOST_AUTO_TEST_CASE(invoices_only_what_shipped) {
    Order order;
    order.id = 3;
    order.number = "SO-000003";
    order.customer_id = "ACME";
    order.currency = "USD";
    order.status = OrderStatus::PartiallyShipped;
    OrderLine line;
    line.line_no = 1;
    line.sku = "BOLT";
    line.uom = "EA";
    line.quantity = dec("10");
    line.unit_price = dec("1.005");
    line.shipped_quantity = dec("3");
    order.lines = {line};
    FakeTaxRates rates;
    rates.set("BOLT", dec("10"));
    auto invoice = applyInvoice(order, rates, date(2026, 3, 10), 7, noon(2026, 3, 10));
    BOOST_REQUIRE(invoice.ok());
    BOOST_TEST(invoice->lines[0].quantity == dec("3"));
    BOOST_TEST(invoice->lines[0].extended == dec("3.02"));
    BOOST_TEST(invoice->tax_total == dec("0.3"));
    BOOST_TEST(invoice->order_number == "SO-000003");
    BOOST_TEST(order.lines[0].invoiced_quantity == dec("3"));
    BOOST_TEST(order.status == OrderStatus::PartiallyShipped);
    BOOST_TEST(codeOf(applyInvoice(order, rates, date(2026, 3, 10), 7, {})) == ErrorCode::FailedPrecondition);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::sales::testing
