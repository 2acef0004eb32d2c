#pragma once

// Loading a cache line ahead of its use. Private to pricing.

#include <cstddef>

namespace crossdock::pricing::detail {

// Loads one byte at `p` (when not null) and drops it: the cache line is on its
// way when the next stage reads it. A real load, not __builtin_prefetch: on the
// development VM (AMD EPYC under KVM) software prefetches of lines whose page is
// not in the TLB are mostly dropped (measured: an index slot prefetched a group
// earlier still cost ~1,000 cycles to read; loaded, ~55), while independent loads
// overlap in the out-of-order window just as well.
inline void touch(const void* p) {
    if (p != nullptr) (void)*static_cast<const volatile char*>(p);
}

// Every cache line of [first, first + bytes).
inline void touchRange(const void* first, std::size_t bytes) {
    const char* begin = static_cast<const char*>(first);
    for (std::size_t at = 0; at < bytes; at += 64) touch(begin + at);
    touch(begin + bytes - 1);
}

}  // namespace crossdock::pricing::detail
