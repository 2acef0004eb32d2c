#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Exception.h>

#include "crossdock/storage/database_url.h"
#include "crossdock/storage/store.h"

namespace crossdock::storage {

/// What the repositories share: the session pool and the SQL dialect. Thread-safe.
class Database {
public:
    Database(const DatabaseUrl& url, std::unique_ptr<Poco::Data::SessionPool> pool);

    Backend backend() const { return backend_; }

    /// The URL, password masked.
    const std::string& displayUrl() const { return display_url_; }

    /// A pooled session. When all max_sessions are in use, waits up to 10 s for one to come
    /// back. Throws StorageError when none does or when a new connection fails (message with
    /// the URL, never the password).
    Poco::Data::Session session() const;

    /// `sql`, written with `?` placeholders, in this backend's form ($1, $2... on PostgreSQL).
    std::string sql(std::string_view text) const;

    /// `message` with every occurrence of the password replaced by ***.
    std::string scrub(std::string message) const;

private:
    Backend backend_;
    std::string display_url_;
    std::string password_;
    std::unique_ptr<Poco::Data::SessionPool> pool_;
};

/// Runs `body()` and returns what it returns; a Poco::Exception becomes a StorageError whose
/// message starts with `operation` ("users.create: ..."). Poco's what() says only "PostgreSQL"
/// or "SQLite": the detail is in displayText(), which this keeps.
template <typename Body>
decltype(auto) guarded(const Database& db, const char* operation, Body&& body) {
    try {
        return std::forward<Body>(body)();
    } catch (const Poco::Exception& e) {
        throw StorageError(std::string(operation) + ": " + db.scrub(e.displayText()));
    }
}

}  // namespace crossdock::storage
