#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace crossdock::edi::x12::detail {

/// The control numbers seen in one envelope, to find a repeated one (AK5 23, AK9 19).
///
/// Values compare as written ("0001" and "1" differ). Numeric values of up to 15
/// digits are kept as ranges of consecutive keys, so the usual ascending sequence
/// 0001, 0002, ... costs one range however long the group is; anything else falls
/// back to a hash set of strings.
class ControlNumberSet {
public:
    void clear() {
        ranges_.clear();
        texts_.clear();
    }

    /// Records `value`; false when it was recorded before.
    bool insert(std::string_view value);

private:
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges_;  // sorted, disjoint [first, last]
    std::unordered_set<std::string> texts_;
};

}  // namespace crossdock::edi::x12::detail
