#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <Poco/Data/Session.h>

#include "crossdock/accounts/repositories.h"
#include "crossdock/storage/database_url.h"

namespace crossdock::storage {

class Database;

/// Connection pool settings. Defaults suit one server process.
struct StoreOptions {
    int min_sessions = 1;   ///< idle connections kept open (>= 0)
    int max_sessions = 32;  ///< connections at most (>= 1, >= min_sessions); callers wait up to 10 s for one
    int idle_seconds = 60;  ///< an idle connection above min_sessions is closed after this (>= 1)
};

/// An infrastructure failure of the database: cannot connect, cannot open the file, a statement
/// failed for a reason other than the expected ones (Conflict, NotFound are core::Error values).
/// The message names the operation and, where relevant, the URL without its password.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The database: a pool of Poco::Data sessions on SQLite or PostgreSQL, the schema migrations,
/// and the repositories that the domain modules declare. Thread-safe: share one Store per process.
class Store {
public:
    /// Opens the database at `url` (see parseDatabaseUrl) and checks that it answers.
    /// SQLite: the file is created when missing, its directory must exist; every connection has
    /// foreign_keys=ON, synchronous=FULL, busy_timeout=10000 and the file is in WAL mode.
    /// Does not migrate: call migrate().
    /// Throws std::invalid_argument for a bad URL or bad options, StorageError when the database
    /// cannot be reached or opened (the message names the URL without the password).
    static std::unique_ptr<Store> open(const std::string& url, const StoreOptions& options = {});

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Backend backend() const;

    /// The URL the store was opened with, password masked (for logs).
    std::string displayUrl() const;

    /// A session from the pool, returned to it when the last copy is destroyed. For code inside
    /// storage/ only: SQL stays in this module. PostgreSQL needs `$1` placeholders, SQLite `?`.
    /// Throws StorageError when no connection becomes free within 10 s.
    Poco::Data::Session session();

    /// Applies the migrations this binary knows and the database lacks, in version order, each in
    /// its own transaction, recording each in schema_migrations(version, name, applied_at).
    /// Returns how many it applied (0 when up to date). Safe when several processes migrate the
    /// same database at once: they serialize on pg_advisory_xact_lock (PostgreSQL) or
    /// BEGIN IMMEDIATE (SQLite), and each migration is applied exactly once.
    /// Throws StorageError when a migration fails; that migration is rolled back.
    int migrate();

    /// The highest applied migration version; 0 for an empty database. May exceed
    /// latestVersion() when a newer binary migrated the database.
    int schemaVersion() const;

    /// The highest migration version this binary knows.
    static int latestVersion();

    /// Repositories over this store, valid while it lives. Need a migrated schema.
    accounts::CompanyRepository& companies();
    accounts::UserRepository& users();
    accounts::CredentialRepository& credentials();

    /// The pool and SQL dialect, for the repositories of storage/src only (Database is a private
    /// type of this module). Other areas build their repositories over it with the factories in
    /// their own headers (crossdock/storage/<area>_*.h).
    Database& database();

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
};

}  // namespace crossdock::storage
