// Several crossdock processes starting at once on one database, for real: the suite runs copies
// of itself, each executing the hidden case `process_child/child_opens_and_migrates`.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Data/SQLite/Connector.h>
#include <boost/test/unit_test.hpp>

#include "test_database.h"

extern char** environ;

using namespace crossdock::storage;
using crossdock::storage::testing::onPostgres;
using crossdock::storage::testing::sqliteOnly;
using crossdock::storage::testing::TestDatabase;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

constexpr const char* kChildUrls = "CROSSDOCK_TEST_CHILD_URLS";  // one per line, a round each
constexpr const char* kChildStart = "CROSSDOCK_TEST_CHILD_START_MS";
constexpr std::int64_t kRoundMillis = 100;

using Clock = std::chrono::system_clock;

std::int64_t epochMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

void sleepUntilMillis(std::int64_t ms) {
    std::this_thread::sleep_until(Clock::time_point(std::chrono::milliseconds(ms)));
}

// Starts this test binary running only the child case; returns its pid.
pid_t spawnChild(const std::string& urls, std::int64_t start_ms) {
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
    std::string run_test = "--run_test=process_child/child_opens_and_migrates";
    std::vector<char*> argv{exe.data(), run_test.data(), nullptr};
    std::vector<std::string> extra{std::string(kChildUrls) + "=" + urls,
                                   std::string(kChildStart) + "=" + std::to_string(start_ms)};
    std::vector<char*> envp;
    for (char** entry = environ; *entry != nullptr; ++entry) envp.push_back(*entry);
    for (auto& entry : extra) envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    int error = posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv.data(), envp.data());
    BOOST_REQUIRE_MESSAGE(error == 0, "posix_spawn failed: " << error);
    return pid;
}

void checkMigratedOnce(const std::string& url) {
    auto store = Store::open(url);
    BOOST_TEST(store->schemaVersion() == Store::latestVersion(), url);
    Poco::Data::Session session = store->session();
    int recorded = 0;
    session << "SELECT COUNT(*) FROM schema_migrations", into(recorded), now;
    BOOST_TEST(recorded == Store::latestVersion(), url);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(processes)

// On SQLite the race that matters is switching a new file to WAL, over in microseconds, so the
// children go through several fresh files in lockstep, one round each. PostgreSQL: one round.
BOOST_AUTO_TEST_CASE(processes_opening_and_migrating_at_once_apply_each_migration_once) {
    constexpr int kChildren = 8;
    constexpr int kSqliteRounds = 8;
    TestDatabase database;
    std::vector<std::string> urls{database.url()};
    for (int round = 1; !onPostgres() && round < kSqliteRounds; ++round) {
        urls.push_back(database.url() + "." + std::to_string(round));
    }
    std::string joined;
    for (const auto& url : urls) joined += url + "\n";

    std::int64_t start_ms = epochMillis() + 300;
    std::vector<pid_t> children;
    for (int i = 0; i < kChildren; ++i) children.push_back(spawnChild(joined, start_ms));
    for (pid_t child : children) {
        int status = 0;
        BOOST_REQUIRE(waitpid(child, &status, 0) == child);
        BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0), "child exit status " << status);
    }
    for (const auto& url : urls) checkMigratedOnce(url);
}

// The same race made certain: a process holds the write lock of a database still in rollback-journal
// mode while others open it. SQLite refuses their switch to WAL at once, without waiting for
// busy_timeout (they would have to upgrade a read lock: a potential deadlock), so the store
// must retry by itself until the lock is released.
BOOST_AUTO_TEST_CASE(opening_waits_for_a_writer_in_another_process,
                     *boost::unit_test::precondition(sqliteOnly)) {
    TestDatabase database;
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session writer(Poco::Data::SQLite::Connector::KEY, database.url().substr(7));
    writer << "CREATE TABLE busy (x INTEGER)", now;
    writer << "BEGIN IMMEDIATE", now;
    writer << "INSERT INTO busy VALUES (1)", now;

    std::vector<pid_t> children;
    for (int i = 0; i < 3; ++i) children.push_back(spawnChild(database.url() + "\n", epochMillis()));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    writer << "COMMIT", now;
    writer.close();
    for (pid_t child : children) {
        int status = 0;
        BOOST_REQUIRE(waitpid(child, &status, 0) == child);
        BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0), "child exit status " << status);
    }
    checkMigratedOnce(database.url());
}

BOOST_AUTO_TEST_SUITE_END()

// The child side of the case above: disabled, and run by naming it with --run_test. Outside a
// child (no CROSSDOCK_TEST_CHILD_URLS) it does nothing.
BOOST_AUTO_TEST_SUITE(process_child)

BOOST_AUTO_TEST_CASE(child_opens_and_migrates, *boost::unit_test::disabled()) {
    const char* urls = std::getenv(kChildUrls);
    const char* start = std::getenv(kChildStart);
    if (urls == nullptr || start == nullptr) return;
    std::istringstream lines(urls);
    std::int64_t round_start = std::stoll(start);
    for (std::string url; std::getline(lines, url); round_start += kRoundMillis) {
        sleepUntilMillis(round_start);
        auto store = Store::open(url);
        store->migrate();
        BOOST_TEST(store->schemaVersion() == Store::latestVersion(), url);
    }
}

BOOST_AUTO_TEST_SUITE_END()
