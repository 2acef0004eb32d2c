#include "sku_index.h"

#include <cstdint>
#include <stdexcept>

namespace crossdock::pricing::detail {

SkuIndex::SkuIndex(std::size_t key_count, bool direct, std::size_t id_limit) {
    if (direct) {
        direct_.assign(id_limit, RowRange{});
        return;
    }
    // At most half full, so that a bucket rarely overflows into the next;
    // at least two buckets so that a miss always finds an empty slot.
    std::size_t bucket_count = 2;
    unsigned bits = 1;
    while (4 * bucket_count < 2 * key_count) {
        bucket_count *= 2;
        ++bits;
    }
    const std::size_t slot_count = kBucketSlots * bucket_count;
    if (slot_count > 0xffff'ffffU)
        throw std::length_error("SkuIndex: too many SKUs in one list");  // View's mask
    storage_.assign(slot_count + 3, Slot{});
    const auto address = reinterpret_cast<std::uintptr_t>(storage_.data());
    first_ = (64 - address % 64) % 64 / sizeof(Slot);
    mask_ = slot_count - 1;
    shift_ = 64U - bits;
}

void SkuIndex::insert(std::uint32_t sku, RowRange range) {
    if (!direct_.empty()) {
        direct_[sku] = range;
        return;
    }
    Slot* base = slots();
    auto i = static_cast<std::size_t>((sku * 0x9E37'79B9'7F4A'7C15ULL) >> shift_) * kBucketSlots;
    while (base[i].sku != kEmpty) i = (i + 1) & mask_;
    base[i] = Slot{sku, range.begin, range.count, 0};
}

}  // namespace crossdock::pricing::detail
