// Server event lines on stderr, as JSON so that one parser reads both logs.
#include "event_log.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "crossdock/core/json.h"

namespace crossdock::server {

std::string_view formatTimestamp(long long epoch_ms, char (&buffer)[48]) {
    const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                                utc.tm_sec, static_cast<int>(epoch_ms % 1000));
    return {buffer, n > 0 ? static_cast<std::size_t>(n) : 0};
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
