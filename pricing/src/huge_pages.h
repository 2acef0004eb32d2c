#pragma once

// An allocator for the snapshot's large arrays (rows, index slots, the SKU table,
// item records). Resolving a line reads a few random places in each, so on a
// large dataset nearly every read also misses the TLB; an array of 2 MiB or more
// therefore gets a mapping of its own, aligned to 2 MiB and advised for
// transparent huge pages, where one TLB entry covers 2 MiB instead of 4 KiB.
// Smaller arrays come from operator new. Where the kernel has no transparent
// huge pages, or they are off, the advice is ignored and nothing else changes.

#include <cstddef>
#include <new>
#include <vector>

namespace crossdock::pricing::detail {

/// Arrays of at least this many bytes get a huge-page mapping of their own.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

/// `bytes` (> 0) aligned to `alignment`: from a mapping of its own when bytes ≥
/// kHugePageBytes, else from operator new. Throws std::bad_alloc.
void* allocateLarge(std::size_t bytes, std::size_t alignment);
/// Returns what allocateLarge(bytes, alignment) gave.
void releaseLarge(void* p, std::size_t bytes, std::size_t alignment) noexcept;

template <class T>
struct HugePageAllocator {
    using value_type = T;

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

/// A vector whose storage is huge-page backed once it is large.
template <class T>
using LargeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace crossdock::pricing::detail
