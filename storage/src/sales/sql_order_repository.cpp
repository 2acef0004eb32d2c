// sales::OrderRepository over orders, order_lines, order_transitions, shipments and invoices.
// Uniqueness that several instances race for (a customer's PO number, an EDI message, an
// SSCC) is decided by database constraints with ON CONFLICT DO NOTHING, so the loser gets
// Conflict rather than an exception, and its transaction writes nothing.
#include <string>
#include <utility>

#include "codec.h"
#include "crossdock/storage/sales_repositories.h"
#include "sql_order_rows.h"
#include "transaction.h"

namespace crossdock::storage {
namespace {

using core::ErrorCode;
using core::makeError;
using sales::Order;
using sales_sql::Args;

class SqlOrderRepository final : public sales::OrderRepository {
public:
    explicit SqlOrderRepository(const Database& db) : db_(db) {}

    using sales::OrderRepository::create;

    core::Status create(const Order& order, std::span<const sales::OutboxEvent> events,
                        const std::optional<sales::ExposureCeiling>& ceiling) override {
        return guarded(db_, "orders.create", [&]() -> core::Status {
            Poco::Data::Session session = db_.session();
            // SQLite's BEGIN IMMEDIATE already runs writers one at a time; PostgreSQL
            // takes the customer's credit lock, so the exposure read below counts every
            // order committed by a check that ran before this one.
            std::optional<std::int64_t> lock;
            if (ceiling) lock = sales_sql::creditLockKey(order.customer_id);
            WriteTransaction tx(session, db_.backend(), lock);
            if (ceiling) {
                const auto exposure =
                    sales_sql::openExposure(session, db_, order.customer_id, order.currency);
                if (exposure > ceiling->max_exposure) {
                    return makeError(ErrorCode::FailedPrecondition,
                                     "credit exposure of " + order.customer_id + " rose to " +
                                         exposure.toString() + " since the order's credit check");
                }
            }
            if (!sales_sql::insertOrder(session, db_, order)) {
                return makeError(ErrorCode::Conflict, "order " + order.number +
                                                          " conflicts with a stored order " +
                                                          "(id, PO number or source message)");
            }
            sales_sql::insertEvents(session, db_, events);
            tx.commit();
            return {};
        });
    }

    std::optional<Order> find(std::int64_t id, const std::optional<std::string>& scope) const override {
        return guarded(db_, "orders.find", [&] {
            Poco::Data::Session session = db_.session();
            Args args;
            args.add(id);
            std::string where = "id = ?" + sales_sql::scopeFilter(scope, "customer_id", args);
            return sales_sql::loadOrder(session, db_, where, args);
        });
    }

    std::optional<Order> findByPoNumber(const std::string& customer_id,
                                        const std::string& po_number) const override {
        if (po_number.empty()) return std::nullopt;
        return guarded(db_, "orders.findByPoNumber", [&] {
            Poco::Data::Session session = db_.session();
            return sales_sql::loadOrder(session, db_, "customer_id = ? AND po_number = ?",
                                        Args().add(customer_id).add(po_number));
        });
    }

    std::optional<Order> findBySourceMessage(std::int64_t message_id) const override {
        return guarded(db_, "orders.findBySourceMessage", [&] {
            Poco::Data::Session session = db_.session();
            return sales_sql::loadOrder(session, db_, "source_message_id = ?", Args().add(message_id));
        });
    }

    std::vector<Order> list(const sales::OrderQuery& q) const override {
        return guarded(db_, "orders.list", [&] {
            Poco::Data::Session session = db_.session();
            Args args;
            args.add(q.after_id);
            std::string sql =
                "SELECT id FROM orders WHERE id > ?" + sales_sql::scopeFilter(q.scope, "customer_id", args);
            if (q.status) {
                sql += " AND status = ?";
                args.add(sales::toString(*q.status));
            }
            if (!q.po_number.empty()) {
                sql += " AND po_number = ?";
                args.add(q.po_number);
            }
            if (!q.customer_id.empty()) {
                sql += " AND customer_id = ?";
                args.add(q.customer_id);
            }
            sql += " ORDER BY id LIMIT ?";
            args.add(static_cast<std::int64_t>(q.limit));
            std::vector<Order> orders;
            for (const auto& row : sales_sql::query(session, db_, sql, args, 1)) {
                auto order = sales_sql::loadOrder(session, db_, "id = ?", Args().add(parseInt64(row[0])));
                if (order) orders.push_back(std::move(*order));
            }
            return orders;
        });
    }

    core::Status update(const Order& order, std::int64_t expected_row_version,
                        std::span<const sales::OutboxEvent> events) override {
        return write("orders.update", order, expected_row_version, events,
                     [](Poco::Data::Session&) { return core::Status{}; });
    }

    core::Status addShipment(const Order& order, std::int64_t expected_row_version,
                             const sales::Shipment& shipment,
                             std::span<const sales::OutboxEvent> events) override {
        return write("orders.addShipment", order, expected_row_version, events,
                     [&](Poco::Data::Session& session) -> core::Status {
                         if (sales_sql::insertShipment(session, db_, shipment)) return {};
                         return makeError(ErrorCode::Conflict,
                                          "an SSCC of shipment " + shipment.number + " was shipped before");
                     });
    }

    core::Status addInvoice(const Order& order, std::int64_t expected_row_version,
                            const sales::Invoice& invoice,
                            std::span<const sales::OutboxEvent> events) override {
        return write("orders.addInvoice", order, expected_row_version, events,
                     [&](Poco::Data::Session& session) -> core::Status {
                         sales_sql::insertInvoice(session, db_, invoice);
                         return {};
                     });
    }

    std::optional<sales::Shipment> findShipment(std::int64_t id,
                                                const std::optional<std::string>& scope) const override {
        return guarded(db_, "shipments.find", [&]() -> std::optional<sales::Shipment> {
            Poco::Data::Session session = db_.session();
            Args args;
            args.add(id);
            std::string where = "id = ?" + sales_sql::scopeFilter(scope, "customer_id", args);
            auto found = sales_sql::loadShipments(session, db_, where, args);
            if (found.empty()) return std::nullopt;
            return std::move(found.front());
        });
    }

    std::optional<sales::Invoice> findInvoice(std::int64_t id,
                                              const std::optional<std::string>& scope) const override {
        return guarded(db_, "invoices.find", [&]() -> std::optional<sales::Invoice> {
            Poco::Data::Session session = db_.session();
            Args args;
            args.add(id);
            std::string where = "id = ?" + sales_sql::scopeFilter(scope, "customer_id", args);
            auto found = sales_sql::loadInvoices(session, db_, where, args);
            if (found.empty()) return std::nullopt;
            return std::move(found.front());
        });
    }

    std::vector<sales::Shipment> shipmentsOf(std::int64_t order_id) const override {
        return guarded(db_, "shipments.of", [&] {
            Poco::Data::Session session = db_.session();
            return sales_sql::loadShipments(session, db_, "order_id = ?", Args().add(order_id));
        });
    }

    std::vector<sales::Invoice> invoicesOf(std::int64_t order_id) const override {
        return guarded(db_, "invoices.of", [&] {
            Poco::Data::Session session = db_.session();
            return sales_sql::loadInvoices(session, db_, "order_id = ?", Args().add(order_id));
        });
    }

private:
    /// The update every write shares, then `extra` and the events, in one transaction.
    template <typename Extra>
    core::Status write(const char* operation, const Order& order, std::int64_t expected,
                       std::span<const sales::OutboxEvent> events, Extra&& extra) {
        return guarded(db_, operation, [&]() -> core::Status {
            Poco::Data::Session session = db_.session();
            WriteTransaction tx(session, db_.backend());
            if (auto status = sales_sql::updateOrder(session, db_, order, expected); !status) return status;
            if (auto status = extra(session); !status) return status;
            sales_sql::insertEvents(session, db_, events);
            tx.commit();
            return {};
        });
    }

    const Database& db_;
};

}  // namespace

std::unique_ptr<sales::OrderRepository> makeOrderRepository(Store& store) {
    return std::make_unique<SqlOrderRepository>(store.database());
}

}  // namespace crossdock::storage
