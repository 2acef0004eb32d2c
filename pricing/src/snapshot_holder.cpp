#include "crossdock/pricing/snapshot_holder.h"

#include <stdexcept>

namespace crossdock::pricing {

SnapshotHolder::SnapshotHolder(std::shared_ptr<const PriceSnapshot> initial) {
    if (!initial) throw std::invalid_argument("SnapshotHolder: no initial snapshot");
    current_ = std::move(initial);
}

std::shared_ptr<const PriceSnapshot> SnapshotHolder::current() const {
    std::lock_guard lock(current_mutex_);
    return current_;
}

void SnapshotHolder::store(std::shared_ptr<const PriceSnapshot> next) {
    {
        std::lock_guard lock(current_mutex_);
        current_.swap(next);
    }
    // `next` now holds the previous version; if this was its last user it is
    // destroyed here, outside the readers' lock.
}

void SnapshotHolder::publish(std::shared_ptr<const PriceSnapshot> next) {
    if (!next) throw std::invalid_argument("SnapshotHolder: cannot publish nothing");
    std::lock_guard lock(writer_);
    store(std::move(next));
}

core::Result<std::shared_ptr<const PriceSnapshot>> SnapshotHolder::update(
    const std::function<void(SnapshotBuilder&)>& change) {
    std::lock_guard lock(writer_);
    SnapshotBuilder builder(current());
    change(builder);
    auto built = builder.build();
    if (built) store(*built);
    return built;
}

}  // namespace crossdock::pricing
