#pragma once

// Maps a SKU id to its run of rows in one list: open addressing with Fibonacci
// hashing over a flat slot array, built once and then only read.

#include <cstdint>
#include <vector>

namespace crossdock::pricing::detail {

struct RowRange {
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
};

class SkuIndex {
public:
    struct Slot {
        std::uint32_t sku = 0xffff'ffffU;  // kEmpty
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };

    /// The slots seen through plain pointers, kept by value where the hot path
    /// reads it (ListData): one dependent load fewer than through the vector.
    class View {
    public:
        View() = default;
        View(const Slot* slots, std::size_t mask, unsigned shift)
            : slots_(slots), mask_(mask), shift_(shift) {}
        /// The rows of `sku`, or an empty range.
        RowRange find(std::uint32_t sku) const {
            for (std::size_t i = slotOf(sku);; i = (i + 1) & mask_) {
                const Slot& slot = slots_[i];
                if (slot.sku == sku) return {slot.begin, slot.count};
                if (slot.sku == kEmpty) return {};
            }
        }
        /// Where the search for `sku` starts, for a prefetch.
        const void* home(std::uint32_t sku) const { return slots_ + slotOf(sku); }

    private:
        std::size_t slotOf(std::uint32_t sku) const {
            return static_cast<std::size_t>((sku * 0x9E37'79B9'7F4A'7C15ULL) >> shift_);
        }
        const Slot* slots_ = nullptr;
        std::size_t mask_ = 0;
        unsigned shift_ = 0;
    };

    /// An index with room for `key_count` keys.
    explicit SkuIndex(std::size_t key_count);

    /// Adds a key that is not in the index yet.
    void insert(std::uint32_t sku, RowRange range);
    RowRange find(std::uint32_t sku) const { return view().find(sku); }
    View view() const { return View(slots_.data(), mask_, shift_); }
    std::size_t memoryBytes() const { return slots_.capacity() * sizeof(Slot); }

private:
    static constexpr std::uint32_t kEmpty = 0xffff'ffffU;

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    unsigned shift_ = 0;
};

}  // namespace crossdock::pricing::detail
