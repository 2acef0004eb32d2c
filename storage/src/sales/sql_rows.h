#pragma once
// Small helpers the sales repositories share: positional arguments, row reads as text
// (every column, so 64-bit integers never pass through Poco's lossy PostgreSQL parser, see
// parseInt64), and the value codecs of the sales tables.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <Poco/Data/Session.h>

#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/sales/outbox.h"
#include "database.h"

namespace crossdock::storage::sales_sql {

/// One row, every column as text; a NULL reads as "".
using Row = std::vector<std::string>;

/// Positional arguments for one statement, in `?` order.
class Args {
public:
    Args& add(std::int64_t value);
    Args& add(int value) { return add(static_cast<std::int64_t>(value)); }
    Args& add(std::string value);
    Args& add(const char* value) { return add(std::string(value)); }
    Args& add(std::string_view value) { return add(std::string(value)); }
    Args& add(core::Decimal value) { return add(value.raw()); }
    Args& add(core::Date value) { return add(value.toString()); }
    Args& add(core::TimePoint value);
    /// BOOLEAN on PostgreSQL, INTEGER 0/1 on SQLite.
    Args& addBool(bool value);
    /// NULL when empty.
    Args& add(std::optional<std::int64_t> value);
    Args& add(std::optional<core::Decimal> value);
    Args& addNullableText(std::optional<std::string> value);

    using Value = std::variant<std::int64_t, std::string, std::optional<std::int64_t>,
                               std::optional<std::string>, bool>;
    const std::vector<Value>& values() const { return values_; }

private:
    std::vector<Value> values_;
};

/// Runs a SELECT (or ... RETURNING) written with `?` and reads `columns` columns of every row.
std::vector<Row> query(Poco::Data::Session& session, const Database& db, std::string_view sql,
                       const Args& args, std::size_t columns);

/// Runs a statement; the number of rows it changed.
std::size_t exec(Poco::Data::Session& session, const Database& db, std::string_view sql,
                 const Args& args = {});

/// Codecs. Each throws StorageError on text the database should never hold.
core::Decimal decimalOf(const std::string& text);
std::optional<core::Decimal> optionalDecimalOf(const std::string& text);
std::optional<std::int64_t> optionalInt64Of(const std::string& text);
int intOf(const std::string& text);
core::Date dateOf(const std::string& text);
core::TimePoint timeOf(const std::string& text);
bool boolOf(const std::string& text);

/// A list of strings as a JSON array, and back.
std::string encodeStrings(const std::vector<std::string>& values);
std::vector<std::string> decodeStrings(const std::string& text);

/// Appends `events` to the outbox (pending, due now) inside the caller's transaction.
void insertEvents(Poco::Data::Session& session, const Database& db,
                  std::span<const sales::OutboxEvent> events);

/// The SQL fragment "" or " AND <column> = ?" for a scope, adding the argument.
std::string scopeFilter(const std::optional<std::string>& scope, std::string_view column, Args& args);

}  // namespace crossdock::storage::sales_sql
