#include "test_database.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include <stdlib.h>  // mkdtemp

namespace crossdock::storage::testing {
namespace {

using Poco::Data::Keywords::now;

const char* testDatabaseUrl() {
    const char* url = std::getenv("CROSSDOCK_TEST_DB");
    return url != nullptr && *url != '\0' ? url : nullptr;
}

std::filesystem::path makeTemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "crossdock-storage-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
    return std::filesystem::path(buffer.data());
}

}  // namespace

bool onPostgres() { return testDatabaseUrl() != nullptr; }

boost::test_tools::assertion_result sqliteOnly(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result result(!onPostgres());
    result.message() << "SQLite only (CROSSDOCK_TEST_DB is set)";
    return result;
}

TestDatabase::TestDatabase() {
    if (const char* url = testDatabaseUrl()) {
        url_ = url;
        auto store = Store::open(url_, StoreOptions{0, 1, 60});
        Poco::Data::Session session = store->session();
        session << "DROP SCHEMA IF EXISTS public CASCADE", now;
        session << "CREATE SCHEMA public", now;
        return;
    }
    directory_ = makeTemporaryDirectory();
    url_ = "sqlite:" + (directory_ / "crossdock.db").string();
}

TestDatabase::~TestDatabase() {
    if (directory_.empty()) return;
    std::error_code ignored;  // a leftover temporary directory must not fail the test
    std::filesystem::remove_all(directory_, ignored);
}

std::unique_ptr<Store> TestDatabase::open(const StoreOptions& options) const {
    return Store::open(url_, options);
}

std::unique_ptr<Store> TestDatabase::openMigrated() const {
    auto store = open();
    store->migrate();
    return store;
}

}  // namespace crossdock::storage::testing
