#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "migrations.h"
#include "test_database.h"

using namespace crossdock::storage;
using crossdock::storage::testing::TestDatabase;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

int migrationCount() { return static_cast<int>(allMigrations().size()); }

int recordedMigrations(Store& store) {
    Poco::Data::Session session = store.session();
    int count = 0;
    session << "SELECT COUNT(*) FROM schema_migrations", into(count), now;
    return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(versions_increase_from_one) {
    int expected = 1;
    for (const Migration& migration : allMigrations()) {
        BOOST_TEST(migration.version == expected);
        BOOST_TEST(!migration.name.empty());
        BOOST_TEST(!migration.sqlite_sql.empty());
        BOOST_TEST(!migration.postgresql_sql.empty());
        ++expected;
    }
    BOOST_TEST(Store::latestVersion() == migrationCount());
}

BOOST_AUTO_TEST_CASE(empty_database_is_version_zero) {
    TestDatabase database;
    auto store = database.open();
    BOOST_TEST(store->schemaVersion() == 0);
}

BOOST_AUTO_TEST_CASE(migrate_is_idempotent) {
    TestDatabase database;
    auto store = database.open();
    BOOST_TEST(store->migrate() == migrationCount());
    BOOST_TEST(store->schemaVersion() == Store::latestVersion());
    BOOST_TEST(store->migrate() == 0);
    BOOST_TEST(store->schemaVersion() == Store::latestVersion());
    BOOST_TEST(recordedMigrations(*store) == migrationCount());

    auto reopened = database.open();
    BOOST_TEST(reopened->schemaVersion() == Store::latestVersion());
    BOOST_TEST(reopened->migrate() == 0);
    BOOST_TEST(recordedMigrations(*reopened) == migrationCount());
}

BOOST_AUTO_TEST_CASE(schema_migrations_records_name_and_time) {
    TestDatabase database;
    auto store = database.open();
    auto before = std::chrono::system_clock::now() - std::chrono::seconds(1);
    store->migrate();
    Poco::Data::Session session = store->session();
    std::string name;
    std::string applied_at;
    session << "SELECT name, applied_at FROM schema_migrations WHERE version = 1", into(name),
        into(applied_at), now;
    BOOST_TEST(name == "accounts");
    auto micros = std::stoll(applied_at);
    auto before_micros =
        std::chrono::duration_cast<std::chrono::microseconds>(before.time_since_epoch()).count();
    BOOST_TEST(micros >= before_micros);
    BOOST_TEST(micros <= before_micros + 60'000'000);
}

// Several processes starting at once (here: stores with their own pools and connections, which
// lock against each other exactly as processes do) must apply each migration exactly once.
BOOST_AUTO_TEST_CASE(concurrent_stores_apply_each_migration_once) {
    TestDatabase database;
    constexpr int kStores = 4;
    std::vector<std::unique_ptr<Store>> stores;
    for (int i = 0; i < kStores; ++i) stores.push_back(database.open());

    std::atomic<int> ready{0};
    std::atomic<int> applied{0};
    std::vector<std::string> errors(kStores);
    std::vector<std::thread> threads;
    for (int i = 0; i < kStores; ++i) {
        threads.emplace_back([&, i] {
            ++ready;
            while (ready.load() < kStores) std::this_thread::yield();
            try {
                applied += stores[static_cast<std::size_t>(i)]->migrate();
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(i)] = e.what();
            }
        });
    }
    for (auto& thread : threads) thread.join();

    for (const auto& error : errors) BOOST_TEST(error.empty(), error);
    BOOST_TEST(applied.load() == migrationCount());
    for (auto& store : stores) BOOST_TEST(store->schemaVersion() == Store::latestVersion());
    BOOST_TEST(recordedMigrations(*stores.front()) == migrationCount());
}

BOOST_AUTO_TEST_SUITE_END()
