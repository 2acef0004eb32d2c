#include <stdexcept>
#include <string>

#include <boost/test/unit_test.hpp>

#include "crossdock/storage/database_url.h"
#include "crossdock/storage/store.h"
#include "test_database.h"

using namespace crossdock::storage;

BOOST_AUTO_TEST_SUITE(database_url)

BOOST_AUTO_TEST_CASE(sqlite_takes_the_rest_as_a_path) {
    DatabaseUrl url = parseDatabaseUrl("sqlite:var/crossdock.db");
    BOOST_TEST((url.backend == Backend::Sqlite));
    BOOST_TEST(url.path == "var/crossdock.db");
    BOOST_TEST(url.display() == "sqlite:var/crossdock.db");
    BOOST_TEST(parseDatabaseUrl("sqlite:/tmp/x.db").path == "/tmp/x.db");
}

BOOST_AUTO_TEST_CASE(postgres_parts_are_percent_decoded) {
    DatabaseUrl url = parseDatabaseUrl(
        "postgresql://us%40er:p%40ss%3Aw%2Fd@db.example.com:6543/"
        "cross%2Ddock?sslmode=require&connect_timeout=3");
    BOOST_TEST((url.backend == Backend::PostgreSql));
    BOOST_TEST(url.user == "us@er");
    BOOST_TEST(url.password == "p@ss:w/d");
    BOOST_TEST(url.host == "db.example.com");
    BOOST_TEST(url.port == 6543);
    BOOST_TEST(url.database == "cross-dock");
    BOOST_REQUIRE(url.parameters.size() == 2u);
    BOOST_TEST(url.parameters[0].first == "sslmode");
    BOOST_TEST(url.parameters[0].second == "require");
}

BOOST_AUTO_TEST_CASE(postgres_defaults_and_forms) {
    DatabaseUrl url = parseDatabaseUrl("postgresql://app@localhost/crossdock");
    BOOST_TEST(url.port == 5432);
    BOOST_TEST(url.user == "app");
    BOOST_TEST(url.password.empty());
    BOOST_TEST(parseDatabaseUrl("postgres://h/db").host == "h");
    BOOST_TEST(parseDatabaseUrl("postgresql://h/db").user.empty());
    DatabaseUrl v6 = parseDatabaseUrl("postgresql://u:p@[::1]:5433/db");
    BOOST_TEST(v6.host == "::1");
    BOOST_TEST(v6.port == 5433);
    BOOST_TEST(v6.display() == "postgresql://u:***@[::1]:5433/db");
    BOOST_TEST(parseDatabaseUrl("postgresql://u:pa:ss@h/db").password == "pa:ss");
}

BOOST_AUTO_TEST_CASE(display_masks_the_password) {
    DatabaseUrl url =
        parseDatabaseUrl("postgresql://crossdock:s3cr3t@10.0.0.5/prod?sslpassword=other&sslmode=verify-full");
    BOOST_TEST(url.display() ==
               "postgresql://crossdock:***@10.0.0.5:5432/prod?sslpassword=***&sslmode=verify-full");
}

BOOST_AUTO_TEST_CASE(connection_string_quotes_values_for_libpq) {
    DatabaseUrl url = parseDatabaseUrl("postgresql://u:a'b%5Cc@h:1234/db?application_name=x");
    std::string conninfo = url.connectionString();
    BOOST_TEST(conninfo.find("password='a\\'b\\\\c'") != std::string::npos, conninfo);
    BOOST_TEST(conninfo.find("port=1234") != std::string::npos, conninfo);
    BOOST_TEST(conninfo.find("application_name='x'") != std::string::npos, conninfo);
    BOOST_TEST(conninfo.find("application_name='crossdock'") == std::string::npos, conninfo);
    BOOST_TEST(conninfo.find("connect_timeout='10'") != std::string::npos, conninfo);
}

BOOST_AUTO_TEST_CASE(bad_urls_are_rejected_with_a_reason_and_without_the_password) {
    const char* bad[] = {
        "",
        "var/crossdock.db",
        "mysql://u:secret@h/db",
        "sqlite:",
        "sqlite::memory:",
        "sqlite://var/x.db",
        "postgresql://u:secret@h",
        "postgresql://u:secret@h/",
        "postgresql://u:secret@/db",
        "postgresql://u:secret@:5432/db",
        "postgresql://u:secret@h:0/db",
        "postgresql://u:secret@h:65536/db",
        "postgresql://u:secret@h:54x/db",
        "postgresql://u:secret@h:/db",
        "postgresql://u:sec%zzret@h/db",
        "postgresql://u:secret%2@h/db",
        "postgresql://u:sec%20ret@h/db",
        "postgresql://u:sec/ret@h/db",
        "postgresql://u:secret@::1/db",
        "postgresql://u:secret@[::1/db",
        "postgresql://u:secret@h/db?host=other",
        "postgresql://u:secret@h/db?Bad=1",
        "postgresql://u:secret@h/db?sslmode",
    };
    for (const char* url : bad) {
        try {
            parseDatabaseUrl(url);
            BOOST_ERROR("accepted: " << url);
        } catch (const std::invalid_argument& e) {
            std::string message = e.what();
            BOOST_TEST(message.starts_with("database URL: "), message);
            BOOST_TEST(message.find("secret") == std::string::npos, url << " -> " << message);
            BOOST_TEST(message.find("sec/ret") == std::string::npos, url << " -> " << message);
        }
    }
}

BOOST_AUTO_TEST_CASE(open_rejects_bad_urls_and_options) {
    BOOST_CHECK_THROW(Store::open("nonsense"), std::invalid_argument);
    BOOST_CHECK_THROW(Store::open("sqlite::memory:"), std::invalid_argument);
    crossdock::storage::testing::TestDatabase database;
    BOOST_CHECK_THROW(database.open(StoreOptions{0, 0, 60}), std::invalid_argument);
    BOOST_CHECK_THROW(database.open(StoreOptions{5, 2, 60}), std::invalid_argument);
    BOOST_CHECK_THROW(database.open(StoreOptions{1, 2, 0}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(unreachable_postgres_is_a_storage_error_naming_the_url_without_password) {
    try {
        Store::open("postgresql://crossdock:s3cr3t@127.0.0.1:1/nowhere");
        BOOST_ERROR("connected to port 1");
    } catch (const StorageError& e) {
        std::string message = e.what();
        BOOST_TEST(message.find("postgresql://crossdock:***@127.0.0.1:1/nowhere") != std::string::npos,
                   message);
        BOOST_TEST(message.find("s3cr3t") == std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(sqlite_in_a_missing_directory_is_a_storage_error) {
    try {
        Store::open("sqlite:/nonexistent-crossdock-dir/sub/crossdock.db");
        BOOST_ERROR("opened a file in a missing directory");
    } catch (const StorageError& e) {
        std::string message = e.what();
        BOOST_TEST(message.find("/nonexistent-crossdock-dir/sub") != std::string::npos, message);
        BOOST_TEST(message.find("does not exist") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_SUITE_END()
