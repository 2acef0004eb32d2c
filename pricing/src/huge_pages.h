#pragma once

// An allocator for the snapshot's arrays and lists (rows, index slots, the
// string tables' slots, item and customer records, the lists themselves).
// Resolving a line reads a few random places in each, so on a large dataset
// nearly every read also misses the TLB; this memory therefore lives on
// transparent huge pages, where one TLB entry covers 2 MiB instead of 4 KiB:
// - an array of 2 MiB or more gets a mapping of its own, aligned to 2 MiB;
// - a smaller block (from kPooledBytes up) comes from a pool of 32 MiB chunks,
//   in size classes (four per doubling, multiples of 64 bytes, so every block is
//   64-byte aligned); a freed block waits for the next one of its class and is
//   not given back to the system;
// - a block below kPooledBytes comes from operator new.
// Both kinds of mapping are advised with MADV_HUGEPAGE; where the kernel has no
// transparent huge pages, or they are off, the advice is ignored. Under
// AddressSanitizer the pool is off (its blocks would hide overflows).

#include <cstddef>
#include <new>
#include <vector>

namespace crossdock::pricing::detail {

/// Arrays of at least this many bytes get a huge-page mapping of their own.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;
/// Blocks of at least this many bytes (and below kHugePageBytes) come from the pool.
inline constexpr std::size_t kPooledBytes = 256;
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kPoolOn = false;
#else
inline constexpr bool kPoolOn = true;
#endif

/// `bytes` (> 0) aligned to `alignment` (at most 64). Throws std::bad_alloc.
void* allocateLarge(std::size_t bytes, std::size_t alignment);
/// Returns what allocateLarge(bytes, alignment) gave.
void releaseLarge(void* p, std::size_t bytes, std::size_t alignment) noexcept;
/// The bytes the pool holds (blocks in use and free, chunks not yet carved).
std::size_t pooledBytes();

template <class T>
struct HugePageAllocator {
    using value_type = T;
    static_assert(alignof(T) <= 64);

    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(allocateLarge(n * sizeof(T), alignof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept { releaseLarge(p, n * sizeof(T), alignof(T)); }

    friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

/// A vector whose storage lives on huge pages (see above).
template <class T>
using LargeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace crossdock::pricing::detail
