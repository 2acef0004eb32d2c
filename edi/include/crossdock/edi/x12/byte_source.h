#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string_view>

namespace crossdock::edi::x12 {

/// Where a streaming SegmentReader gets its bytes, a chunk at a time, so that memory
/// does not grow with the input. read() copies at most `capacity` bytes into
/// `destination` and returns how many it copied; 0 means the end of the input (and
/// every later call returns 0 too). A short read is not the end.
/// Infrastructure failures (disk, socket) are thrown, not returned (STYLE.md "Errors").
/// Implementations are not thread-safe.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual std::size_t read(char* destination, std::size_t capacity) = 0;
};

/// Reads from a std::istream the caller keeps open (binary mode: X12 is line-ending
/// sensitive). Throws std::runtime_error when the stream fails other than by ending.
class IstreamSource final : public ByteSource {
public:
    explicit IstreamSource(std::istream& stream) : stream_(stream) {}
    std::size_t read(char* destination, std::size_t capacity) override;

private:
    std::istream& stream_;
};

/// Calls `callback(destination, capacity)` for every chunk: the callback fills at most
/// `capacity` bytes and returns the count, 0 at the end. Used for sockets, inbox blobs
/// and generated test input.
class CallbackSource final : public ByteSource {
public:
    using Callback = std::function<std::size_t(char* destination, std::size_t capacity)>;
    explicit CallbackSource(Callback callback) : callback_(std::move(callback)) {}
    std::size_t read(char* destination, std::size_t capacity) override;

private:
    Callback callback_;
    bool ended_ = false;
};

/// Serves a caller-owned buffer through the streaming path, at most `chunk` bytes per
/// read (to exercise chunk boundaries in tests). The buffer must outlive the source.
/// For zero-copy parsing of a document already in memory use the SegmentReader
/// constructor that takes a std::string_view instead.
class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string_view bytes, std::size_t chunk = 1 << 16)
        : bytes_(bytes), chunk_(chunk == 0 ? 1 : chunk) {}
    std::size_t read(char* destination, std::size_t capacity) override;

private:
    std::string_view bytes_;
    std::size_t chunk_;
};

}  // namespace crossdock::edi::x12
