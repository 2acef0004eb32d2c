#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Customers' own codes for items, both ways: (customer, part number) → SKU for
/// orders and search, (customer, SKU) → part numbers for display beside the SKU.
/// A part number names one SKU per customer; a SKU may have several part numbers
/// for one customer. Matching is exact (case-sensitive). Const methods are
/// thread-safe; writers need exclusive access.
class CustomerPartNumbers {
public:
    /// Maps `part_number` of `customer_id` to `sku`. Adding the same triple again is
    /// a no-op. InvalidArgument when any argument is empty or holds a control
    /// character; Conflict when the part number already names another SKU for
    /// this customer (nothing changes).
    core::Status add(const std::string& customer_id, const std::string& part_number, const std::string& sku);

    /// Removes the mapping of `part_number` for `customer_id`; false when there was none.
    bool remove(std::string_view customer_id, std::string_view part_number);

    /// The SKU that `customer_id` calls `part_number`, or nullopt.
    std::optional<std::string> skuFor(std::string_view customer_id, std::string_view part_number) const;

    /// The part numbers `customer_id` uses for `sku`, in the order they were added
    /// (usually zero or one).
    std::vector<std::string> partNumbersFor(std::string_view customer_id, std::string_view sku) const;

    /// Number of (customer, part number) mappings.
    std::size_t size() const { return to_sku_.size(); }

private:
    std::unordered_map<std::string, std::string> to_sku_;                        // customer \x1f part → sku
    std::unordered_map<std::string, std::vector<std::string>> to_part_numbers_;  // customer \x1f sku → parts
};

}  // namespace crossdock::catalog
