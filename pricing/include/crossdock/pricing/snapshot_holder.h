#pragma once

// The current PriceSnapshot of a process, swapped atomically on change.

#include <functional>
#include <memory>
#include <mutex>

#include "crossdock/core/result.h"
#include "crossdock/pricing/snapshot.h"

namespace crossdock::pricing {

/// Holds the snapshot every reader prices with. Readers call current() and keep
/// the returned pointer for as long as they need a consistent view (one cart, one
/// search page); they never wait for a writer. Writers are serialised among
/// themselves: update() builds from the current version under a writer lock and
/// publishes the result with one atomic store. Thread-safe.
class SnapshotHolder {
public:
    /// Starts with `initial` (never null).
    explicit SnapshotHolder(std::shared_ptr<const PriceSnapshot> initial);

    /// The snapshot published last. Takes a lock held only for a pointer copy or
    /// swap, never while a snapshot is built.
    std::shared_ptr<const PriceSnapshot> current() const;

    /// Publishes `next` (never null) as is, e.g. one built from scratch after a
    /// full reload. Waits for a running update() to finish.
    void publish(std::shared_ptr<const PriceSnapshot> next);

    /// Starts a builder from the current snapshot, lets `change` fill it, builds
    /// and publishes the result. On error nothing is published and the error is
    /// returned. Concurrent updates apply one after the other, none is lost.
    core::Result<std::shared_ptr<const PriceSnapshot>> update(
        const std::function<void(SnapshotBuilder&)>& change);

private:
    void store(std::shared_ptr<const PriceSnapshot> next);

    // A mutex-guarded shared_ptr rather than std::atomic<std::shared_ptr>: as fast
    // for one copy per cart, and ThreadSanitizer understands it (libstdc++ 12's
    // atomic shared_ptr locks a bit inside the pointer, which TSan reports as a race).
    mutable std::mutex current_mutex_;
    std::shared_ptr<const PriceSnapshot> current_;
    std::mutex writer_;  // serialises publish() and update()
};

}  // namespace crossdock::pricing
