#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace crossdock::edi::x12::detail {

/// Where a segment's element separators go: offsets from the segment's first byte.
/// Grows (never shrinks) for a segment with more elements than it has room for.
class ElementEnds {
public:
    ElementEnds() { grow(256); }
    std::uint32_t* data() { return data_.get(); }
    std::size_t capacity() const { return capacity_; }
    /// Makes room for at least `needed` entries, keeping the first `used`.
    void reserve(std::size_t needed, std::size_t used);

private:
    void grow(std::size_t capacity);

    std::unique_ptr<std::uint32_t[]> data_;
    std::size_t capacity_ = 0;
};

/// The outcome of scanning one segment.
struct SegmentScan {
    enum class Status {
        Terminated,  ///< `end` is the terminator; `separators` element separators before it
        LineBreak,   ///< `end` is a CR or LF before any terminator (the caller decides)
        NeedMore,    ///< the data ends before the segment does
        TooLong,     ///< no terminator within `max_length` bytes
    };
    Status status = Status::NeedMore;
    std::size_t end = 0;         ///< offset in the data
    std::size_t separators = 0;  ///< entries written to ElementEnds
};

/// Scans data[begin, size) for the end of the segment that starts at `begin`, 64 bytes
/// per step with SIMD compares, writing the offsets of its element separators (from
/// `begin`) into `ends`. Never reads data[size] or beyond. The bytes are loaded once
/// and used while they are in cache: this is the reader's hot loop.
using ScanFunction = SegmentScan (*)(const char* data, std::size_t begin, std::size_t size,
                                     std::size_t max_length, char element, char terminator,
                                     ElementEnds& ends);

/// The best ScanFunction for this CPU: AVX2 when it has it, else SSE2 (x86-64), a
/// plain loop on other targets.
ScanFunction bestScanFunction();

}  // namespace crossdock::edi::x12::detail
