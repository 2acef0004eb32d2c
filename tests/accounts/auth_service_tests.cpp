#include <boost/test/unit_test.hpp>

#include "crossdock/accounts/auth_service.h"
#include "crossdock/accounts/password.h"
#include "in_memory_repositories.h"

using namespace crossdock::accounts;
using crossdock::core::ErrorCode;
using crossdock::core::ManualClock;
using namespace std::chrono_literals;

namespace {

struct AuthFixture {
    testing::InMemoryUsers users;
    testing::InMemoryCredentials credentials;
    ManualClock clock{TimePoint{} + 1000h};
    AuthService auth{users, credentials, clock, AuthOptions{3600s, 10, 900s}};
    std::int64_t buyer_id = 0;

    AuthFixture() {
        User u;
        u.email = "buyer@acme.test";
        u.role = Role::Buyer;
        u.company_id = "ACME";
        u.password_hash = hashPassword("right password", 1000);
        buyer_id = users.create(u).value();
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(auth_service, AuthFixture)

BOOST_AUTO_TEST_CASE(login_issues_a_token_that_authenticates) {
    auto token = auth.login("  Buyer@ACME.test ", "right password");
    BOOST_REQUIRE(token.ok());
    BOOST_TEST(token->token.starts_with("cdt_"));
    BOOST_TEST(token->token.size() == 4u + 64u);
    BOOST_TEST((token->expires_at == clock.now() + 3600s));
    auto caller = auth.authenticate(token->token);
    BOOST_REQUIRE(caller.ok());
    BOOST_TEST((caller->role == Role::Buyer));
    BOOST_TEST(caller->user_id == buyer_id);
    BOOST_TEST(*caller->company_id == "ACME");
    BOOST_TEST(caller->canSee("ACME"));
    BOOST_TEST(!caller->canSee("GLOBEX"));
}

BOOST_AUTO_TEST_CASE(only_the_hash_of_a_token_is_stored) {
    auto token = auth.login("buyer@acme.test", "right password");
    BOOST_REQUIRE(token.ok());
    BOOST_TEST(!credentials.findToken(token->token).has_value());
    BOOST_TEST(credentials.findToken(sha256Hex(token->token)).has_value());
}

BOOST_AUTO_TEST_CASE(wrong_password_and_unknown_email_answer_alike) {
    auto wrong = auth.login("buyer@acme.test", "wrong password");
    auto unknown = auth.login("nobody@acme.test", "right password");
    BOOST_REQUIRE(!wrong.ok());
    BOOST_REQUIRE(!unknown.ok());
    BOOST_TEST((wrong.error().code == ErrorCode::Unauthenticated));
    BOOST_TEST((unknown.error().code == ErrorCode::Unauthenticated));
    BOOST_TEST(wrong.error().message == unknown.error().message);
}

BOOST_AUTO_TEST_CASE(ten_failures_throttle_even_the_right_password_until_the_window_passes) {
    for (int i = 0; i < 10; ++i) {
        auto r = auth.login("buyer@acme.test", "wrong");
        BOOST_TEST((r.error().code == ErrorCode::Unauthenticated));
        clock.advance(10s);
    }
    auto throttled = auth.login("buyer@acme.test", "right password");
    BOOST_REQUIRE(!throttled.ok());
    BOOST_TEST((throttled.error().code == ErrorCode::RateLimited));
    // The first failure leaves the 15-minute window after 15 min from it.
    clock.advance(900s - 100s + 1s);
    BOOST_TEST(auth.login("buyer@acme.test", "right password").ok());
}

BOOST_AUTO_TEST_CASE(nine_failures_do_not_throttle) {
    for (int i = 0; i < 9; ++i) BOOST_TEST(!auth.login("buyer@acme.test", "wrong").ok());
    BOOST_TEST(auth.login("buyer@acme.test", "right password").ok());
}

BOOST_AUTO_TEST_CASE(expired_token_is_refused) {
    auto token = auth.login("buyer@acme.test", "right password");
    BOOST_REQUIRE(token.ok());
    clock.advance(3599s);
    BOOST_TEST(auth.authenticate(token->token).ok());
    clock.advance(1s);
    auto expired = auth.authenticate(token->token);
    BOOST_REQUIRE(!expired.ok());
    BOOST_TEST((expired.error().code == ErrorCode::Unauthenticated));
    BOOST_TEST(expired.error().message == "token expired");
}

BOOST_AUTO_TEST_CASE(inactive_user_cannot_sign_in_or_use_a_token) {
    auto token = auth.login("buyer@acme.test", "right password");
    BOOST_REQUIRE(token.ok());
    users.setActive(buyer_id, false);
    BOOST_TEST(!auth.authenticate(token->token).ok());
    BOOST_TEST(!auth.login("buyer@acme.test", "right password").ok());
}

BOOST_AUTO_TEST_CASE(a_checked_token_is_trusted_for_the_cache_ttl_then_checked_again) {
    auto token = auth.login("buyer@acme.test", "right password");
    BOOST_REQUIRE(token.ok());
    BOOST_TEST(auth.authenticate(token->token).ok());  // read from the repositories, remembered for 1 s
    users.setActive(buyer_id, false);
    BOOST_TEST(auth.authenticate(token->token).ok());  // within the TTL: from memory
    clock.advance(1s);
    BOOST_TEST(!auth.authenticate(token->token).ok());  // the TTL is over: the deactivation counts
}

BOOST_AUTO_TEST_CASE(api_keys_authenticate_as_partner_and_are_replaced) {
    std::string first = auth.issueApiKey("ACME-EDI", std::string("ACME"));
    BOOST_TEST(first.starts_with("cdk_"));
    auto caller = auth.authenticate(first);
    BOOST_REQUIRE(caller.ok());
    BOOST_TEST((caller->role == Role::Partner));
    BOOST_TEST(caller->partner_id == "ACME-EDI");
    BOOST_TEST(*caller->company_id == "ACME");
    std::string second = auth.issueApiKey("ACME-EDI", std::string("ACME"));
    BOOST_TEST(!auth.authenticate(first).ok());
    BOOST_TEST(auth.authenticate(second).ok());
    BOOST_TEST(!auth.authenticate("cdk_0000").ok());
    BOOST_TEST(!auth.authenticate("").ok());
}

BOOST_AUTO_TEST_CASE(emails_are_normalized_and_validated) {
    BOOST_TEST(normalizeEmail(" A@B.C ").value() == "a@b.c");
    for (const char* bad : {"", "@b", "a@", "a@b@c", "a b@c", "plain"}) {
        BOOST_TEST(!normalizeEmail(bad).ok(), bad);
    }
}

BOOST_AUTO_TEST_SUITE_END()
