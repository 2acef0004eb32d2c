// Server event lines on stderr, as JSON so that one parser reads both logs.
#include "event_log.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>

#include "crossdock/core/json.h"

namespace crossdock::server {

namespace {

/// "YYYY-MM-DDTHH:MM:SS." of `second` (since the epoch, UTC) into `out`; its length.
std::size_t formatUpToSeconds(long long second, char* out, std::size_t size) {
    const auto seconds = static_cast<std::time_t>(second);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    const int n = std::snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.", utc.tm_year + 1900,
                                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return n > 0 && static_cast<std::size_t>(n) < size ? static_cast<std::size_t>(n) : 0;
}

}  // namespace

std::string_view formatTimestamp(long long epoch_ms, char (&buffer)[48]) {
    // The text up to the seconds is the same for every line of one second: remembered
    // per thread, so that a busy server does not run gmtime_r and snprintf per request.
    thread_local long long cached_second = -1;
    thread_local char cached_prefix[40];
    thread_local std::size_t cached_length = 0;
    const long long second = epoch_ms / 1000;
    const auto millis = static_cast<int>(epoch_ms % 1000);
    if (epoch_ms < 0) {
        const std::size_t n = formatUpToSeconds(second, buffer, sizeof buffer - 8);
        const int tail = std::snprintf(buffer + n, 8, "%03dZ", millis);
        return {buffer, n + static_cast<std::size_t>(tail > 0 ? tail : 0)};
    }
    if (second != cached_second) {
        cached_length = formatUpToSeconds(second, cached_prefix, sizeof cached_prefix);
        cached_second = second;
    }
    std::memcpy(buffer, cached_prefix, cached_length);
    buffer[cached_length] = static_cast<char>('0' + millis / 100);
    buffer[cached_length + 1] = static_cast<char>('0' + millis / 10 % 10);
    buffer[cached_length + 2] = static_cast<char>('0' + millis % 10);
    buffer[cached_length + 3] = 'Z';
    return {buffer, cached_length + 4};
}

void logEvent(std::string_view level, std::string_view message, std::string_view request_id) {
    static std::mutex mutex;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    char ts[48];
    core::JsonWriter writer(128 + message.size());
    writer.beginObject().field("ts", formatTimestamp(now, ts)).field("level", level);
    if (!request_id.empty()) writer.field("request_id", request_id);
    writer.field("message", message).endObject();
    std::string line = writer.take();
    line += '\n';
    std::lock_guard lock(mutex);
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
}

}  // namespace crossdock::server
