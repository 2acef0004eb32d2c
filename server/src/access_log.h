#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace crossdock::server {

/// One answered request, as the access log records it.
struct AccessRecord {
    std::chrono::system_clock::time_point start;
    std::string_view request_id;
    std::string_view method;
    std::string_view path;
    std::string_view route;  ///< pattern, or "unmatched"
    int status = 0;
    std::uint64_t bytes = 0;  ///< response body bytes
    std::chrono::nanoseconds duration{0};
    std::string_view remote;
};

/// The access log: one JSON line per request
/// {"ts","request_id","method","path","route","status","bytes","duration_ms","remote"}.
///
/// Lines are appended to an in-memory buffer under a mutex and written by a
/// background thread every 200 ms (or sooner when 64 KiB pile up), so a request
/// never waits for the disk; when the writer falls 4 MiB behind, callers write
/// synchronously instead of growing memory. The destructor writes what is left.
class AccessLog {
public:
    /// `destination`: "-" for stderr, "" or "off" for no log, else a file path
    /// (appended to, created when missing). Throws std::runtime_error when the
    /// file cannot be opened. Returns nullptr for no log.
    static std::unique_ptr<AccessLog> open(const std::string& destination);

    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    /// Thread-safe.
    void write(const AccessRecord& record);
    /// Writes buffered lines now. Thread-safe.
    void flush();

private:
    AccessLog(std::FILE* file, bool owns_file);
    void run();
    void writeOut(const std::string& lines);

    std::FILE* file_;
    bool owns_file_;
    std::mutex mutex_;       // guards buffer_ and stopping_
    std::mutex file_mutex_;  // serializes writes to file_
    std::condition_variable wake_;
    std::string buffer_;
    bool stopping_ = false;
    std::thread writer_;
};

}  // namespace crossdock::server
