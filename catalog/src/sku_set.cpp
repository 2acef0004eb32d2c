#include "sku_set.h"

#include <functional>
#include <stdexcept>

namespace crossdock::catalog::detail {

std::string_view SkuSet::text(const Entry& entry) const {
    return std::string_view(arena_).substr(static_cast<std::size_t>(entry.offset), entry.length);
}

std::optional<std::uint32_t> SkuSet::insert(std::string_view sku, std::uint32_t line) {
    // Keep the load factor at or below one half: probes stay short.
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint64_t hash = std::hash<std::string_view>{}(sku);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t index = slots_[slot];
        if (index == kEmpty) {
            if (entries_.size() >= kEmpty) throw std::length_error("too many SKUs in one import");
            slots_[slot] = static_cast<std::uint32_t>(entries_.size());
            entries_.push_back(Entry{hash, arena_.size(), static_cast<std::uint32_t>(sku.size()), line});
            arena_.append(sku);
            return std::nullopt;
        }
        const Entry& entry = entries_[index];
        if (entry.hash == hash && text(entry) == sku) return entry.line;
    }
}

void SkuSet::grow() {
    const std::size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
    slots_.assign(capacity, kEmpty);
    const std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        std::size_t slot = static_cast<std::size_t>(entries_[i].hash) & mask;
        while (slots_[slot] != kEmpty) slot = (slot + 1) & mask;
        slots_[slot] = static_cast<std::uint32_t>(i);
    }
}

}  // namespace crossdock::catalog::detail
