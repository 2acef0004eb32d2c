#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_database.h"

using namespace crossdock;
using namespace std::chrono_literals;
using crossdock::storage::StoreOptions;
using crossdock::storage::testing::TestDatabase;

BOOST_AUTO_TEST_SUITE(session_pool)

// Poco's pool throws as soon as it is exhausted; the store waits for a session to come back.
BOOST_AUTO_TEST_CASE(a_caller_waits_for_a_free_connection) {
    TestDatabase database;
    auto store = database.open(StoreOptions{0, 1, 60});
    store->migrate();
    std::optional<Poco::Data::Session> held = store->session();
    std::atomic<bool> done{false};
    std::thread waiter([&] {
        BOOST_TEST(store->companies().create({"ACME", "Acme", "USD", "active"}).ok());
        done = true;
    });
    std::this_thread::sleep_for(200ms);
    BOOST_TEST(!done.load());
    held.reset();
    waiter.join();
    BOOST_TEST(done.load());
    BOOST_TEST(store->companies().find("ACME").has_value());
}

BOOST_AUTO_TEST_CASE(many_threads_write_through_one_store) {
    TestDatabase database;
    auto store = database.open(StoreOptions{1, 4, 60});
    store->migrate();
    constexpr int kThreads = 8;
    constexpr int kEach = 15;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                std::string id = "C" + std::to_string(t) + "-" + std::to_string(i);
                if (!store->companies().create({id, id, "USD", "active"}).ok()) ++failures;
                if (!store->companies().find(id).has_value()) ++failures;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(failures.load() == 0);
    BOOST_TEST(store->companies().list("", 1000).size() == static_cast<std::size_t>(kThreads * kEach));
}

BOOST_AUTO_TEST_SUITE_END()
