#include <boost/test/unit_test.hpp>

#include "test_database.h"

using namespace crossdock;
using crossdock::accounts::Company;
using crossdock::storage::testing::MigratedStore;

namespace {

std::vector<std::string> ids(const std::vector<Company>& companies) {
    std::vector<std::string> out;
    for (const auto& company : companies) out.push_back(company.id);
    return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(company_repository, MigratedStore)

BOOST_AUTO_TEST_CASE(create_then_find) {
    Company acme{"ACME", "Acme Müller GmbH & Co. 'KG'", "EUR", "active"};
    BOOST_TEST(store->companies().create(acme).ok());
    auto found = store->companies().find("ACME");
    BOOST_REQUIRE(found.has_value());
    BOOST_TEST(found->id == "ACME");
    BOOST_TEST(found->name == acme.name);
    BOOST_TEST(found->currency == "EUR");
    BOOST_TEST(found->status == "active");
    BOOST_TEST(!store->companies().find("acme").has_value());  // ids are case-sensitive
    BOOST_TEST(!store->companies().find("NOPE").has_value());
}

BOOST_AUTO_TEST_CASE(duplicate_id_is_a_conflict_and_changes_nothing) {
    BOOST_TEST(store->companies().create({"ACME", "Acme", "USD", "active"}).ok());
    auto again = store->companies().create({"ACME", "Other", "JPY", "suspended"});
    BOOST_REQUIRE(!again.ok());
    BOOST_TEST((again.error().code == core::ErrorCode::Conflict));
    BOOST_TEST(store->companies().find("ACME")->name == "Acme");
}

BOOST_AUTO_TEST_CASE(update_replaces_fields_or_reports_not_found) {
    BOOST_TEST(store->companies().create({"ACME", "Acme", "USD", "active"}).ok());
    BOOST_TEST(store->companies().update({"ACME", "Acme Corp", "CAD", "suspended"}).ok());
    auto found = store->companies().find("ACME");
    BOOST_TEST(found->name == "Acme Corp");
    BOOST_TEST(found->currency == "CAD");
    BOOST_TEST(found->status == "suspended");

    auto missing = store->companies().update({"NOPE", "x", "USD", "active"});
    BOOST_REQUIRE(!missing.ok());
    BOOST_TEST((missing.error().code == core::ErrorCode::NotFound));
    BOOST_TEST(!store->companies().find("NOPE").has_value());
}

// Byte order on both backends (PostgreSQL's ids are COLLATE "C"): upper case before lower case.
BOOST_AUTO_TEST_CASE(list_pages_by_id_in_byte_order) {
    for (const char* id : {"b-lower", "C", "A", "Z", "B", "a-lower"}) {
        BOOST_TEST(store->companies().create({id, id, "USD", "active"}).ok());
    }
    auto& companies = store->companies();
    BOOST_TEST(ids(companies.list("", 2)) == (std::vector<std::string>{"A", "B"}));
    BOOST_TEST(ids(companies.list("B", 3)) == (std::vector<std::string>{"C", "Z", "a-lower"}));
    BOOST_TEST(ids(companies.list("a-lower", 10)) == (std::vector<std::string>{"b-lower"}));
    BOOST_TEST(companies.list("b-lower", 10).empty());
    BOOST_TEST(companies.list("", 0).empty());
    BOOST_TEST(companies.list("", static_cast<std::size_t>(-1)).size() == 6u);
}

BOOST_AUTO_TEST_SUITE_END()
