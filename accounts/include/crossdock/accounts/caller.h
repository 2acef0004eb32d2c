#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crossdock/accounts/role.h"

namespace crossdock::accounts {

/// Who is making a request, once authenticated. Every tenant-owned query takes
/// the caller's scope() so that another company's objects are simply not found.
struct Caller {
    Role role = Role::Buyer;
    std::int64_t user_id = 0;               ///< 0 for partner API keys
    std::string email;                      ///< empty for partner API keys
    std::optional<std::string> company_id;  ///< buyers: their company; partners: the partner's customer
    std::string partner_id;                 ///< set for Role::Partner only

    bool isStaff() const { return accounts::isStaff(role); }

    /// The company this caller is confined to, or nullopt when it may see every
    /// company (staff).
    std::optional<std::string> scope() const {
        if (isStaff()) return std::nullopt;
        return company_id.value_or(std::string{});  // a buyer with no company sees nothing
    }

    /// True when this caller may see objects owned by `owner_company_id`.
    bool canSee(const std::string& owner_company_id) const {
        auto s = scope();
        return !s || *s == owner_company_id;
    }
};

}  // namespace crossdock::accounts
