#pragma once

// Maps a SKU id to its run of rows in one list, built once and then only read:
// a direct array indexed by SKU id for a list that prices a large share of the
// ids (BASE), else open addressing with Fibonacci hashing over a flat slot array.

#include <cstdint>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "huge_pages.h"

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
        std::uint32_t unused = 0;
    };
    /// Slots come in buckets of four, one cache line: a search starts at the first
    /// slot of its key's bucket, so that the usual search (hit or miss) reads one line.
    static constexpr std::size_t kBucketSlots = 4;
    static_assert(sizeof(Slot) * kBucketSlots == 64);

    /// The slots seen through plain pointers, kept by value where the hot path
    /// reads it (ListData): one dependent load fewer than through the vector.
    /// 16 bytes, so that a list's hot fields and its id share one cache line.
    class View {
    public:
        View() = default;
        View(const Slot* slots, std::size_t mask, unsigned shift)
            : base_(slots),
              mask_(static_cast<std::uint32_t>(mask)),
              shift_(static_cast<std::uint8_t>(shift)) {}
        View(const RowRange* direct, std::size_t size)
            : base_(direct), mask_(static_cast<std::uint32_t>(size)), direct_(true) {}
        /// The rows of `sku`, or an empty range.
        RowRange find(std::uint32_t sku) const {
            if (direct_) return sku < mask_ ? static_cast<const RowRange*>(base_)[sku] : RowRange{};
            // A bucket at a time, in the order insert() probes: the search ends at the
            // first slot that holds the key or is empty, found with one comparison per
            // slot and no branch per slot. A branch per slot was mispredicted often:
            // whether a customer's contract list has the SKU is a coin toss.
            const Slot* slots = static_cast<const Slot*>(base_);
            for (std::size_t i = slotOf(sku);; i = (i + kBucketSlots) & mask_) {
                const Slot* bucket = slots + i;
                const auto [hit, empty] = compareBucket(bucket, sku);
                if ((hit | empty) == 0) continue;  // a full bucket without the key
                const unsigned first = static_cast<unsigned>(__builtin_ctz(hit | empty));
                const bool found = ((hit >> first) & 1U) != 0;
                const Slot& slot = bucket[first];
                return {found ? slot.begin : 0U, found ? slot.count : 0U};
            }
        }
        /// Where the search for `sku` starts, for a prefetch.
        const void* home(std::uint32_t sku) const {
            if (direct_) return static_cast<const RowRange*>(base_) + (sku < mask_ ? sku : 0);
            return static_cast<const Slot*>(base_) + slotOf(sku);
        }

    private:
        struct BucketMasks {
            unsigned hit;    // bit k: slot k holds the key
            unsigned empty;  // bit k: slot k is empty
        };
        static BucketMasks compareBucket(const Slot* bucket, std::uint32_t sku) {
#if defined(__SSE2__)
            // The four slots' keys (their first words) gathered into one vector and
            // compared with the key and with kEmpty at once.
            const auto load = [bucket](unsigned k) {
                return _mm_load_si128(reinterpret_cast<const __m128i*>(bucket + k));
            };
            const __m128i keys = _mm_unpacklo_epi64(_mm_unpacklo_epi32(load(0), load(1)),
                                                    _mm_unpacklo_epi32(load(2), load(3)));
            const auto mask = [](__m128i equal) {
                return static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(equal)));
            };
            return {mask(_mm_cmpeq_epi32(keys, _mm_set1_epi32(static_cast<int>(sku)))),
                    mask(_mm_cmpeq_epi32(keys, _mm_set1_epi32(static_cast<int>(kEmpty))))};
#else
            BucketMasks masks{0, 0};
            for (unsigned k = 0; k < kBucketSlots; ++k) {
                masks.hit |= static_cast<unsigned>(bucket[k].sku == sku) << k;
                masks.empty |= static_cast<unsigned>(bucket[k].sku == kEmpty) << k;
            }
            return masks;
#endif
        }
        std::size_t slotOf(std::uint32_t sku) const {
            return static_cast<std::size_t>((sku * 0x9E37'79B9'7F4A'7C15ULL) >> shift_) * kBucketSlots;
        }
        const void* base_ = nullptr;  // Slot[] or, when direct_, RowRange[]
        std::uint32_t mask_ = 0;      // direct: the array's size
        std::uint8_t shift_ = 0;
        bool direct_ = false;
    };
    static_assert(sizeof(View) == 16);

    /// An index with room for `key_count` keys; direct over ids 0..id_limit-1
    /// when `direct` (8 bytes per id instead of 24 per key).
    explicit SkuIndex(std::size_t key_count, bool direct = false, std::size_t id_limit = 0);

    /// Adds a key that is not in the index yet (below id_limit when direct).
    void insert(std::uint32_t sku, RowRange range);
    RowRange find(std::uint32_t sku) const { return view().find(sku); }
    View view() const {
        return direct_.empty() ? View(slots(), mask_, shift_) : View(direct_.data(), direct_.size());
    }
    std::size_t memoryBytes() const {
        return storage_.capacity() * sizeof(Slot) + direct_.capacity() * sizeof(RowRange);
    }

private:
    static constexpr std::uint32_t kEmpty = 0xffff'ffffU;

    // The slots start at the first 64-byte boundary inside storage_ (a few spare
    // slots at the front), so that each bucket is one cache line.
    const Slot* slots() const { return storage_.data() + first_; }
    Slot* slots() { return storage_.data() + first_; }
    LargeVector<Slot> storage_;
    std::size_t first_ = 0;
    LargeVector<RowRange> direct_;
    std::size_t mask_ = 0;
    unsigned shift_ = 0;
};

}  // namespace crossdock::pricing::detail
