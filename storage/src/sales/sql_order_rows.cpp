#include "sql_order_rows.h"

#include <algorithm>
#include <string>
#include <utility>

#include "codec.h"

namespace crossdock::storage::sales_sql {
namespace {

using core::ErrorCode;
using core::makeError;
using sales::Order;
using sales::OrderLine;

constexpr const char* kOrderColumns =
    "SELECT id, number, customer_id, po_number, source, status, held_from, hold_reasons, currency, ship_to, "
    "requested_date, notes, total, quote_id, quote_number, quote_version, source_message_id, requested_by, "
    "created_at, row_version FROM orders WHERE ";
constexpr std::size_t kOrderColumnCount = 20;

sales::OrderStatus orderStatusOf(const std::string& text) {
    auto status = sales::parseOrderStatus(text);
    if (!status) throw StorageError("orders: unknown status '" + text + "'");
    return *status;
}

std::string encodeShipTo(const sales::ShipTo& s) {
    return encodeStrings(
        {s.name, s.location_id, s.address1, s.address2, s.city, s.region, s.postal_code, s.country});
}

sales::ShipTo decodeShipTo(const std::string& text) {
    auto v = decodeStrings(text);
    if (v.size() != 8) throw StorageError("orders: ship_to holds " + std::to_string(v.size()) + " fields");
    return sales::ShipTo{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
}

/// The columns of `orders` that update() rewrites, in the order of kUpdateOrder.
void addMutable(Args& args, const Order& order) {
    std::optional<std::string> held_from;
    if (order.held_from) held_from = std::string(sales::toString(*order.held_from));
    std::optional<std::string> requested_date;
    if (order.requested_date) requested_date = order.requested_date->toString();
    args.add(sales::toString(order.status))
        .addNullableText(held_from)
        .add(encodeStrings(order.hold_reasons))
        .add(encodeShipTo(order.ship_to))
        .addNullableText(requested_date)
        .add(order.notes)
        .add(order.total)
        .add(order.row_version);
}

// Lines go in as multi-row INSERTs: one round trip per kLinesPerInsert lines instead of one
// per line (PostgreSQL pays a network round trip per statement). 16 columns × 100 rows =
// 1,600 parameters, well below SQLite's 32,766 and PostgreSQL's 65,535.
constexpr std::size_t kLinesPerInsert = 100;
constexpr const char* kLineInsert =
    "INSERT INTO order_lines (order_id, line_no, line_ref, sku, customer_part_number, quantity, uom, "
    "unit_price, extended, incoming_price, explanation, status, message, backordered_quantity, "
    "shipped_quantity, invoiced_quantity) VALUES ";
constexpr const char* kLinePlaceholders = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

void addLine(Args& args, std::int64_t order_id, const OrderLine& line) {
    args.add(order_id)
        .add(line.line_no)
        .add(line.line_ref)
        .add(line.sku)
        .add(line.customer_part_number)
        .add(line.quantity)
        .add(line.uom)
        .add(line.unit_price)
        .add(line.extended)
        .add(line.incoming_price)
        .add(line.explanation)
        .add(sales::toString(line.status))
        .add(line.message)
        .add(line.backordered_quantity)
        .add(line.shipped_quantity)
        .add(line.invoiced_quantity);
}

/// Writes the order's lines; `fresh`: the order was just inserted, so it has none to replace.
void writeLines(Poco::Data::Session& session, const Database& db, const Order& order, bool fresh) {
    if (!fresh) exec(session, db, "DELETE FROM order_lines WHERE order_id = ?", Args().add(order.id));
    for (std::size_t at = 0; at < order.lines.size(); at += kLinesPerInsert) {
        const std::size_t count = std::min(kLinesPerInsert, order.lines.size() - at);
        std::string sql = kLineInsert;
        Args args;
        for (std::size_t i = 0; i < count; ++i) {
            if (i != 0) sql += ", ";
            sql += kLinePlaceholders;
            addLine(args, order.id, order.lines[at + i]);
        }
        exec(session, db, sql, args);
    }
}

/// Appends the transitions not stored yet; `fresh`: the order was just inserted (none are).
void appendTransitions(Poco::Data::Session& session, const Database& db, const Order& order, bool fresh) {
    std::size_t stored = 0;
    if (!fresh) {
        auto count = query(session, db, "SELECT COUNT(*) FROM order_transitions WHERE order_id = ?",
                           Args().add(order.id), 1);
        stored = static_cast<std::size_t>(parseInt64(count.at(0).at(0)));
    }
    for (auto i = stored; i < order.transitions.size(); ++i) {
        const sales::OrderTransition& t = order.transitions[i];
        exec(session, db,
             "INSERT INTO order_transitions (order_id, seq, from_status, to_status, by_user, at, note) "
             "VALUES (?, ?, ?, ?, ?, ?, ?)",
             Args()
                 .add(order.id)
                 .add(static_cast<std::int64_t>(i))
                 .add(sales::toString(t.from))
                 .add(sales::toString(t.to))
                 .add(t.by_user)
                 .add(t.at)
                 .add(t.note));
    }
}

OrderLine toLine(const Row& row) {
    OrderLine line;
    line.line_no = intOf(row[0]);
    line.line_ref = row[1];
    line.sku = row[2];
    line.customer_part_number = row[3];
    line.quantity = decimalOf(row[4]);
    line.uom = row[5];
    line.unit_price = decimalOf(row[6]);
    line.extended = decimalOf(row[7]);
    line.incoming_price = optionalDecimalOf(row[8]);
    line.explanation = row[9];
    auto status = sales::parseLineStatus(row[10]);
    if (!status) throw StorageError("order_lines: unknown status '" + row[10] + "'");
    line.status = *status;
    line.message = row[11];
    line.backordered_quantity = decimalOf(row[12]);
    line.shipped_quantity = decimalOf(row[13]);
    line.invoiced_quantity = decimalOf(row[14]);
    return line;
}

Order toOrder(const Row& row) {
    Order order;
    order.id = parseInt64(row[0]);
    order.number = row[1];
    order.customer_id = row[2];
    order.po_number = row[3];
    auto source = sales::parseOrderSource(row[4]);
    if (!source) throw StorageError("orders: unknown source '" + row[4] + "'");
    order.source = *source;
    order.status = orderStatusOf(row[5]);
    if (!row[6].empty()) order.held_from = orderStatusOf(row[6]);
    order.hold_reasons = decodeStrings(row[7]);
    order.currency = row[8];
    order.ship_to = decodeShipTo(row[9]);
    if (!row[10].empty()) order.requested_date = dateOf(row[10]);
    order.notes = row[11];
    order.total = decimalOf(row[12]);
    if (auto quote_id = optionalInt64Of(row[13])) {
        order.quote = sales::QuoteRef{*quote_id, row[14], intOf(row[15])};
    }
    order.source_message_id = optionalInt64Of(row[16]);
    order.requested_by = parseInt64(row[17]);
    order.created_at = timeOf(row[18]);
    order.row_version = parseInt64(row[19]);
    return order;
}

void loadChildren(Poco::Data::Session& session, const Database& db, Order& order) {
    for (const Row& row :
         query(session, db,
               "SELECT line_no, line_ref, sku, customer_part_number, quantity, uom, unit_price, "
               "extended, incoming_price, explanation, status, message, backordered_quantity, "
               "shipped_quantity, invoiced_quantity FROM order_lines WHERE order_id = ? "
               "ORDER BY line_no",
               Args().add(order.id), 15)) {
        order.lines.push_back(toLine(row));
    }
    for (const Row& row : query(session, db,
                                "SELECT from_status, to_status, by_user, at, note FROM order_transitions "
                                "WHERE order_id = ? ORDER BY seq",
                                Args().add(order.id), 5)) {
        order.transitions.push_back(sales::OrderTransition{orderStatusOf(row[0]), orderStatusOf(row[1]),
                                                           parseInt64(row[2]), timeOf(row[3]), row[4]});
    }
}

}  // namespace

bool insertOrder(Poco::Data::Session& session, const Database& db, const Order& order) {
    Args args;
    args.add(order.id)
        .add(order.number)
        .add(order.customer_id)
        .add(order.po_number)
        .add(sales::toString(order.source))
        .add(order.currency);
    std::optional<std::int64_t> quote_id;
    if (order.quote) quote_id = order.quote->quote_id;
    args.add(quote_id)
        .add(order.quote ? order.quote->number : std::string())
        .add(order.quote ? order.quote->version : 0)
        .add(order.source_message_id)
        .add(order.requested_by)
        .add(order.created_at);
    addMutable(args, order);
    std::size_t inserted = exec(
        session, db,
        "INSERT INTO orders (id, number, customer_id, po_number, source, currency, quote_id, quote_number, "
        "quote_version, source_message_id, requested_by, created_at, status, held_from, hold_reasons, "
        "ship_to, "
        "requested_date, notes, total, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, "
        "?, ?) ON CONFLICT DO NOTHING",
        args);
    if (inserted == 0) return false;
    writeLines(session, db, order, true);
    appendTransitions(session, db, order, true);
    return true;
}

core::Status updateOrder(Poco::Data::Session& session, const Database& db, const Order& order,
                         std::int64_t expected_row_version) {
    Args args;
    addMutable(args, order);
    args.add(order.id).add(expected_row_version);
    std::size_t changed = exec(session, db,
                               "UPDATE orders SET status = ?, held_from = ?, hold_reasons = ?, ship_to = ?, "
                               "requested_date = ?, notes = ?, total = ?, row_version = ? "
                               "WHERE id = ? AND row_version = ?",
                               args);
    if (changed == 0) {
        auto rows =
            query(session, db, "SELECT row_version FROM orders WHERE id = ?", Args().add(order.id), 1);
        if (rows.empty())
            return makeError(ErrorCode::NotFound, "order " + std::to_string(order.id) + " not found");
        return makeError(ErrorCode::Conflict,
                         "order " + order.number + " was changed by someone else (stale row_version)");
    }
    writeLines(session, db, order, false);
    appendTransitions(session, db, order, false);
    return {};
}

std::optional<Order> loadOrder(Poco::Data::Session& session, const Database& db, const std::string& where,
                               const Args& args) {
    auto rows = query(session, db, std::string(kOrderColumns) + where, args, kOrderColumnCount);
    if (rows.empty()) return std::nullopt;
    Order order = toOrder(rows.front());
    loadChildren(session, db, order);
    return order;
}

}  // namespace crossdock::storage::sales_sql
