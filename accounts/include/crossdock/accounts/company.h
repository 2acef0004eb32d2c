#pragma once

#include <string>

namespace crossdock::accounts {

/// A customer account: the tenant that buyers belong to and that owns quotes,
/// orders and prices. `id` is chosen by the operator ("ACME"), stable forever.
struct Company {
    std::string id;
    std::string name;
    std::string currency = "USD";   ///< ISO 4217 code the customer is priced and invoiced in
    std::string status = "active";  ///< "active" or "suspended"
};

}  // namespace crossdock::accounts
