#pragma once
// A small world for sales tests: fakes filled with a handful of customers, items
// and prices, the services wired to them, a manual clock, and the usual callers.

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/sales/order_service.h"
#include "crossdock/sales/quote_service.h"
#include "fakes.h"

namespace crossdock::core {
inline std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) {
    return os << d.toShortString();
}
inline std::ostream& boost_test_print_type(std::ostream& os, const Date& d) { return os << d.toString(); }
inline std::ostream& boost_test_print_type(std::ostream& os, ErrorCode code) { return os << toString(code); }
}  // namespace crossdock::core

namespace crossdock::sales {
inline std::ostream& boost_test_print_type(std::ostream& os, QuoteStatus s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, QuoteAction a) { return os << toString(a); }
inline std::ostream& boost_test_print_type(std::ostream& os, OrderStatus s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, LineStatus s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, OrderSource s) { return os << toString(s); }
inline std::ostream& boost_test_print_type(std::ostream& os, EventType t) { return os << toString(t); }
inline std::ostream& boost_test_print_type(std::ostream& os, const FieldChange& c) {
    return os << c.field << ": '" << c.before << "' -> '" << c.after << "'";
}
}  // namespace crossdock::sales

namespace crossdock::sales::testing {

using accounts::Caller;
using accounts::Role;
using core::Decimal;
using core::ErrorCode;

/// A literal the test knows to be valid.
inline Decimal dec(std::string_view text) {
    auto parsed = Decimal::parse(text);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "bad test literal " << text);
    return *parsed;
}

inline core::Date date(int y, int m, int d) { return *core::Date::fromYmd(y, m, d); }

/// Noon UTC of a day.
inline core::TimePoint noon(int y, int m, int d) {
    return core::TimePoint{std::chrono::days(date(y, m, d).daysSinceEpoch())} + std::chrono::hours(12);
}

inline Caller staff(Role role, std::int64_t id) {
    Caller caller;
    caller.role = role;
    caller.user_id = id;
    return caller;
}

inline Caller buyerOf(const std::string& company, std::int64_t id, Role role = Role::Buyer) {
    Caller caller = staff(role, id);
    caller.company_id = company;
    return caller;
}

/// The error of a failed result as text, or "ok": safe to pass as a message
/// whether or not the result failed (Boost evaluates messages eagerly).
template <typename R>
std::string describe(const R& result) {
    return result.ok() ? std::string("ok") : result.error().describe();
}

/// The error code of a failed result, for one-line checks.
template <typename R>
ErrorCode codeOf(const R& result) {
    BOOST_REQUIRE_MESSAGE(!result.ok(), "expected an error");
    return result.error().code;
}

inline ItemFacts item(std::string sku, std::string base_unit, std::optional<Decimal> cost = std::nullopt) {
    ItemFacts facts;
    facts.sku = std::move(sku);
    facts.units = core::UnitConversions(std::move(base_unit));
    facts.cost = cost;
    return facts;
}

/// Today is 2026-03-10. Customers: ACME (USD, rep 10), GLOBEX (EUR, rep 11, credit
/// limit 1000 with 900 open). Items: BOLT (EA, CS = 12; 1.00 / 12.00; cost 0.50;
/// 1000 in stock), WIDGET (EA; 100.00; cost 80; untracked), NUT (EA, BX = 100;
/// MOQ 100, multiple 50; 0.10 / 10.00; 150 in stock), OLD (discontinued),
/// HIDDEN (not visible).
struct World {
    core::ManualClock clock{noon(2026, 3, 10)};
    FakeItems items;
    FakePricer pricer;
    FakeCustomers customers;
    FakeTaxRates taxes;
    CountingIds ids;
    InMemoryQuotes quotes;
    InMemoryOrders orders;
    QuoteService quote_service{quotes, ids, items, pricer, customers, clock};
    OrderBuilder builder{items, pricer, customers};
    OrderService order_service{orders, ids, builder, taxes, clock};

    Caller admin = staff(Role::Admin, 1);
    Caller rep = staff(Role::SalesRep, 10);
    Caller rep2 = staff(Role::SalesRep, 11);
    Caller manager = staff(Role::SalesManager, 20);
    Caller manager2 = staff(Role::SalesManager, 21);
    Caller buyer = buyerOf("ACME", 30);
    Caller buyer_admin = buyerOf("ACME", 32, Role::BuyerAdmin);
    Caller other_buyer = buyerOf("GLOBEX", 31);
    Caller partner = [] {
        Caller c = staff(Role::Partner, 0);
        c.company_id = "ACME";
        c.partner_id = "P-ACME";
        return c;
    }();

    World() {
        customers.put(CustomerFacts{"ACME", "USD", 10, std::nullopt, Decimal{}, true});
        customers.put(CustomerFacts{"GLOBEX", "EUR", 11, dec("1000"), dec("900"), true});
        pricer.currency("GLOBEX", "EUR");

        ItemFacts& bolt = items.put(item("BOLT", "EA", dec("0.50")));
        (void)bolt.units.addLevel("CS", dec("12"));
        bolt.available = dec("1000");
        pricer.set("BOLT", "EA", dec("1.00"));
        pricer.set("BOLT", "CS", dec("12.00"));

        items.put(item("WIDGET", "EA", dec("80")));
        pricer.set("WIDGET", "EA", dec("100"));

        ItemFacts& nut = items.put(item("NUT", "EA"));
        (void)nut.units.addLevel("BX", dec("100"));
        nut.min_order_qty = dec("100");
        nut.order_multiple = dec("50");
        nut.available = dec("150");
        pricer.set("NUT", "EA", dec("0.10"));
        pricer.set("NUT", "BX", dec("10.00"));

        items.put(item("OLD", "EA")).status = ItemStatus::Discontinued;
        pricer.set("OLD", "EA", dec("1"));
        items.put(item("HIDDEN", "EA")).visible = false;
        pricer.set("HIDDEN", "EA", dec("1"));
        items.partNumber("ACME", "ACME-B-7", "BOLT");
        taxes.fallback(dec("0"));
    }

    /// A draft for ACME by `rep` with the given lines (SKU, quantity, uom, optional price).
    Quote draft(std::vector<QuoteLineInput> lines) {
        NewQuote input{"ACME", date(2026, 4, 30), std::move(lines), "net 30", "FOB origin"};
        auto quote = quote_service.create(rep, input);
        BOOST_REQUIRE_MESSAGE(quote.ok(), describe(quote));
        return *quote;
    }

    /// A valid one-line quote forced into `status` (for transition tables).
    Quote quoteIn(QuoteStatus status) {
        Quote quote = draft({{"WIDGET", dec("2"), "EA", std::nullopt, "", std::nullopt}});
        quote.status = status;
        quotes.put(quote);
        return quote;
    }
};

inline QuoteLineInput line(std::string sku, std::string_view quantity, std::string uom,
                           std::optional<std::string_view> price = std::nullopt, std::string reason = "") {
    QuoteLineInput input{std::move(sku), dec(quantity),     std::move(uom),
                         std::nullopt,   std::move(reason), std::nullopt};
    if (price) input.unit_price = dec(*price);
    return input;
}

inline OrderRequestLine orderLine(std::string sku, std::string_view quantity, std::string uom,
                                  std::optional<std::string_view> incoming_price = std::nullopt) {
    OrderRequestLine out;
    out.sku = std::move(sku);
    out.quantity = dec(quantity);
    out.uom = std::move(uom);
    if (incoming_price) out.incoming_price = dec(*incoming_price);
    return out;
}

inline OrderRequest orderRequest(std::string customer, std::string po, std::vector<OrderRequestLine> lines,
                                 OrderSource source = OrderSource::Portal) {
    OrderRequest request;
    request.customer_id = std::move(customer);
    request.po_number = std::move(po);
    request.source = source;
    request.lines = std::move(lines);
    return request;
}

}  // namespace crossdock::sales::testing
