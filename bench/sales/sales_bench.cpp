// sales_bench: the two figures issue 5 asks for, on SQLite in a temporary directory:
//   order_10000_lines_ms  a 10,000-line API order validated, priced and saved (goal < 1000 ms)
//   quote_500_revise_diff_ms  a 500-line quote revised (archived + new version saved) and
//                             diffed against the old version (goal < 100 ms)
// In-memory catalog and pricer stand-ins: the figure is sales + storage, not the snapshots.
// Prints a table and one JSON line per figure:
//   {"bench":"sales","figure":"order_10000_lines_ms","value":123.4,"unit":"ms"}

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <stdlib.h>  // mkdtemp

#include "crossdock/sales/order_service.h"
#include "crossdock/sales/quote_service.h"
#include "crossdock/storage/sales_repositories.h"

using namespace crossdock;

namespace {

class Items final : public sales::ItemLookup {
public:
    std::optional<sales::ItemFacts> find(const std::string&, std::string_view code) const override {
        sales::ItemFacts facts;
        facts.sku = std::string(code);
        facts.cost = core::Decimal::fromRaw(5'000);
        return facts;
    }
};

class Pricer final : public sales::LinePricer {
public:
    core::Result<sales::PricedLine> price(const std::string&, const std::string&, const std::string&,
                                          core::Decimal, core::Date) const override {
        return sales::PricedLine{core::Decimal::fromRaw(12'345), "USD", "list BASE tier 1"};
    }
};

class Customers final : public sales::CustomerDirectory {
public:
    std::optional<sales::CustomerFacts> find(const std::string& id) const override {
        sales::CustomerFacts facts;
        facts.id = id;
        return facts;
    }
};

class NoTax final : public sales::TaxRates {
public:
    core::Result<core::Decimal> ratePercent(const std::string&, const std::string&) const override {
        return core::Decimal{};
    }
};

double millisSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void report(const char* label, const char* key, double ms, double goal) {
    std::printf("%-44s %10.1f ms  (goal < %.0f ms)\n", label, ms, goal);
    std::printf("{\"bench\":\"sales\",\"figure\":\"%s\",\"value\":%.1f,\"unit\":\"ms\"}\n", key, ms);
}

accounts::Caller caller(accounts::Role role, std::int64_t user) {
    accounts::Caller c;
    c.role = role;
    c.user_id = user;
    if (accounts::isBuyer(role)) c.company_id = "ACME";
    return c;
}

struct World {
    std::unique_ptr<storage::Store> store;
    std::unique_ptr<sales::QuoteRepository> quotes;
    std::unique_ptr<sales::OrderRepository> orders;
    std::unique_ptr<sales::IdSequence> ids;
    Items items;
    Pricer pricer;
    Customers customers;
    NoTax taxes;
    core::SystemClock clock;
};

double orderFigure(World& w) {
    sales::OrderBuilder builder(w.items, w.pricer, w.customers);
    sales::OrderService service(*w.orders, *w.ids, builder, w.taxes, w.clock);
    sales::OrderRequest request;
    request.customer_id = "ACME";
    request.source = sales::OrderSource::Api;
    request.po_number = "BENCH-1";
    for (int i = 0; i < 10'000; ++i) {
        request.lines.push_back(
            {"", "SKU-" + std::to_string(i), "", core::Decimal::fromInt(3), "EA", {}, {}});
    }
    const auto start = std::chrono::steady_clock::now();
    auto result = service.place(caller(accounts::Role::Admin, 1), std::move(request));
    const double ms = millisSince(start);
    if (!result.created()) std::fprintf(stderr, "order failed\n");
    return ms;
}

double quoteFigure(World& w) {
    sales::QuoteService service(*w.quotes, *w.ids, w.items, w.pricer, w.customers, w.clock);
    sales::NewQuote input{"ACME", std::nullopt, {}, "", ""};
    for (int i = 0; i < 500; ++i)
        input.lines.push_back(
            {"SKU-" + std::to_string(i), core::Decimal::fromInt(10), "EA", std::nullopt, "", std::nullopt});
    const auto rep = caller(accounts::Role::SalesRep, 7);
    auto quote = service.create(rep, input);
    if (!quote) return -1;
    (void)service.perform(rep, quote->id, sales::QuoteAction::Submit);
    (void)service.perform(rep, quote->id, sales::QuoteAction::Send);
    (void)service.perform(caller(accounts::Role::Buyer, 9), quote->id, sales::QuoteAction::Decline);
    const auto start = std::chrono::steady_clock::now();
    auto revised = service.perform(rep, quote->id, sales::QuoteAction::Revise);
    auto diff = service.diff(rep, quote->id, 1, 2);
    const double ms = millisSince(start);
    if (!revised || !diff) std::fprintf(stderr, "revise or diff failed\n");
    return ms;
}

}  // namespace

int main() {
    std::string pattern = (std::filesystem::temp_directory_path() / "crossdock-sales-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return 1;
    {
        World w;
        w.store = storage::Store::open("sqlite:" + pattern + "/bench.db");
        w.store->migrate();
        w.quotes = storage::makeQuoteRepository(*w.store);
        w.orders = storage::makeOrderRepository(*w.store);
        w.ids = storage::makeIdSequence(*w.store);
        report("10,000-line order priced, validated, saved", "order_10000_lines_ms", orderFigure(w), 1000);
        report("500-line quote revised and diffed", "quote_500_revise_diff_ms", quoteFigure(w), 100);
    }
    std::filesystem::remove_all(pattern);
    return 0;
}
