#include <chrono>

#include <boost/test/unit_test.hpp>

#include "test_database.h"

using namespace crossdock;
using namespace std::chrono_literals;
using crossdock::accounts::ApiKeyRecord;
using crossdock::accounts::TimePoint;
using crossdock::accounts::TokenRecord;
using crossdock::storage::StorageError;
using crossdock::storage::testing::MigratedStore;

namespace {

// 2030-01-01T00:00:00Z plus 123456 µs: a time with every microsecond digit in use.
const TimePoint kT0 = TimePoint{1893456000s} + 123456us;

struct CredentialFixture : MigratedStore {
    CredentialFixture() {
        BOOST_REQUIRE(store->companies().create({"ACME", "Acme", "USD", "active"}).ok());
        accounts::User user;
        user.email = "ann@acme.example";
        user.company_id = "ACME";
        user.password_hash = "hash";
        auto id = store->users().create(user);
        BOOST_REQUIRE(id.ok());
        user_id = *id;
    }
    std::int64_t user_id = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(credential_repository, CredentialFixture)

BOOST_AUTO_TEST_CASE(token_expiry_is_stored_and_read_exactly) {
    auto& credentials = store->credentials();
    credentials.saveToken({"aa11", user_id, kT0});
    auto found = credentials.findToken("aa11");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->token_hash == "aa11");
    BOOST_TEST(found->user_id == user_id);
    BOOST_TEST((found->expires_at == kT0));
    BOOST_TEST(!credentials.findToken("bb22").has_value());
}

// Microsecond storage: sub-microsecond parts round down, so a token never lives longer.
BOOST_AUTO_TEST_CASE(token_expiry_rounds_down_to_the_microsecond) {
    store->credentials().saveToken({"aa11", user_id, kT0 + 999ns});
    BOOST_TEST((store->credentials().findToken("aa11")->expires_at == kT0));
    store->credentials().saveToken({"bb22", user_id, TimePoint{} - 1ns});
    BOOST_TEST((store->credentials().findToken("bb22")->expires_at == TimePoint{} - 1us));
}

// Values beyond ±2^53 µs catch Poco 1.11's PostgreSQL extractor, which loses the low bits of
// large negative BIGINTs; the repositories read 64-bit columns as text for that reason.
BOOST_AUTO_TEST_CASE(extreme_times_round_trip) {
    const TimePoint times[] = {
        TimePoint{},
        TimePoint{-2208988800s},              // 1900-01-01
        TimePoint{-9'100'000'000'000'123us},  // below -2^53 µs, about 1681
        TimePoint{9'100'000'000'000'123us},   // above 2^53 µs, about 2258
        std::chrono::floor<std::chrono::microseconds>(TimePoint::max()),
        std::chrono::ceil<std::chrono::microseconds>(TimePoint::min()),
    };
    int n = 0;
    for (TimePoint time : times) {
        std::string hash = "t" + std::to_string(n++);
        store->credentials().saveToken({hash, user_id, time});
        auto found = store->credentials().findToken(hash);
        BOOST_REQUIRE(found.has_value());
        BOOST_TEST((found->expires_at == time), hash << ": " << found->expires_at.time_since_epoch().count()
                                                     << " != " << time.time_since_epoch().count());
    }
}

BOOST_AUTO_TEST_CASE(saving_a_token_again_replaces_it) {
    store->credentials().saveToken({"aa11", user_id, kT0});
    store->credentials().saveToken({"aa11", user_id, kT0 + 1h});
    BOOST_TEST((store->credentials().findToken("aa11")->expires_at == kT0 + 1h));
}

BOOST_AUTO_TEST_CASE(token_for_unknown_user_throws) {
    BOOST_CHECK_THROW(store->credentials().saveToken({"aa11", user_id + 1000, kT0}), StorageError);
    BOOST_TEST(!store->credentials().findToken("aa11").has_value());
}

BOOST_AUTO_TEST_CASE(delete_expired_tokens_removes_those_expired_before_now) {
    auto& credentials = store->credentials();
    credentials.saveToken({"old", user_id, kT0 - 1s});
    credentials.saveToken({"just", user_id, kT0 - 1us});
    credentials.saveToken({"edge", user_id, kT0});
    credentials.saveToken({"live", user_id, kT0 + 1s});
    BOOST_TEST(credentials.deleteExpiredTokens(kT0) == 2u);
    BOOST_TEST(!credentials.findToken("old").has_value());
    BOOST_TEST(!credentials.findToken("just").has_value());
    BOOST_TEST(credentials.findToken("edge").has_value());
    BOOST_TEST(credentials.findToken("live").has_value());
    BOOST_TEST(credentials.deleteExpiredTokens(kT0) == 0u);
}

BOOST_AUTO_TEST_CASE(api_keys_round_trip_with_and_without_company) {
    auto& credentials = store->credentials();
    credentials.saveApiKey({"k1", "PARTNER1", std::string("ACME"), true});
    credentials.saveApiKey({"k2", "PARTNER2", std::nullopt, false});
    auto first = credentials.findApiKey("k1");
    BOOST_REQUIRE(first.has_value());
    BOOST_TEST(first->partner_id == "PARTNER1");
    BOOST_TEST(first->company_id.value_or("") == "ACME");
    BOOST_TEST(first->active);
    auto second = credentials.findApiKey("k2");
    BOOST_REQUIRE(second.has_value());
    BOOST_TEST(!second->company_id.has_value());
    BOOST_TEST(!second->active);
    BOOST_TEST(!credentials.findApiKey("k3").has_value());
}

BOOST_AUTO_TEST_CASE(a_new_key_replaces_the_partners_old_one) {
    auto& credentials = store->credentials();
    credentials.saveApiKey({"k1", "PARTNER1", std::string("ACME"), true});
    credentials.saveApiKey({"k1", "PARTNER1", std::string("ACME"), true});  // the same again: harmless
    credentials.saveApiKey({"k9", "PARTNER1", std::nullopt, false});
    BOOST_TEST(!credentials.findApiKey("k1").has_value());
    auto replaced = credentials.findApiKey("k9");
    BOOST_REQUIRE(replaced.has_value());
    BOOST_TEST(replaced->partner_id == "PARTNER1");
    BOOST_TEST(!replaced->company_id.has_value());
    BOOST_TEST(!replaced->active);
}

BOOST_AUTO_TEST_CASE(failed_logins_are_counted_per_email_within_the_window) {
    auto& credentials = store->credentials();
    credentials.recordFailedLogin("ann@acme.example", kT0);
    credentials.recordFailedLogin("ann@acme.example", kT0 + 5min);
    credentials.recordFailedLogin("ann@acme.example", kT0 + 14min);
    credentials.recordFailedLogin("bob@acme.example", kT0 + 1min);
    BOOST_TEST(credentials.countFailedLogins("ann@acme.example", kT0 - 1h) == 3u);
    BOOST_TEST(credentials.countFailedLogins("ann@acme.example", kT0) == 3u);  // "at or after"
    BOOST_TEST(credentials.countFailedLogins("ann@acme.example", kT0 + 1us) == 2u);
    BOOST_TEST(credentials.countFailedLogins("ann@acme.example", kT0 + 14min) == 1u);
    BOOST_TEST(credentials.countFailedLogins("ann@acme.example", kT0 + 15min) == 0u);
    BOOST_TEST(credentials.countFailedLogins("bob@acme.example", kT0) == 1u);
    BOOST_TEST(credentials.countFailedLogins("eve@acme.example", kT0 - 1h) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
