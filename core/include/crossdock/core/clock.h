#pragma once

#include <atomic>
#include <chrono>

namespace crossdock::core {

using TimePoint = std::chrono::system_clock::time_point;

/// The current time, behind an interface so that tests can move it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

/// Wall-clock time.
class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that tests set and advance by hand. Thread-safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start = TimePoint{}) : now_(start.time_since_epoch().count()) {}
    TimePoint now() const override { return TimePoint{TimePoint::duration{now_.load()}}; }
    void set(TimePoint t) { now_ = t.time_since_epoch().count(); }
    void advance(std::chrono::nanoseconds d) {
        now_ += std::chrono::duration_cast<TimePoint::duration>(d).count();
    }

private:
    std::atomic<TimePoint::rep> now_;
};

}  // namespace crossdock::core
