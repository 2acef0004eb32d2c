#pragma once

// Interned strings with dense ids: SKUs, units, list ids and customer ids inside
// a snapshot. Open addressing over one flat slot array and one character arena,
// so a lookup costs about two cache misses and a copy is a few memcpys.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "huge_pages.h"

namespace crossdock::pricing::detail {

class StringTable {
public:
    static constexpr std::uint32_t kNone = 0xffff'ffffU;

    /// The id of `text`, or kNone.
    std::uint32_t find(std::string_view text) const { return find(text, hashOf(text)); }
    /// As find(), with hashOf(text) computed by the caller.
    std::uint32_t find(std::string_view text, std::uint64_t hash) const;
    /// Starts loading the slot where a search for `hash` begins (a cache hint only).
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
    }
    /// A fast 64-bit hash of short strings (8 bytes per multiply), well mixed in
    /// both halves: the low bits pick the slot, the high ones tag long keys.
    static std::uint64_t hashOf(std::string_view text) {
        constexpr std::uint64_t kMul = 0x9E37'79B9'7F4A'7C15ULL;
        std::uint64_t h = 0x243F'6A88'85A3'08D3ULL ^ (text.size() * kMul);
        const char* p = text.data();
        std::size_t n = text.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            h = (h ^ word) * kMul;
            h ^= h >> 29;
        }
        if (n != 0) {
            std::uint64_t word = 0;
            for (std::size_t i = 0; i < n; ++i)
                word |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
            h = (h ^ word) * kMul;
        }
        h ^= h >> 32;
        h *= 0xD6E8'FEB8'6659'FD93ULL;
        h ^= h >> 32;
        return h;
    }
    /// The id of `text`, adding it when missing. Ids are dense and never change.
    std::uint32_t intern(std::string_view text);
    /// Where a search for `hash` begins (nullptr for an empty table): for a prefetch.
    const void* home(std::uint64_t hash) const { return slots_.empty() ? nullptr : &slots_[hash & mask_]; }
    /// What name(id) reads first (nullptr for an id not in the table): for a prefetch.
    const void* nameHome(std::uint32_t id) const { return id < size() ? offsets_.data() + id : nullptr; }
    /// The text of an id from this table.
    std::string_view name(std::uint32_t id) const {
        return {arena_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]};
    }
    /// Where the text of `id` starts in the table's storage: with its length, what
    /// textAt() takes. Stays the same as strings are added and in copies of the table.
    std::uint32_t offsetOf(std::uint32_t id) const { return offsets_[id]; }
    std::string_view textAt(std::uint32_t offset, std::uint32_t size) const {
        return {arena_.data() + offset, size};
    }
    std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
    /// Makes room for `count` more strings of `bytes` characters in all.
    void reserve(std::size_t count, std::size_t bytes);
    /// Heap bytes held (for the benchmark's memory figure).
    std::size_t memoryBytes() const;

private:
    // A string of up to kInline characters is kept in its slot, so that finding it
    // reads the slot only (one cache miss on a large table, not three: slot,
    // offsets_ and arena_). A longer one keeps the high half of its hash in `text`
    // and is compared through the arena.
    static constexpr std::size_t kInline = 11;
    static constexpr std::uint8_t kLong = 0xff;
    struct Slot {
        std::uint32_t id_plus_one = 0;  // 0: empty
        std::uint8_t size = 0;          // the text's length, or kLong
        char text[kInline] = {};        // the text, zero-padded; or the hash tag
    };
    static_assert(sizeof(Slot) == 16);
    static Slot keyOf(std::string_view text, std::uint64_t hash);
    // The 12 bytes a search compares (a slot's size and text) as two words: bytes
    // 4..7 and 8..15 of a Slot. Built from the text with whole-word loads, so that
    // no byte-wise copy is stored and read back in another width.
    struct Key {
        std::uint32_t head;
        std::uint64_t tail;
    };
    static Key keyFor(std::string_view text, std::uint64_t hash);
    static Key keyIn(const Slot& slot);

    void rehash(std::size_t slot_count);
    void place(std::uint64_t hash, std::uint32_t id);

    std::vector<char> arena_;
    std::vector<std::uint32_t> offsets_{0};  // id → start in arena_; one extra at the end
    LargeVector<Slot> slots_;                // huge-page backed once large (the SKU table)
    std::size_t mask_ = 0;
};

}  // namespace crossdock::pricing::detail
