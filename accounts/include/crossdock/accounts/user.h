#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crossdock/accounts/role.h"

namespace crossdock::accounts {

/// A person who signs in. Buyers carry the company they belong to; staff do not.
struct User {
    std::int64_t id = 0;  ///< assigned by the repository on create
    std::string email;    ///< unique, stored lower-case
    Role role = Role::Buyer;
    std::optional<std::string> company_id;  ///< set for buyer and buyer_admin only
    std::string password_hash;              ///< as written by hashPassword(); never the password
    bool active = true;
};

}  // namespace crossdock::accounts
