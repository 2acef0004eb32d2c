#pragma once

// The set of SKUs one import has seen, with the line of each: the only state of
// the catalog importer that grows with the file. Private to the module.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crossdock::catalog::detail {

/// Open addressing over a byte arena: about 30 bytes per SKU of 10 characters,
/// against some 90 for an unordered_map of std::string, and no allocation per SKU.
/// Not thread-safe.
class SkuSet {
public:
    /// Records `sku` first seen on `line` and returns nullopt, or returns the line
    /// where it was first seen (nothing changes then).
    std::optional<std::uint32_t> insert(std::string_view sku, std::uint32_t line);

    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint64_t hash;
        std::uint64_t offset;  // into arena_
        std::uint32_t length;
        std::uint32_t line;
    };
    static constexpr std::uint32_t kEmpty = 0xffff'ffffU;

    void grow();
    std::string_view text(const Entry& entry) const;

    std::string arena_;
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> slots_;  // entry index or kEmpty; size a power of two
};

}  // namespace crossdock::catalog::detail
