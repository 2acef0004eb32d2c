#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>

#include "crossdock/storage/store.h"

namespace crossdock::storage::testing {

/// The database one test case works on. Without CROSSDOCK_TEST_DB: a fresh SQLite file in a
/// temporary directory of its own, deleted afterwards. With CROSSDOCK_TEST_DB (a postgresql://
/// URL, as tests/scripts/with_postgres.sh exports): that database with its public schema
/// dropped and recreated, so every case starts empty.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }

    /// A new Store on this database (not migrated).
    std::unique_ptr<Store> open(const StoreOptions& options = {}) const;

    /// A new Store on this database, migrated.
    std::unique_ptr<Store> openMigrated() const;

private:
    std::string url_;
    std::filesystem::path directory_;  ///< SQLite only
};

/// True when the suite runs on PostgreSQL (CROSSDOCK_TEST_DB is set).
bool onPostgres();

/// Boost.Test precondition: the case only makes sense on SQLite.
boost::test_tools::assertion_result sqliteOnly(boost::unit_test::test_unit_id);

/// Fixture: a migrated store on a fresh database.
struct MigratedStore {
    TestDatabase database;
    std::unique_ptr<Store> store = database.openMigrated();
};

}  // namespace crossdock::storage::testing
