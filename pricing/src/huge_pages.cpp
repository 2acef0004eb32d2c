#include "huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace crossdock::pricing::detail {

namespace {

std::size_t roundUp(std::size_t bytes) { return (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1); }

}  // namespace

void* allocateLarge(std::size_t bytes, std::size_t alignment) {
    if (bytes < kHugePageBytes) return ::operator new(bytes, std::align_val_t(alignment));
    // Map one huge page more than needed, then unmap the parts before the first
    // 2 MiB boundary and after the array, so that the array starts on one.
    const std::size_t length = roundUp(bytes);
    if (length < bytes || length + kHugePageBytes < length) throw std::bad_alloc();
    void* mapped =
        ::mmap(nullptr, length + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const auto aligned = (start + kHugePageBytes - 1) & ~std::uintptr_t{kHugePageBytes - 1};
    if (aligned != start) ::munmap(mapped, aligned - start);
    const std::size_t tail = start + length + kHugePageBytes - (aligned + length);
    if (tail != 0) ::munmap(reinterpret_cast<void*>(aligned + length), tail);
    void* array = reinterpret_cast<void*>(aligned);
    (void)::madvise(array, length, MADV_HUGEPAGE);  // a hint: EINVAL where THP is not built in
    return array;
}

void releaseLarge(void* p, std::size_t bytes, std::size_t alignment) noexcept {
    if (bytes < kHugePageBytes) {
        ::operator delete(p, std::align_val_t(alignment));
        return;
    }
    ::munmap(p, roundUp(bytes));
}

}  // namespace crossdock::pricing::detail
