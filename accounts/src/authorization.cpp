#include "crossdock/accounts/authorization.h"

#include <initializer_list>
#include <string>

namespace crossdock::accounts {
namespace {

bool roleIn(Role role, std::initializer_list<Role> roles) {
    for (Role r : roles) {
        if (r == role) return true;
    }
    return false;
}

/// The one table of who may do what. Company scope is applied by queries.
bool allowed(Role role, Action action) {
    using enum Role;
    switch (action) {
        case Action::ReadCompany:
            return role != Partner;
        case Action::ManageCompanies:
            return roleIn(role, {Admin, SalesManager});
        case Action::CreateUser:
            return roleIn(role, {Admin, BuyerAdmin});
        case Action::ManagePartners:
            return role == Admin;
        case Action::ReadCatalog:
            return role != Partner;
        case Action::ManageCatalog:
            return role == Admin;
        case Action::ResolvePrices:
            return role != Partner;
        case Action::ManagePrices:
            return roleIn(role, {Admin, SalesManager});
        case Action::ReadQuotes:
            return role != Partner;
        case Action::WriteQuotes:
            return roleIn(role, {Admin, SalesManager, SalesRep});
        case Action::ApproveQuotes:
            return role == SalesManager;
        case Action::AcceptQuotes:
            return roleIn(role, {BuyerAdmin, Buyer});
        case Action::ReadOrders:
            return role != Partner;
        case Action::WriteOrders:
            return role != Partner;
        case Action::ReadEdiMessages:
            return roleIn(role, {Admin, SalesManager, SalesRep});
        case Action::ReplayEdiMessages:
            return role == Admin;
        case Action::SendEdi:
            return role == Partner;
    }
    return false;
}

}  // namespace

core::Status authorize(const Caller& caller, Action action) {
    if (allowed(caller.role, action)) return {};
    return core::makeError(core::ErrorCode::PermissionDenied,
                           "role '" + std::string(toString(caller.role)) + "' may not do this");
}

}  // namespace crossdock::accounts
