#include "crossdock/catalog/customer_part_numbers.h"

#include <algorithm>

namespace crossdock::catalog {

namespace {

// The ASCII unit separator cannot occur in a valid argument (control characters
// are rejected), so the joined key is unambiguous.
std::string key(std::string_view customer_id, std::string_view code) {
    std::string out;
    out.reserve(customer_id.size() + 1 + code.size());
    out.append(customer_id).push_back('\x1f');
    out.append(code);
    return out;
}

bool usable(std::string_view text) {
    return !text.empty() && std::none_of(text.begin(), text.end(),
                                         [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

}  // namespace

core::Status CustomerPartNumbers::add(const std::string& customer_id, const std::string& part_number,
                                      const std::string& sku) {
    using core::ErrorCode;
    if (!usable(customer_id) || !usable(part_number) || !usable(sku)) {
        return core::makeError(
            ErrorCode::InvalidArgument,
            "customer id, part number and SKU must be non-empty, without control characters");
    }
    auto forward = key(customer_id, part_number);
    if (auto it = to_sku_.find(forward); it != to_sku_.end()) {
        if (it->second == sku) return {};
        return core::makeError(ErrorCode::Conflict, "customer '" + customer_id + "' part number '" +
                                                        part_number + "' already names SKU '" + it->second +
                                                        "'");
    }
    to_sku_.emplace(std::move(forward), sku);
    to_part_numbers_[key(customer_id, sku)].push_back(part_number);
    return {};
}

bool CustomerPartNumbers::remove(std::string_view customer_id, std::string_view part_number) {
    auto it = to_sku_.find(key(customer_id, part_number));
    if (it == to_sku_.end()) return false;
    auto reverse = to_part_numbers_.find(key(customer_id, it->second));
    auto& parts = reverse->second;
    parts.erase(std::find(parts.begin(), parts.end(), part_number));
    if (parts.empty()) to_part_numbers_.erase(reverse);
    to_sku_.erase(it);
    return true;
}

std::optional<std::string> CustomerPartNumbers::skuFor(std::string_view customer_id,
                                                       std::string_view part_number) const {
    auto it = to_sku_.find(key(customer_id, part_number));
    if (it == to_sku_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> CustomerPartNumbers::partNumbersFor(std::string_view customer_id,
                                                             std::string_view sku) const {
    auto it = to_part_numbers_.find(key(customer_id, sku));
    return it == to_part_numbers_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace crossdock::catalog
