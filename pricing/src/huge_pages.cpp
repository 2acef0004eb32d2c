#include "huge_pages.h"

#include <sys/mman.h>

#include <array>
#include <cstdint>
#include <mutex>

namespace crossdock::pricing::detail {

namespace {

constexpr std::size_t kChunkBytes = std::size_t{32} << 20;
constexpr std::size_t kBlockAlignment = 64;

std::size_t roundUp(std::size_t bytes, std::size_t unit) { return (bytes + unit - 1) / unit * unit; }

// `length` bytes (a multiple of kHugePageBytes) starting on a 2 MiB boundary,
// advised for huge pages. Maps one huge page more than needed, then unmaps the
// parts before the first boundary and after the block.
void* mapHuge(std::size_t length) {
    if (length + kHugePageBytes < length) throw std::bad_alloc();
    void* mapped =
        ::mmap(nullptr, length + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const auto aligned = roundUp(start, kHugePageBytes);
    if (aligned != start) ::munmap(mapped, aligned - start);
    const std::size_t tail = start + length + kHugePageBytes - (aligned + length);
    if (tail != 0) ::munmap(reinterpret_cast<void*>(aligned + length), tail);
    void* block = reinterpret_cast<void*>(aligned);
    (void)::madvise(block, length, MADV_HUGEPAGE);  // a hint: EINVAL where THP is not built in
    return block;
}

// The size classes of the pool: from kPooledBytes up to kHugePageBytes, four per
// doubling (256, 320, 384, 448, 512, 640, ...), each a multiple of kBlockAlignment.
constexpr std::size_t kClassCount = 4 * 13 + 1;  // 256 B · 2^13 = 2 MiB, the last class
constexpr std::array<std::size_t, kClassCount> classSizes() {
    std::array<std::size_t, kClassCount> sizes{};
    std::size_t base = kPooledBytes;
    for (std::size_t i = 0; i + 1 < kClassCount; i += 4, base *= 2) {
        for (std::size_t step = 0; step < 4; ++step) sizes[i + step] = base + step * base / 4;
    }
    sizes[kClassCount - 1] = base;
    return sizes;
}
constexpr auto kClassSizes = classSizes();
static_assert(kClassSizes[kClassCount - 1] == kHugePageBytes && kClassSizes[0] % kBlockAlignment == 0 &&
              kChunkBytes % kBlockAlignment == 0);

std::size_t classOf(std::size_t bytes) {
    std::size_t at = 0;
    while (kClassSizes[at] < bytes) ++at;
    return at;
}

class Pool {
public:
    void* take(std::size_t bytes) {
        const std::size_t at = classOf(bytes);
        const std::lock_guard lock(mutex_);
        if (FreeBlock* block = free_[at]) {
            free_[at] = block->next;
            return block;
        }
        const std::size_t size = kClassSizes[at];
        if (left_ < size) {
            next_ = static_cast<char*>(mapHuge(kChunkBytes));
            left_ = kChunkBytes;
            mapped_ += kChunkBytes;
        }
        void* block = next_;
        next_ += size;
        left_ -= size;
        return block;
    }
    void give(void* p, std::size_t bytes) noexcept {
        const std::size_t at = classOf(bytes);
        const std::lock_guard lock(mutex_);
        free_[at] = ::new (p) FreeBlock{free_[at]};
    }
    std::size_t mapped() {
        const std::lock_guard lock(mutex_);
        return mapped_;
    }

private:
    struct FreeBlock {
        FreeBlock* next;
    };
    std::mutex mutex_;
    std::array<FreeBlock*, kClassCount> free_{};
    char* next_ = nullptr;  // where the current chunk's uncarved part starts
    std::size_t left_ = 0;  // its size
    std::size_t mapped_ = 0;
};

// Never destroyed: blocks may be given back by static objects' destructors.
Pool& pool() {
    static Pool* const instance = new Pool;
    return *instance;
}

}  // namespace

void* allocateLarge(std::size_t bytes, std::size_t alignment) {
    if (bytes >= kHugePageBytes) return mapHuge(roundUp(bytes, kHugePageBytes));
    if (kPoolOn && bytes >= kPooledBytes) return pool().take(bytes);
    return ::operator new(bytes, std::align_val_t(alignment));
}

void releaseLarge(void* p, std::size_t bytes, std::size_t alignment) noexcept {
    if (bytes >= kHugePageBytes) {
        ::munmap(p, roundUp(bytes, kHugePageBytes));
    } else if (kPoolOn && bytes >= kPooledBytes) {
        pool().give(p, bytes);
    } else {
        ::operator delete(p, std::align_val_t(alignment));
    }
}

std::size_t pooledBytes() { return kPoolOn ? pool().mapped() : 0; }

}  // namespace crossdock::pricing::detail
