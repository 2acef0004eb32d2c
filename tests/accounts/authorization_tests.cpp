#include <boost/test/unit_test.hpp>

#include "crossdock/accounts/authorization.h"

using namespace crossdock::accounts;

namespace {
Caller as(Role role, std::optional<std::string> company = std::nullopt) {
    Caller c;
    c.role = role;
    c.company_id = std::move(company);
    return c;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(authorization)

BOOST_AUTO_TEST_CASE(only_managers_approve_quotes) {
    BOOST_TEST(authorize(as(Role::SalesManager), Action::ApproveQuotes).ok());
    for (Role r : {Role::Admin, Role::SalesRep, Role::BuyerAdmin, Role::Buyer, Role::Partner}) {
        auto s = authorize(as(r), Action::ApproveQuotes);
        BOOST_TEST(!s.ok());
        BOOST_TEST((s.error().code == crossdock::core::ErrorCode::PermissionDenied));
    }
}

BOOST_AUTO_TEST_CASE(buyers_cannot_manage_companies_but_admins_can) {
    BOOST_TEST(!authorize(as(Role::Buyer, "ACME"), Action::ManageCompanies).ok());
    BOOST_TEST(!authorize(as(Role::BuyerAdmin, "ACME"), Action::ManageCompanies).ok());
    BOOST_TEST(authorize(as(Role::Admin), Action::ManageCompanies).ok());
}

BOOST_AUTO_TEST_CASE(partners_only_send_edi) {
    BOOST_TEST(authorize(as(Role::Partner, "ACME"), Action::SendEdi).ok());
    BOOST_TEST(!authorize(as(Role::Partner, "ACME"), Action::ReadOrders).ok());
    BOOST_TEST(!authorize(as(Role::Admin), Action::SendEdi).ok());
}

BOOST_AUTO_TEST_CASE(scope_confines_buyers_not_staff) {
    BOOST_TEST(!as(Role::Admin).scope().has_value());
    BOOST_TEST(*as(Role::Buyer, "ACME").scope() == "ACME");
    BOOST_TEST(as(Role::Buyer).scope()->empty());  // a buyer without a company sees nothing
    BOOST_TEST(!as(Role::Buyer).canSee("ACME"));
    BOOST_TEST(as(Role::SalesRep).canSee("ACME"));
}

BOOST_AUTO_TEST_SUITE_END()
