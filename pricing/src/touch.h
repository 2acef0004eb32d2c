#pragma once

// Loading a cache line ahead of its use. Private to pricing.

namespace crossdock::pricing::detail {

// Loads one byte at `p` (when not null) and drops it: the cache line is on its
// way when it is read. A real load, not __builtin_prefetch. resolveAll() uses it
// for the requests' own text; its loading stages prefetch instead (see
// resolve_all.cpp), since the pricing that runs behind them must not stall.
inline void touch(const void* p) {
    if (p != nullptr) (void)*static_cast<const volatile char*>(p);
}

}  // namespace crossdock::pricing::detail
