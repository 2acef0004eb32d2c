#include <boost/test/unit_test.hpp>

#include "crossdock/accounts/password.h"
#include "crossdock/accounts/role.h"

using namespace crossdock::accounts;

BOOST_AUTO_TEST_SUITE(password)

BOOST_AUTO_TEST_CASE(hash_verifies_only_the_same_password) {
    std::string hash = hashPassword("correct horse battery", 1000);
    BOOST_TEST(hash.starts_with("pbkdf2-sha256$1000$"));
    BOOST_TEST(verifyPassword("correct horse battery", hash));
    BOOST_TEST(!verifyPassword("correct horse batterY", hash));
    BOOST_TEST(!verifyPassword("", hash));
}

BOOST_AUTO_TEST_CASE(default_iterations_are_at_least_600k) {
    BOOST_TEST(kDefaultPbkdf2Iterations >= 600000);
    std::string hash = hashPassword("slow by design");
    BOOST_TEST(hash.starts_with("pbkdf2-sha256$600000$"));
    BOOST_TEST(verifyPassword("slow by design", hash));
}

BOOST_AUTO_TEST_CASE(same_password_gets_a_fresh_salt) {
    BOOST_TEST(hashPassword("same password", 1000) != hashPassword("same password", 1000));
}

BOOST_AUTO_TEST_CASE(malformed_hashes_never_verify) {
    for (const char* bad :
         {"", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "md5$1000$AAAA$AAAA", "pbkdf2-sha256$1000$$",
          "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$1000$A$AAAA"}) {
        BOOST_TEST(!verifyPassword("anything", bad), bad);
    }
}

BOOST_AUTO_TEST_CASE(random_hex_and_sha256) {
    std::string a = randomHex(32), b = randomHex(32);
    BOOST_TEST(a.size() == 64u);
    BOOST_TEST(a != b);
    BOOST_TEST(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(roles_round_trip) {
    for (Role r :
         {Role::Admin, Role::SalesManager, Role::SalesRep, Role::BuyerAdmin, Role::Buyer, Role::Partner}) {
        BOOST_TEST((parseRole(toString(r)) == r));
    }
    BOOST_TEST(!parseRole("Admin").has_value());
    BOOST_TEST(isStaff(Role::SalesRep));
    BOOST_TEST(!isStaff(Role::BuyerAdmin));
    BOOST_TEST(isBuyer(Role::BuyerAdmin));
}

BOOST_AUTO_TEST_SUITE_END()
