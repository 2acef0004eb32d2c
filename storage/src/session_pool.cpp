#include "session_pool.h"

#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>

namespace crossdock::storage {
namespace {

using Poco::Data::Session;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

// Switching a fresh file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY for it at
// once instead of calling the busy handler: when several processes open a new database together,
// all but one would fail. Retry for as long as busy_timeout would have waited.
std::string enableWal(Session& session) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        try {
            std::string journal_mode;
            session << "PRAGMA journal_mode = WAL", into(journal_mode), now;
            return journal_mode;
        } catch (const Poco::Data::SQLite::DBLockedException&) {
            if (std::chrono::steady_clock::now() >= deadline) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
}

// Connection settings are per connection, so they are applied to each one the pool creates
// (Poco calls customizeSession() exactly then, under the pool's lock).
class ConfiguredSessionPool final : public Poco::Data::SessionPool {
public:
    ConfiguredSessionPool(const DatabaseUrl& url, const StoreOptions& options)
        : SessionPool(url.backend == Backend::Sqlite ? Poco::Data::SQLite::Connector::KEY
                                                     : Poco::Data::PostgreSQL::Connector::KEY,
                      url.connectionString(), options.min_sessions, options.max_sessions,
                      options.idle_seconds),
          backend_(url.backend),
          display_url_(url.display()) {}

protected:
    void customizeSession(Session& session) override {
        if (backend_ == Backend::PostgreSql) {
            session << "SET client_min_messages TO warning", now;
            return;
        }
        // busy_timeout first, so that what follows waits for locks held by other processes.
        int busy_timeout = 0;
        session << "PRAGMA busy_timeout = 10000", into(busy_timeout), now;
        session << "PRAGMA foreign_keys = ON", now;
        session << "PRAGMA synchronous = FULL", now;
        std::string journal_mode = enableWal(session);
        if (journal_mode != "wal") {
            throw StorageError("cannot put " + display_url_ + " in WAL mode (journal_mode is '" +
                               journal_mode + "'); is it on a network file system?");
        }
    }

private:
    Backend backend_;
    std::string display_url_;
};

}  // namespace

std::unique_ptr<Poco::Data::SessionPool> makeSessionPool(const DatabaseUrl& url,
                                                         const StoreOptions& options) {
    registerConnectors();
    return std::make_unique<ConfiguredSessionPool>(url, options);
}

}  // namespace crossdock::storage
