// JSON-lines access log with a background writer (see access_log.h for why).
#include "access_log.h"

#include <charconv>
#include <stdexcept>

#include "crossdock/core/json.h"
#include "event_log.h"

namespace crossdock::server {

namespace {

constexpr std::size_t kWakeBytes = std::size_t{64} * 1024;
constexpr std::size_t kBackpressureBytes = std::size_t{4} * 1024 * 1024;
constexpr auto kFlushInterval = std::chrono::milliseconds(200);

/// `duration` in milliseconds with 3 decimals ("0.412"), rounded to the microsecond,
/// without printf.
std::string_view formatMillis(std::chrono::nanoseconds duration, char (&buffer)[32]) {
    const long long ns = duration.count() < 0 ? 0 : duration.count();
    const long long micros = (ns + 500) / 1000;
    char* end = std::to_chars(buffer, buffer + 24, micros / 1000).ptr;
    const auto fraction = static_cast<int>(micros % 1000);
    end[0] = '.';
    end[1] = static_cast<char>('0' + fraction / 100);
    end[2] = static_cast<char>('0' + fraction / 10 % 10);
    end[3] = static_cast<char>('0' + fraction % 10);
    return {buffer, static_cast<std::size_t>(end + 4 - buffer)};
}

}  // namespace

std::unique_ptr<AccessLog> AccessLog::open(const std::string& destination) {
    if (destination.empty() || destination == "off") return nullptr;
    if (destination == "-") return std::unique_ptr<AccessLog>(new AccessLog(stderr, false));
    std::FILE* file = std::fopen(destination.c_str(), "a");
    if (file == nullptr) throw std::runtime_error("cannot open access log " + destination);
    return std::unique_ptr<AccessLog>(new AccessLog(file, true));
}

AccessLog::AccessLog(std::FILE* file, bool owns_file) : file_(file), owns_file_(owns_file) {
    writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    writer_.join();
    flush();
    if (owns_file_) std::fclose(file_);
}

void AccessLog::write(const AccessRecord& record) {
    const auto epoch_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(record.start.time_since_epoch());
    char ts[48];
    char duration[32];
    const std::string_view duration_ms = formatMillis(record.duration, duration);
    core::JsonWriter line(256 + record.path.size());
    line.beginObject()
        .field("ts", formatTimestamp(epoch_ms.count(), ts))
        .field("request_id", record.request_id)
        .field("method", record.method)
        .field("path", record.path)
        .field("route", record.route)
        .field("status", record.status)
        .field("bytes", record.bytes)
        .key("duration_ms")
        .rawNumber(duration_ms)
        .field("remote", record.remote)
        .endObject();
    std::string text = line.take();
    text += '\n';
    std::string overflow;
    {
        std::lock_guard lock(mutex_);
        buffer_ += text;
        if (buffer_.size() >= kBackpressureBytes)
            overflow.swap(buffer_);
        else if (buffer_.size() < kWakeBytes)
            return;
    }
    if (!overflow.empty()) {
        writeOut(overflow);
    } else {
        wake_.notify_one();
    }
}

void AccessLog::flush() {
    std::string lines;
    {
        std::lock_guard lock(mutex_);
        lines.swap(buffer_);
    }
    if (!lines.empty()) writeOut(lines);
}

void AccessLog::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, kFlushInterval, [this] { return stopping_ || buffer_.size() >= kWakeBytes; });
        std::string lines;
        lines.swap(buffer_);
        lock.unlock();
        if (!lines.empty()) writeOut(lines);
        lock.lock();
    }
}

void AccessLog::writeOut(const std::string& lines) {
    std::lock_guard lock(file_mutex_);
    if (std::fwrite(lines.data(), 1, lines.size(), file_) != lines.size()) {
        logEvent("warn", "access log write failed");
    }
    std::fflush(file_);
}

}  // namespace crossdock::server
