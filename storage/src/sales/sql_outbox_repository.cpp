// sales::OutboxRepository (delivery bookkeeping), sales::IdSequence and the idempotency keys.
#include <algorithm>
#include <string>
#include <utility>

#include "codec.h"
#include "crossdock/storage/sales_repositories.h"
#include "sql_rows.h"

namespace crossdock::storage {
namespace {

using sales::OutboxRecord;
using sales::OutboxState;
using sales_sql::Args;
using sales_sql::exec;
using sales_sql::query;
using sales_sql::Row;

constexpr const char* kRecordColumns =
    "id, event_type, aggregate_type, aggregate_id, customer_id, occurred_at, attributes, state, attempts, "
    "next_attempt_at, last_error";

OutboxState stateOf(const std::string& text) {
    if (text == "pending") return OutboxState::Pending;
    if (text == "delivered") return OutboxState::Delivered;
    if (text == "dead_letter") return OutboxState::DeadLetter;
    throw StorageError("outbox: unknown state '" + text + "'");
}

OutboxRecord toRecord(const Row& row) {
    OutboxRecord record;
    record.id = parseInt64(row[0]);
    auto type = sales::parseEventType(row[1]);
    if (!type) throw StorageError("outbox: unknown event type '" + row[1] + "'");
    record.event.type = *type;
    record.event.aggregate_type = row[2];
    record.event.aggregate_id = parseInt64(row[3]);
    record.event.customer_id = row[4];
    record.event.occurred_at = sales_sql::timeOf(row[5]);
    auto flat = sales_sql::decodeStrings(row[6]);
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
        record.event.attributes.emplace_back(std::move(flat[i]), std::move(flat[i + 1]));
    }
    record.state = stateOf(row[7]);
    record.attempts = sales_sql::intOf(row[8]);
    record.next_attempt_at = sales_sql::timeOf(row[9]);
    record.last_error = row[10];
    return record;
}

class SqlOutboxRepository final : public sales::OutboxRepository {
public:
    explicit SqlOutboxRepository(const Database& db) : db_(db) {}

    // One statement claims and leases: on PostgreSQL the inner SELECT skips rows another
    // worker has locked, on SQLite the statement holds the single write lock.
    std::vector<OutboxRecord> claimDue(core::TimePoint now, core::TimePoint lease_until,
                                       std::size_t limit) override {
        return guarded(db_, "outbox.claimDue", [&] {
            Poco::Data::Session session = db_.session();
            std::string lock = db_.backend() == Backend::PostgreSql ? " FOR UPDATE SKIP LOCKED" : "";
            auto rows = query(session, db_,
                              "UPDATE outbox SET next_attempt_at = ? WHERE id IN (SELECT id FROM outbox "
                              "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?" +
                                  lock + ") RETURNING " + kRecordColumns,
                              Args().add(lease_until).add(now).add(static_cast<std::int64_t>(limit)), 11);
            std::vector<OutboxRecord> records;
            records.reserve(rows.size());
            for (const Row& row : rows) records.push_back(toRecord(row));
            std::sort(records.begin(), records.end(),
                      [](const OutboxRecord& a, const OutboxRecord& b) { return a.id < b.id; });
            return records;
        });
    }

    void markDelivered(std::int64_t id, core::TimePoint at) override {
        guarded(db_, "outbox.markDelivered", [&] {
            Poco::Data::Session session = db_.session();
            exec(session, db_,
                 "UPDATE outbox SET state = 'delivered', delivered_at = ? WHERE id = ? AND state <> "
                 "'delivered'",
                 Args().add(at).add(id));
        });
    }

    void markFailed(std::int64_t id, const std::string& error,
                    std::optional<core::TimePoint> retry_at) override {
        guarded(db_, "outbox.markFailed", [&] {
            Poco::Data::Session session = db_.session();
            if (retry_at) {
                exec(session, db_,
                     "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                     "WHERE id = ? AND state = 'pending'",
                     Args().add(error).add(*retry_at).add(id));
            } else {
                exec(session, db_,
                     "UPDATE outbox SET attempts = attempts + 1, last_error = ?, state = 'dead_letter' "
                     "WHERE id = ? AND state = 'pending'",
                     Args().add(error).add(id));
            }
        });
    }

    void release(std::int64_t id, core::TimePoint due_at) override {
        guarded(db_, "outbox.release", [&] {
            Poco::Data::Session session = db_.session();
            exec(session, db_, "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending'",
                 Args().add(due_at).add(id));
        });
    }

    std::vector<OutboxRecord> listFor(std::string_view aggregate_type,
                                      std::int64_t aggregate_id) const override {
        return guarded(db_, "outbox.listFor", [&] {
            Poco::Data::Session session = db_.session();
            auto rows = query(session, db_,
                              std::string("SELECT ") + kRecordColumns +
                                  " FROM outbox WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY id",
                              Args().add(aggregate_type).add(aggregate_id), 11);
            std::vector<OutboxRecord> records;
            records.reserve(rows.size());
            for (const Row& row : rows) records.push_back(toRecord(row));
            return records;
        });
    }

    std::vector<OutboxRecord> listByState(OutboxState state, std::int64_t after_id,
                                          std::size_t limit) const override {
        return guarded(db_, "outbox.listByState", [&] {
            Poco::Data::Session session = db_.session();
            const std::string name = state == OutboxState::Pending     ? "pending"
                                     : state == OutboxState::Delivered ? "delivered"
                                                                       : "dead_letter";
            auto rows = query(session, db_,
                              std::string("SELECT ") + kRecordColumns +
                                  " FROM outbox WHERE state = ? AND id > ? ORDER BY id LIMIT ?",
                              Args().add(name).add(after_id).add(static_cast<std::int64_t>(limit)), 11);
            std::vector<OutboxRecord> records;
            records.reserve(rows.size());
            for (const Row& row : rows) records.push_back(toRecord(row));
            return records;
        });
    }

private:
    const Database& db_;
};

class SqlIdSequence final : public sales::IdSequence {
public:
    explicit SqlIdSequence(const Database& db) : db_(db) {}

    std::int64_t next(std::string_view name) override {
        return guarded(db_, "sales_sequences.next", [&] {
            Poco::Data::Session session = db_.session();
            auto rows = query(session, db_,
                              "INSERT INTO sales_sequences (name, value) VALUES (?, 1) ON CONFLICT (name) "
                              "DO UPDATE SET value = sales_sequences.value + 1 RETURNING value",
                              Args().add(name), 1);
            return parseInt64(rows.at(0).at(0));
        });
    }

private:
    const Database& db_;
};

class SqlIdempotencyRepository final : public IdempotencyRepository {
public:
    explicit SqlIdempotencyRepository(const Database& db) : db_(db) {}

    bool claim(const std::string& scope, const std::string& key, const std::string& request_hash,
               core::TimePoint at) override {
        return guarded(db_, "idempotency.claim", [&] {
            Poco::Data::Session session = db_.session();
            return exec(session, db_,
                        "INSERT INTO idempotency_keys (scope, key, request_hash, status, body, created_at) "
                        "VALUES (?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING",
                        Args().add(scope).add(key).add(request_hash).add(at)) == 1;
        });
    }

    void complete(const std::string& scope, const std::string& key, int status,
                  const std::string& body) override {
        guarded(db_, "idempotency.complete", [&] {
            Poco::Data::Session session = db_.session();
            exec(session, db_, "UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?",
                 Args().add(status).add(body).add(scope).add(key));
        });
    }

    void release(const std::string& scope, const std::string& key) override {
        guarded(db_, "idempotency.release", [&] {
            Poco::Data::Session session = db_.session();
            exec(session, db_, "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status = 0",
                 Args().add(scope).add(key));
        });
    }

    std::optional<IdempotentAnswer> find(const std::string& scope, const std::string& key) const override {
        return guarded(db_, "idempotency.find", [&]() -> std::optional<IdempotentAnswer> {
            Poco::Data::Session session = db_.session();
            auto rows =
                query(session, db_,
                      "SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?",
                      Args().add(scope).add(key), 3);
            if (rows.empty()) return std::nullopt;
            return IdempotentAnswer{rows[0][0], sales_sql::intOf(rows[0][1]), rows[0][2]};
        });
    }

private:
    const Database& db_;
};

}  // namespace

std::unique_ptr<sales::OutboxRepository> makeOutboxRepository(Store& store) {
    return std::make_unique<SqlOutboxRepository>(store.database());
}

std::unique_ptr<sales::IdSequence> makeIdSequence(Store& store) {
    return std::make_unique<SqlIdSequence>(store.database());
}

std::unique_ptr<IdempotencyRepository> makeIdempotencyRepository(Store& store) {
    return std::make_unique<SqlIdempotencyRepository>(store.database());
}

}  // namespace crossdock::storage
