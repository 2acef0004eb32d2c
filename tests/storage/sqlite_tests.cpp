// What only SQLite has: per-connection pragmas and the WAL file.
#include <filesystem>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_database.h"

using namespace crossdock::storage;
using crossdock::storage::testing::sqliteOnly;
using crossdock::storage::testing::TestDatabase;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

BOOST_AUTO_TEST_SUITE(sqlite)

// Pragmas are per connection: hold several at once so that each is a different one.
BOOST_AUTO_TEST_CASE(every_pooled_connection_has_the_pragmas, *boost::unit_test::precondition(sqliteOnly)) {
    TestDatabase database;
    auto store = database.openMigrated();
    std::vector<Poco::Data::Session> sessions;
    for (int i = 0; i < 4; ++i) sessions.push_back(store->session());
    for (auto& session : sessions) {
        int foreign_keys = -1;
        int synchronous = -1;
        int busy_timeout = -1;
        std::string journal_mode;
        session << "PRAGMA foreign_keys", into(foreign_keys), now;
        session << "PRAGMA synchronous", into(synchronous), now;
        session << "PRAGMA busy_timeout", into(busy_timeout), now;
        session << "PRAGMA journal_mode", into(journal_mode), now;
        BOOST_TEST(foreign_keys == 1);
        BOOST_TEST(synchronous == 2);  // FULL
        BOOST_TEST(busy_timeout == 10000);
        BOOST_TEST(journal_mode == "wal");
    }
}

BOOST_AUTO_TEST_CASE(foreign_keys_are_enforced, *boost::unit_test::precondition(sqliteOnly)) {
    TestDatabase database;
    auto store = database.openMigrated();
    Poco::Data::Session session = store->session();
    auto insert_orphan = [&] {
        session << "INSERT INTO auth_tokens (token_hash, user_id, expires_at) VALUES ('h', 42, 0)", now;
    };
    BOOST_CHECK_THROW(insert_orphan(), Poco::Exception);
}

BOOST_AUTO_TEST_CASE(database_file_is_in_wal_mode, *boost::unit_test::precondition(sqliteOnly)) {
    TestDatabase database;
    auto store = database.openMigrated();
    std::string path = database.url().substr(7);
    BOOST_TEST(std::filesystem::exists(path));
    BOOST_TEST(std::filesystem::exists(path + "-wal"));
}

BOOST_AUTO_TEST_SUITE_END()
