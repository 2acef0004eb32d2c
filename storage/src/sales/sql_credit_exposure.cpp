// CreditExposureRepository: a customer's open exposure in one aggregate statement over the
// orders and invoices tables (docs/sales.md, "Credit limits").
#include <string>

#include "codec.h"
#include "crossdock/storage/sales_repositories.h"
#include "sql_order_rows.h"
#include "sql_rows.h"

namespace crossdock::storage {
namespace {

// Two scalar sub-queries added in one statement:
// 1. orders not yet invoiced (received, acknowledged, on_hold, partially_shipped, shipped):
//    their total (an order on hold is still a commitment the customer asked for);
// 2. invoices of orders that are neither closed (closing an order is its settlement) nor
//    cancelled: an invoice of a fully invoiced order counts with its total; an invoice of an
//    order that is still open counts with its tax only, because the order's total already
//    holds the invoiced lines (order total − invoiced lines + invoice totals).
// Only amounts in `currency` count. The sum is cast to text: SUM(BIGINT) is NUMERIC on
// PostgreSQL, and text never passes through Poco's lossy 64-bit parser.
constexpr const char* kExposureSql =
    "SELECT CAST("
    "(SELECT COALESCE(SUM(total), 0) FROM orders WHERE customer_id = ? AND currency = ? AND status IN "
    "('received', 'acknowledged', 'on_hold', 'partially_shipped', 'shipped')) + "
    "(SELECT COALESCE(SUM(CASE WHEN o.status = 'invoiced' THEN i.total ELSE i.total - i.line_total END), 0) "
    "FROM invoices i JOIN orders o ON o.id = i.order_id "
    "WHERE o.customer_id = ? AND o.currency = ? AND o.status NOT IN ('closed', 'cancelled')) "
    "AS TEXT)";

}  // namespace

namespace sales_sql {

core::Decimal openExposure(Poco::Data::Session& session, const Database& db, const std::string& customer_id,
                           const std::string& currency) {
    Args args;
    args.add(customer_id).add(currency).add(customer_id).add(currency);
    auto rows = query(session, db, kExposureSql, args, 1);
    if (rows.empty() || rows.front()[0].empty()) return core::Decimal();
    return core::Decimal::fromRaw(parseInt64(rows.front()[0]));
}

std::int64_t creditLockKey(const std::string& customer_id) {
    // FNV-1a over "credit:" and the id: the same in every process and build.
    std::uint64_t hash = 0xcbf2'9ce4'8422'2325ULL;
    for (const char c : "credit:" + customer_id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x0000'0100'0000'01b3ULL;
    }
    return static_cast<std::int64_t>(hash);
}

}  // namespace sales_sql

namespace {

class SqlCreditExposureRepository final : public CreditExposureRepository {
public:
    explicit SqlCreditExposureRepository(const Database& db) : db_(db) {}

    core::Decimal openExposure(const std::string& customer_id, const std::string& currency) const override {
        return guarded(db_, "credit.openExposure", [&] {
            Poco::Data::Session session = db_.session();
            return sales_sql::openExposure(session, db_, customer_id, currency);
        });
    }

private:
    const Database& db_;
};

}  // namespace

std::unique_ptr<CreditExposureRepository> makeCreditExposureRepository(Store& store) {
    return std::make_unique<SqlCreditExposureRepository>(store.database());
}

}  // namespace crossdock::storage
