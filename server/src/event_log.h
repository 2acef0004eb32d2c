#pragma once

#include <string_view>

namespace crossdock::server {

/// Writes one JSON line to stderr: {"ts","level","request_id"?,"message"}.
/// For server events (start, stop, internal errors), not for the access log.
/// Thread-safe: one line is one write.
void logEvent(std::string_view level, std::string_view message, std::string_view request_id = {});

/// "2026-11-21T22:18:03.123Z" for a system_clock time in milliseconds since the epoch.
std::string_view formatTimestamp(long long epoch_ms, char (&buffer)[48]);

}  // namespace crossdock::server
