#include "string_table.h"

#include <bit>
#include <cstddef>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace crossdock::pricing::detail {

StringTable::Slot StringTable::keyOf(std::string_view text, std::uint64_t hash) {
    Slot key;
    if (text.size() <= kInline) {
        key.size = static_cast<std::uint8_t>(text.size());
        if (!text.empty()) std::memcpy(key.text, text.data(), text.size());  // data() may be null
    } else {
        key.size = kLong;
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        std::memcpy(key.text, &tag, sizeof tag);
    }
    return key;
}

namespace {

std::uint64_t load64(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

std::uint64_t load32(const char* p) {
    std::uint32_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

}  // namespace

StringTable::Key StringTable::keyFor(std::string_view text, std::uint64_t hash) {
    static_assert(std::endian::native == std::endian::little, "keys are read as little-endian words");
    // The 11 text bytes of keyOf(), zero-padded: bytes 0..7 in `low`, 8..10 in `high`,
    // each read as whole words that may overlap (an overlap ORs a byte with itself).
    const char* p = text.data();
    const std::size_t n = text.size();
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    std::uint8_t size = static_cast<std::uint8_t>(n);
    if (n > kInline) {
        size = kLong;
        low = static_cast<std::uint32_t>(hash >> 32);
    } else if (n >= 8) {
        low = load64(p);
        high = n == 8 ? 0 : load64(p + n - 8) >> (8 * (16 - n));
    } else if (n >= 4) {
        low = load32(p) | load32(p + n - 4) << (8 * (n - 4));
    } else if (n > 0) {
        const auto byte = [p](std::size_t i) {
            return std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
        };
        low = byte(0) | byte(n / 2) | byte(n - 1);
    }
    return Key{size | static_cast<std::uint32_t>((low & 0xff'ffff) << 8), (low >> 24) | (high << 40)};
}

StringTable::Key StringTable::keyIn(const Slot& slot) {
    static_assert(offsetof(Slot, size) == 4 && offsetof(Slot, text) == 5);
    const char* bytes = reinterpret_cast<const char*>(&slot);
    Key key;
    std::memcpy(&key.head, bytes + 4, sizeof key.head);
    std::memcpy(&key.tail, bytes + 8, sizeof key.tail);
    return key;
}

std::uint32_t StringTable::find(std::string_view text, std::uint64_t hash) const {
    if (slots_.empty()) return kNone;
    const Key key = keyFor(text, hash);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.id_plus_one == 0) return kNone;
        // Size and text compared as 12 fixed bytes: the padding is zero on both sides.
        const Key here = keyIn(slot);
        if (((here.head ^ key.head) | (here.tail ^ key.tail)) != 0) continue;
        if (text.size() <= kInline || name(slot.id_plus_one - 1) == text) return slot.id_plus_one - 1;
    }
}

std::uint32_t StringTable::intern(std::string_view text) {
    if (const auto id = find(text); id != kNone) return id;
    // Keep the load at most one half: short probe runs, and a miss ends fast.
    if (2 * (size() + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    if (size() == kNone - 1) throw std::length_error("StringTable: too many strings");
    const auto id = size();
    arena_.insert(arena_.end(), text.begin(), text.end());
    offsets_.push_back(static_cast<std::uint32_t>(arena_.size()));
    if (arena_.size() > 0xffff'0000U) throw std::length_error("StringTable: arena too large");
    place(hashOf(text), id);
    return id;
}

void StringTable::place(std::uint64_t hash, std::uint32_t id) {
    std::size_t i = hash & mask_;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask_;
    slots_[i] = keyOf(name(id), hash);
    slots_[i].id_plus_one = id + 1;
}

void StringTable::rehash(std::size_t slot_count) {
    slots_.assign(slot_count, Slot{});
    mask_ = slot_count - 1;
    for (std::uint32_t id = 0; id < size(); ++id) place(hashOf(name(id)), id);
}

void StringTable::reserve(std::size_t count, std::size_t bytes) {
    arena_.reserve(arena_.size() + bytes);
    offsets_.reserve(offsets_.size() + count);
    std::size_t wanted = slots_.empty() ? 16 : slots_.size();
    while (wanted < 2 * (size() + count)) wanted *= 2;
    if (wanted > slots_.size()) rehash(wanted);
}

std::size_t StringTable::memoryBytes() const {
    return arena_.capacity() + offsets_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(Slot);
}

}  // namespace crossdock::pricing::detail
