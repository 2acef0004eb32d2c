#include "crossdock/sales/invoice.h"

#include <map>
#include <string>

#include "support.h"

namespace crossdock::sales {
namespace {

using core::Decimal;
using core::ErrorCode;
using core::makeError;

core::Result<Decimal> add(Decimal a, Decimal b) { return Decimal::add(a, b); }

}  // namespace

std::string formatInvoiceNumber(std::int64_t id) { return detail::formatNumber("INV-", id); }

core::Status computeInvoiceAmounts(Invoice& invoice) {
    auto currency = detail::currencyOf(invoice.currency);
    if (!currency) return currency.takeError();
    const int digits = detail::amountDigits(*currency);

    std::vector<InvoiceLine> lines = invoice.lines;
    std::map<Decimal, Decimal> taxable_by_rate;  // ascending rate
    for (std::size_t i = 0; i < lines.size(); ++i) {
        InvoiceLine& line = lines[i];
        if (line.tax_rate_percent < Decimal{} || line.tax_rate_percent > Decimal::fromInt(100)) {
            return makeError(ErrorCode::InvalidArgument,
                             "tax rate " + line.tax_rate_percent.toShortString() + "% is outside 0..100",
                             "$.lines[" + std::to_string(i) + "].tax_rate_percent");
        }
        // Rounding point 1: each line, once, from the exact product.
        auto extended = Decimal::multiplyRounded(line.unit_price, line.quantity, digits);
        if (!extended) return extended.takeError();
        line.extended = *extended;
        auto taxable = add(taxable_by_rate[line.tax_rate_percent], line.extended);
        if (!taxable) return taxable.takeError();
        taxable_by_rate[line.tax_rate_percent] = *taxable;
    }
    auto line_total = detail::sumExtended(lines);
    if (!line_total) return line_total.takeError();

    std::vector<TaxSubtotal> taxes;
    Decimal tax_total;
    for (const auto& [rate, taxable] : taxable_by_rate) {
        // Rounding point 2: the tax of each rate, once, on the sum of its rounded lines.
        auto tax = detail::percentOf(taxable, rate, digits);
        if (!tax) return tax.takeError();
        auto sum = add(tax_total, *tax);
        if (!sum) return sum.takeError();
        tax_total = *sum;
        taxes.push_back(TaxSubtotal{rate, taxable, *tax});
    }
    // No third rounding: the total is a sum of amounts already in minor units.
    auto total = add(*line_total, tax_total);
    if (!total) return total.takeError();

    invoice.lines = std::move(lines);
    invoice.taxes = std::move(taxes);
    invoice.line_total = *line_total;
    invoice.tax_total = tax_total;
    invoice.total = *total;
    return {};
}

core::Result<Invoice> applyInvoice(Order& order, const TaxRates& rates, core::Date issue_date,
                                   std::int64_t by_user, core::TimePoint at) {
    if (order.status != OrderStatus::PartiallyShipped && order.status != OrderStatus::Shipped) {
        return makeError(ErrorCode::FailedPrecondition, "order " + order.number + " is " +
                                                            std::string(toString(order.status)) +
                                                            "; only shipped quantities are invoiced");
    }
    Invoice invoice;
    invoice.order_id = order.id;
    invoice.order_number = order.number;
    invoice.customer_id = order.customer_id;
    invoice.po_number = order.po_number;
    invoice.currency = order.currency;
    invoice.issue_date = issue_date;
    invoice.created_at = at;
    Order updated = order;
    for (OrderLine& line : updated.lines) {
        if (line.status == LineStatus::Rejected) continue;
        const Decimal quantity = line.shipped_quantity - line.invoiced_quantity;
        if (quantity <= Decimal{}) continue;
        auto rate = rates.ratePercent(order.customer_id, line.sku);
        if (!rate) {
            core::Error error = rate.takeError();
            error.where = "line " + std::to_string(line.line_no);
            return error;
        }
        invoice.lines.push_back(
            InvoiceLine{line.line_no, line.sku, quantity, line.uom, line.unit_price, *rate, {}});
        line.invoiced_quantity = line.shipped_quantity;
    }
    if (invoice.lines.empty()) {
        return makeError(ErrorCode::FailedPrecondition,
                         "order " + order.number + " has no shipped quantity left to invoice");
    }
    if (auto status = computeInvoiceAmounts(invoice); !status) return status.takeError();
    if (updated.status == OrderStatus::Shipped && updated.fullyInvoicedAsShipped()) {
        if (auto status = applyOrderTransition(updated, OrderStatus::Invoiced, by_user, at, "invoice");
            !status) {
            return status.takeError();
        }
    }
    order = std::move(updated);
    return invoice;
}

}  // namespace crossdock::sales
