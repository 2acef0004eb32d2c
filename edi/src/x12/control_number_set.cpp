#include "x12/control_number_set.h"

#include <algorithm>

namespace crossdock::edi::x12::detail {

bool ControlNumberSet::insert(std::string_view value) {
    if (value.empty() || value.size() > 15) return texts_.emplace(value).second;
    std::uint64_t number = 0;
    for (const char c : value) {
        if (c < '0' || c > '9') return texts_.emplace(value).second;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    const std::uint64_t key = (static_cast<std::uint64_t>(value.size()) << 50) | number;  // the width counts
    if (!ranges_.empty() && key == ranges_.back().second + 1) {  // the usual case: the next number
        ranges_.back().second = key;
        return true;
    }
    // The first range whose start is after `key`; the one before it may hold `key`.
    auto next = std::upper_bound(ranges_.begin(), ranges_.end(), key,
                                 [](std::uint64_t k, const auto& range) { return k < range.first; });
    if (next != ranges_.begin()) {
        auto previous = std::prev(next);
        if (key <= previous->second) return false;
        if (key == previous->second + 1) {
            previous->second = key;
            if (next != ranges_.end() && next->first == key + 1) {
                previous->second = next->second;
                ranges_.erase(next);
            }
            return true;
        }
    }
    if (next != ranges_.end() && next->first == key + 1) {
        next->first = key;
        return true;
    }
    ranges_.insert(next, {key, key});
    return true;
}

}  // namespace crossdock::edi::x12::detail
