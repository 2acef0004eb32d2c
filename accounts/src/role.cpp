#include "crossdock/accounts/role.h"

#include <array>
#include <utility>

namespace crossdock::accounts {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoleNames{{
    {Role::Admin, "admin"},
    {Role::SalesManager, "sales_manager"},
    {Role::SalesRep, "sales_rep"},
    {Role::BuyerAdmin, "buyer_admin"},
    {Role::Buyer, "buyer"},
    {Role::Partner, "partner"},
}};

}  // namespace

std::string_view toString(Role role) {
    for (const auto& [r, name] : kRoleNames) {
        if (r == role) return name;
    }
    return "buyer";
}

std::optional<Role> parseRole(std::string_view text) {
    for (const auto& [r, name] : kRoleNames) {
        if (name == text) return r;
    }
    return std::nullopt;
}

bool isStaff(Role role) {
    return role == Role::Admin || role == Role::SalesManager || role == Role::SalesRep;
}

bool isBuyer(Role role) { return role == Role::BuyerAdmin || role == Role::Buyer; }

}  // namespace crossdock::accounts
