#include <boost/test/unit_test.hpp>

#include "test_database.h"

using namespace crossdock;
using crossdock::accounts::Role;
using crossdock::accounts::User;
using crossdock::storage::testing::MigratedStore;

namespace {

User buyer(const std::string& email, const std::string& company_id) {
    User user;
    user.email = email;
    user.role = Role::Buyer;
    user.company_id = company_id;
    user.password_hash = "pbkdf2-sha256$1000$c2FsdA$aGFzaA";
    return user;
}

struct UserFixture : MigratedStore {
    UserFixture() { BOOST_REQUIRE(store->companies().create({"ACME", "Acme", "USD", "active"}).ok()); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(user_repository, UserFixture)

BOOST_AUTO_TEST_CASE(create_then_find_by_id_and_email) {
    auto id = store->users().create(buyer("ann@acme.example", "ACME"));
    BOOST_REQUIRE(id.ok());
    BOOST_TEST(*id > 0);
    for (auto found : {store->users().findById(*id), store->users().findByEmail("ann@acme.example")}) {
        BOOST_REQUIRE(found.has_value());
        BOOST_TEST(found->id == *id);
        BOOST_TEST(found->email == "ann@acme.example");
        BOOST_TEST((found->role == Role::Buyer));
        BOOST_TEST(found->company_id.value_or("") == "ACME");
        BOOST_TEST(found->password_hash == "pbkdf2-sha256$1000$c2FsdA$aGFzaA");
        BOOST_TEST(found->active);
    }
    BOOST_TEST(!store->users().findById(*id + 1000).has_value());
    BOOST_TEST(!store->users().findByEmail("nobody@acme.example").has_value());
}

BOOST_AUTO_TEST_CASE(staff_have_no_company_and_every_role_round_trips) {
    std::int64_t previous = 0;
    for (Role role : {Role::Admin, Role::SalesManager, Role::SalesRep, Role::BuyerAdmin, Role::Buyer}) {
        User user = buyer(std::string(accounts::toString(role)) + "@example.com", "ACME");
        user.role = role;
        if (accounts::isStaff(role)) user.company_id.reset();
        auto id = store->users().create(user);
        BOOST_REQUIRE(id.ok());
        BOOST_TEST(*id > previous);
        previous = *id;
        auto found = store->users().findById(*id);
        BOOST_REQUIRE(found.has_value());
        BOOST_TEST((found->role == role));
        BOOST_TEST(found->company_id.has_value() == !accounts::isStaff(role));
    }
}

BOOST_AUTO_TEST_CASE(inactive_flag_round_trips) {
    User user = buyer("off@acme.example", "ACME");
    user.active = false;
    auto id = store->users().create(user);
    BOOST_REQUIRE(id.ok());
    BOOST_TEST(!store->users().findById(*id)->active);
}

BOOST_AUTO_TEST_CASE(duplicate_email_is_a_conflict) {
    BOOST_REQUIRE(store->users().create(buyer("ann@acme.example", "ACME")).ok());
    User again = buyer("ann@acme.example", "ACME");
    again.password_hash = "other";
    auto result = store->users().create(again);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST((result.error().code == core::ErrorCode::Conflict));
    BOOST_TEST(store->users().findByEmail("ann@acme.example")->password_hash != "other");
}

BOOST_AUTO_TEST_CASE(unknown_company_is_not_found) {
    auto result = store->users().create(buyer("ann@nowhere.example", "NOWHERE"));
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST((result.error().code == core::ErrorCode::NotFound));
    BOOST_TEST(!store->users().findByEmail("ann@nowhere.example").has_value());
}

BOOST_AUTO_TEST_CASE(quotes_in_values_are_data_not_sql) {
    std::string email = "o'brien'); DROP TABLE users; --@acme.example";
    auto id = store->users().create(buyer(email, "ACME"));
    BOOST_REQUIRE(id.ok());
    BOOST_TEST(store->users().findByEmail(email)->id == *id);
}

BOOST_AUTO_TEST_CASE(set_password_hash_replaces_it_or_reports_not_found) {
    auto id = store->users().create(buyer("ann@acme.example", "ACME"));
    BOOST_REQUIRE(id.ok());
    BOOST_TEST(store->users().setPasswordHash(*id, "new-hash").ok());
    BOOST_TEST(store->users().findById(*id)->password_hash == "new-hash");

    auto missing = store->users().setPasswordHash(*id + 1000, "x");
    BOOST_REQUIRE(!missing.ok());
    BOOST_TEST((missing.error().code == core::ErrorCode::NotFound));
}

BOOST_AUTO_TEST_SUITE_END()
