#include "migrator.h"

#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Statement.h>

#include "codec.h"
#include "migrations.h"
#include "sql_text.h"
#include "transaction.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Session;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

// Every process migrating a PostgreSQL database takes this advisory lock ("Crossdoc" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x43726f7373646f63;

bool migrationTableExists(Session& session, Backend backend) {
    int count = 0;
    if (backend == Backend::Sqlite) {
        session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            into(count), now;
    } else {
        session << "SELECT COUNT(*) FROM information_schema.tables "
                   "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
            into(count), now;
    }
    return count > 0;
}

void ensureMigrationTable(Session& session, Backend backend) {
    if (migrationTableExists(session, backend)) return;
    WriteTransaction transaction(session, backend, kMigrationLockKey);
    if (!migrationTableExists(session, backend)) {  // someone else may have been first
        if (backend == Backend::Sqlite) {
            session << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at INTEGER NOT NULL) STRICT",
                now;
        } else {
            session << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at BIGINT NOT NULL)",
                now;
        }
    }
    transaction.commit();
}

std::set<int> appliedVersions(Session& session) {
    std::vector<int> versions;
    session << "SELECT version FROM schema_migrations", into(versions), now;
    return {versions.begin(), versions.end()};
}

bool isRecorded(Session& session, const Database& db, int version) {
    int count = 0;
    session << db.sql("SELECT COUNT(*) FROM schema_migrations WHERE version = ?"),
        Poco::Data::Keywords::bind(version), into(count), now;
    return count > 0;
}

// Applies `migration` unless another process already has; returns whether this one did.
bool applyOne(Session& session, const Database& db, const Migration& migration) {
    WriteTransaction transaction(session, db.backend(), kMigrationLockKey);
    if (isRecorded(session, db, migration.version)) return false;
    for (const std::string& statement : splitStatements(migration.sqlFor(db.backend()))) {
        try {
            session << statement, now;
        } catch (const Poco::Exception& e) {
            throw StorageError("migration " + std::to_string(migration.version) + " (" +
                               std::string(migration.name) + ") failed on " + db.displayUrl() + ": " +
                               db.scrub(e.displayText()));
        }
    }
    session << db.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
        Poco::Data::Keywords::bind(migration.version),
        Poco::Data::Keywords::bind(std::string(migration.name)), Poco::Data::Keywords::bind(nowMicros()), now;
    transaction.commit();
    return true;
}

}  // namespace

int applyMigrations(const Database& db) {
    return guarded(db, "migrate", [&] {
        Session session = db.session();
        ensureMigrationTable(session, db.backend());
        std::set<int> applied = appliedVersions(session);
        int count = 0;
        for (const Migration& migration : allMigrations()) {
            if (!applied.contains(migration.version) && applyOne(session, db, migration)) ++count;
        }
        return count;
    });
}

int appliedVersion(const Database& db) {
    return guarded(db, "schemaVersion", [&] {
        Session session = db.session();
        if (!migrationTableExists(session, db.backend())) return 0;
        int version = 0;
        session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
        return version;
    });
}

}  // namespace crossdock::storage
