#pragma once

#include <cstdint>
#include <optional>

#include <Poco/Data/Session.h>

#include "crossdock/storage/database_url.h"

namespace crossdock::storage {

/// A write transaction on one session, rolled back by the destructor unless committed.
///
/// SQLite: BEGIN IMMEDIATE, which takes the database's write lock at once (waiting up to
/// busy_timeout), so a read-then-write inside cannot fail half-way with SQLITE_BUSY and
/// writers in other processes wait their turn.
/// PostgreSQL: BEGIN, then pg_advisory_xact_lock(lock_key) when a key is given, so that
/// everyone using the same key runs one at a time; the lock ends with the transaction.
/// Poco exceptions propagate (wrap the caller in guarded()).
class WriteTransaction {
public:
    WriteTransaction(Poco::Data::Session& session, Backend backend,
                     std::optional<std::int64_t> lock_key = std::nullopt);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    Poco::Data::Session& session_;
    Backend backend_;
    bool open_ = true;
};

}  // namespace crossdock::storage
