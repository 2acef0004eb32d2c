#pragma once
// A short-lived memory of authenticated bearer credentials, so that a request does
// not cost two database reads. An entry is used for at most `ttl` after it was read
// from the database, and never after the token's own expiry; a user deactivated or a
// key replaced in another process is therefore refused within `ttl`.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/clock.h"

namespace crossdock::accounts {

class CallerCache {
public:
    using TimePoint = core::TimePoint;

    CallerCache(std::chrono::milliseconds ttl, std::size_t max_entries)
        : ttl_(ttl), max_entries_(max_entries) {}

    /// The caller stored for `hash`, when it is still fresh at `now`.
    std::optional<Caller> find(const std::string& hash, TimePoint now) const {
        if (ttl_.count() == 0) return std::nullopt;
        std::lock_guard lock(mutex_);
        auto it = entries_.find(hash);
        if (it == entries_.end() || now >= it->second.fresh_until) return std::nullopt;
        return it->second.caller;
    }

    /// Remembers `caller` for `hash` until now + ttl, or `expires_at` when earlier.
    void put(const std::string& hash, const Caller& caller, TimePoint now,
             std::optional<TimePoint> expires_at) {
        if (ttl_.count() == 0) return;
        TimePoint until = now + ttl_;
        if (expires_at && *expires_at < until) until = *expires_at;
        std::lock_guard lock(mutex_);
        if (entries_.size() >= max_entries_) entries_.clear();  // a burst of new tokens: start over
        entries_[hash] = Entry{caller, until};
    }

    void clear() {
        std::lock_guard lock(mutex_);
        entries_.clear();
    }

private:
    struct Entry {
        Caller caller;
        TimePoint fresh_until;
    };
    const std::chrono::milliseconds ttl_;
    const std::size_t max_entries_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace crossdock::accounts
