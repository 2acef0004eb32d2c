#include "sku_index.h"

namespace crossdock::pricing::detail {

SkuIndex::SkuIndex(std::size_t key_count) {
    // At most half full; at least 8 slots so that a miss always finds an empty one.
    std::size_t slot_count = 8;
    unsigned bits = 3;
    while (slot_count < 2 * key_count) {
        slot_count *= 2;
        ++bits;
    }
    slots_.assign(slot_count, Slot{});
    mask_ = slot_count - 1;
    shift_ = 64U - bits;
}

void SkuIndex::insert(std::uint32_t sku, RowRange range) {
    auto i = static_cast<std::size_t>((sku * 0x9E37'79B9'7F4A'7C15ULL) >> shift_);
    while (slots_[i].sku != kEmpty) i = (i + 1) & mask_;
    slots_[i] = Slot{sku, range.begin, range.count};
}

}  // namespace crossdock::pricing::detail
