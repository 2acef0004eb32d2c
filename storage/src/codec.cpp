#include "codec.h"

#include <charconv>
#include <limits>

#include "crossdock/storage/store.h"

namespace crossdock::storage {

std::int64_t toMicros(TimePoint time) {
    return std::chrono::floor<std::chrono::microseconds>(time.time_since_epoch()).count();
}

TimePoint fromMicros(std::int64_t micros) {
    using Rep = TimePoint::duration::rep;
    constexpr Rep kPerMicro =
        std::chrono::duration_cast<TimePoint::duration>(std::chrono::microseconds{1}).count();
    constexpr Rep kMax = std::numeric_limits<Rep>::max() / kPerMicro;
    constexpr Rep kMin = std::numeric_limits<Rep>::min() / kPerMicro;
    if (micros > kMax || micros < kMin) {
        throw StorageError("timestamp " + std::to_string(micros) +
                           " microseconds is out of the time_point range");
    }
    return TimePoint{TimePoint::duration{micros * kPerMicro}};
}

std::int64_t nowMicros() { return toMicros(std::chrono::system_clock::now()); }

std::int64_t parseInt64(const std::string& text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || stop != end) {
        throw StorageError("expected a 64-bit integer from the database, got '" + text + "'");
    }
    return value;
}

}  // namespace crossdock::storage
