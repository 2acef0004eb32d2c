#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crossdock/core/decimal.h"

namespace crossdock::accounts {

/// A customer account: the tenant that buyers belong to and that owns quotes,
/// orders and prices. `id` is chosen by the operator ("ACME"), stable forever.
struct Company {
    std::string id;
    std::string name;
    std::string currency = "USD";   ///< ISO 4217 code the customer is priced and invoiced in
    std::string status = "active";  ///< "active" or "suspended"
    /// Credit limit in `currency` (orders beyond it are held); nullopt: no limit.
    std::optional<core::Decimal> credit_limit = std::nullopt;
    /// The assigned sales rep (a user with role sales_rep or sales_manager); 0: none.
    std::int64_t rep_id = 0;
    bool tax_exempt = false;  ///< invoices carry a 0 % rate on every line
};

}  // namespace crossdock::accounts
