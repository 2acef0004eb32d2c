#pragma once
// Row-level reads and writes of orders, shipments and invoices, inside a caller's session
// (and transaction). SqlOrderRepository composes them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/invoice.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/shipment.h"
#include "database.h"
#include "sql_rows.h"

namespace crossdock::storage::sales_sql {

/// Inserts the order row, its lines and transitions. False (nothing written) when a unique
/// constraint refused it: the id, the number, (customer_id, po_number) or source_message_id.
bool insertOrder(Poco::Data::Session& session, const Database& db, const sales::Order& order);

/// Replaces the order row (where row_version = expected), its lines, and appends the new
/// transitions. NotFound / Conflict when the row is missing / stale (nothing written).
core::Status updateOrder(Poco::Data::Session& session, const Database& db, const sales::Order& order,
                         std::int64_t expected_row_version);

/// The order with `where` (a WHERE clause over `orders` with `?`) and its args, or nullopt.
std::optional<sales::Order> loadOrder(Poco::Data::Session& session, const Database& db,
                                      const std::string& where, const Args& args);

/// The customer's open exposure in `currency` (docs/sales.md, "Credit limits"): one
/// aggregate statement over orders and invoices, in the caller's session.
core::Decimal openExposure(Poco::Data::Session& session, const Database& db, const std::string& customer_id,
                           const std::string& currency);

/// The PostgreSQL advisory lock key of a customer's credit checks (a stable 64-bit hash of
/// its id, so that every instance takes the same lock).
std::int64_t creditLockKey(const std::string& customer_id);

/// Inserts a shipment with its packages and lines. False when one of its SSCCs exists.
bool insertShipment(Poco::Data::Session& session, const Database& db, const sales::Shipment& shipment);
std::vector<sales::Shipment> loadShipments(Poco::Data::Session& session, const Database& db,
                                           const std::string& where, const Args& args);

void insertInvoice(Poco::Data::Session& session, const Database& db, const sales::Invoice& invoice);
std::vector<sales::Invoice> loadInvoices(Poco::Data::Session& session, const Database& db,
                                         const std::string& where, const Args& args);

}  // namespace crossdock::storage::sales_sql
