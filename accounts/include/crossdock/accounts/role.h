#pragma once

#include <optional>
#include <string_view>

namespace crossdock::accounts {

/// Who a caller is. Users have one of the first five; API keys of trading
/// partners act as `Partner`.
enum class Role { Admin, SalesManager, SalesRep, BuyerAdmin, Buyer, Partner };

/// "admin", "sales_manager", "sales_rep", "buyer_admin", "buyer", "partner".
std::string_view toString(Role role);

/// The role named `text` (as toString writes it), or nullopt.
std::optional<Role> parseRole(std::string_view text);

/// Staff work for the seller (admin, sales_manager, sales_rep) and may act for any customer.
bool isStaff(Role role);

/// Buyers (buyer_admin, buyer) belong to one customer company and see only its objects.
bool isBuyer(Role role);

}  // namespace crossdock::accounts
