#pragma once

#include <string>
#include <utility>
#include <vector>

namespace crossdock::storage {

/// The database engines Crossdock runs on.
enum class Backend { Sqlite, PostgreSql };

/// "sqlite" or "postgresql".
const char* toString(Backend backend);

/// A parsed `--db` URL. Build one with parseDatabaseUrl().
struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    std::string path;      ///< SQLite: the file, as written (relative to the working directory)
    std::string user;      ///< PostgreSQL, percent-decoded; empty: libpq's default
    std::string password;  ///< PostgreSQL, percent-decoded; empty: none
    std::string host;      ///< PostgreSQL; an IPv6 address without its brackets
    int port = 5432;       ///< PostgreSQL
    std::string database;  ///< PostgreSQL, percent-decoded
    /// PostgreSQL: libpq parameters from the query string (`?sslmode=require`), decoded, in order.
    std::vector<std::pair<std::string, std::string>> parameters;

    /// The URL with the password replaced by `***`: safe for logs and error messages.
    std::string display() const;

    /// What Poco's connector takes: the file path (SQLite) or a libpq keyword=value string
    /// (PostgreSQL, with `application_name=crossdock` and `connect_timeout=10` unless given).
    std::string connectionString() const;
};

/// Parses `sqlite:PATH` or `postgresql://[user[:password]@]host[:port]/dbname[?key=value&...]`
/// (`postgres://` is accepted too). User, password, database and parameters are percent-decoded;
/// the port defaults to 5432. Throws std::invalid_argument with a message that names what is
/// wrong and never contains the password: unknown scheme, empty path, `sqlite::memory:`
/// (each pooled connection would get its own database), missing host or database, bad port,
/// bad percent escape, whitespace in a PostgreSQL value (Poco 1.11 splits its connection
/// string on spaces, so such a value cannot be passed on).
DatabaseUrl parseDatabaseUrl(const std::string& url);

}  // namespace crossdock::storage
