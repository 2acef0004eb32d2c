#pragma once

// Invoices from shipped quantities, with the rounding EN 16931 requires.

#include <cstdint>
#include <string>
#include <vector>

#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/ports.h"

namespace crossdock::sales {

/// One invoiced quantity of one order line.
struct InvoiceLine {
    int order_line_no = 0;
    std::string sku;
    core::Decimal quantity;  ///< in uom
    std::string uom;
    core::Decimal unit_price;        ///< 4 fraction digits, as ordered
    core::Decimal tax_rate_percent;  ///< 0..100
    core::Decimal extended;          ///< unit_price × quantity rounded half up to the currency (BT-131)
};

/// The tax of one rate (EN 16931 VAT breakdown, BG-23).
struct TaxSubtotal {
    core::Decimal rate_percent;
    core::Decimal taxable_amount;  ///< sum of the extended amounts of the lines at this rate (BT-116)
    core::Decimal tax_amount;      ///< taxable_amount × rate ÷ 100 rounded half up to the currency (BT-117)
};

/// An invoice.
struct Invoice {
    std::int64_t id = 0;
    std::string number;  ///< "INV-000042"
    std::int64_t order_id = 0;
    std::string order_number;
    std::string customer_id;
    std::string po_number;
    std::string currency;
    core::Date issue_date;
    std::vector<InvoiceLine> lines;
    std::vector<TaxSubtotal> taxes;  ///< one per distinct rate, ascending rate
    core::Decimal line_total;        ///< sum of the lines' extended amounts (BT-106), exactly
    core::Decimal tax_total;         ///< sum of the rounded tax amounts (BT-110)
    core::Decimal total;             ///< line_total + tax_total (BT-112)
    core::TimePoint created_at;
};

/// "INV-000042".
std::string formatInvoiceNumber(std::int64_t id);

/// Computes every amount of `invoice` from its lines' quantity, unit price and rate,
/// in invoice.currency:
/// - each line's extended = unit_price × quantity, one half-up rounding to the
///   currency's minor unit (JPY 0, USD 2, KWD 3) straight from the exact product;
/// - per distinct rate: taxable = the sum of those rounded lines; tax = taxable ×
///   rate ÷ 100, computed exactly and rounded half up once;
/// - line_total = the sum of the rounded lines; tax_total = the sum of the rounded
///   taxes; total = line_total + tax_total. No amount is rounded twice, so
///   line_total equals the sum of the lines exactly (BR-CO-10) and total the sum
///   of its parts.
/// InvalidArgument for an unknown currency or a rate outside 0..100; Overflow when
/// an amount leaves Decimal's range. `invoice` is unchanged on error.
core::Status computeInvoiceAmounts(Invoice& invoice);

/// Invoices what `order` has shipped and not yet invoiced: one line per order line
/// with shipped − invoiced > 0, taxed at `rates`. Adds the quantities to the lines'
/// invoiced quantities and, when the order is Shipped and now fully invoiced, moves
/// it to Invoiced (recorded with `by_user`, `at`). Returns the invoice with id 0 and
/// no number. FailedPrecondition when the order is not PartiallyShipped or Shipped,
/// or when nothing is left to invoice; the rate lookup's error for a line without a
/// rate; errors of computeInvoiceAmounts(). `order` is unchanged on error.
core::Result<Invoice> applyInvoice(Order& order, const TaxRates& rates, core::Date issue_date,
                                   std::int64_t by_user, core::TimePoint at);

}  // namespace crossdock::sales
