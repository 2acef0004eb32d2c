#include "sql_rows.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "codec.h"
#include "crossdock/core/json.h"

namespace crossdock::storage::sales_sql {
namespace {

using Poco::Data::Statement;
namespace keywords = Poco::Data::Keywords;

void bindAll(Statement& statement, const Args& args) {
    for (const Args::Value& value : args.values()) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            statement, keywords::bind(*number);
        } else if (const auto* text = std::get_if<std::string>(&value)) {
            statement, keywords::bind(*text);
        } else if (const auto* opt_number = std::get_if<std::optional<std::int64_t>>(&value)) {
            Poco::Nullable<Poco::Int64> nullable;
            if (*opt_number) nullable = static_cast<Poco::Int64>(**opt_number);
            statement, keywords::bind(nullable);
        } else if (const auto* opt_text = std::get_if<std::optional<std::string>>(&value)) {
            Poco::Nullable<std::string> nullable;
            if (*opt_text) nullable = **opt_text;
            statement, keywords::bind(nullable);
        } else {
            statement, keywords::bind(std::get<bool>(value));
        }
    }
}

}  // namespace

Args& Args::add(std::int64_t value) {
    values_.emplace_back(value);
    return *this;
}
Args& Args::add(std::string value) {
    values_.emplace_back(std::move(value));
    return *this;
}
Args& Args::add(core::TimePoint value) { return add(toMicros(value)); }
Args& Args::addBool(bool value) {
    values_.emplace_back(value);
    return *this;
}
Args& Args::add(std::optional<std::int64_t> value) {
    values_.emplace_back(value);
    return *this;
}
Args& Args::add(std::optional<core::Decimal> value) {
    std::optional<std::int64_t> raw;
    if (value) raw = value->raw();
    return add(raw);
}
Args& Args::addNullableText(std::optional<std::string> value) {
    values_.emplace_back(std::move(value));
    return *this;
}

std::vector<Row> query(Poco::Data::Session& session, const Database& db, std::string_view sql,
                       const Args& args, std::size_t columns) {
    std::vector<std::vector<std::string>> cells(columns);
    Statement statement(session);
    statement << db.sql(sql);
    bindAll(statement, args);
    for (auto& column : cells) statement, keywords::into(column);
    statement.execute();
    std::size_t count = columns == 0 ? 0 : cells.front().size();
    std::vector<Row> rows(count, Row(columns));
    for (std::size_t c = 0; c < columns; ++c) {
        for (std::size_t r = 0; r < count; ++r) rows[r][c] = std::move(cells[c][r]);
    }
    return rows;
}

std::size_t exec(Poco::Data::Session& session, const Database& db, std::string_view sql, const Args& args) {
    Statement statement(session);
    statement << db.sql(sql);
    bindAll(statement, args);
    return statement.execute();
}

core::Decimal decimalOf(const std::string& text) { return core::Decimal::fromRaw(parseInt64(text)); }

std::optional<core::Decimal> optionalDecimalOf(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return decimalOf(text);
}

std::optional<std::int64_t> optionalInt64Of(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return parseInt64(text);
}

int intOf(const std::string& text) { return static_cast<int>(parseInt64(text)); }

core::Date dateOf(const std::string& text) {
    auto date = core::Date::parse(text);
    if (!date) throw StorageError("expected an ISO date from the database, got '" + text + "'");
    return *date;
}

core::TimePoint timeOf(const std::string& text) { return fromMicros(parseInt64(text)); }

bool boolOf(const std::string& text) { return text == "1" || text == "t" || text == "true"; }

std::string encodeStrings(const std::vector<std::string>& values) {
    core::Json array = core::Json::array();
    for (const std::string& value : values) array.push(value);
    return core::toJsonString(array);
}

std::vector<std::string> decodeStrings(const std::string& text) {
    auto parsed = core::parseJson(text);
    if (!parsed || !parsed->isArray()) throw StorageError("expected a JSON array from the database");
    std::vector<std::string> values;
    for (const core::Json& item : parsed->items()) {
        if (!item.isString()) throw StorageError("expected a JSON array of strings from the database");
        values.push_back(item.asString());
    }
    return values;
}

void insertEvents(Poco::Data::Session& session, const Database& db,
                  std::span<const sales::OutboxEvent> events) {
    for (const sales::OutboxEvent& event : events) {
        std::vector<std::string> flat;
        for (const auto& [key, value] : event.attributes) {
            flat.push_back(key);
            flat.push_back(value);
        }
        exec(session, db,
             "INSERT INTO outbox (event_type, aggregate_type, aggregate_id, customer_id, occurred_at, "
             "attributes, state, attempts, next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, ?, 'pending', "
             "0, ?, '')",
             Args()
                 .add(sales::toString(event.type))
                 .add(event.aggregate_type)
                 .add(event.aggregate_id)
                 .add(event.customer_id)
                 .add(event.occurred_at)
                 .add(encodeStrings(flat))
                 .add(event.occurred_at));
    }
}

std::string scopeFilter(const std::optional<std::string>& scope, std::string_view column, Args& args) {
    if (!scope) return "";
    args.add(*scope);
    return " AND " + std::string(column) + " = ?";
}

}  // namespace crossdock::storage::sales_sql
