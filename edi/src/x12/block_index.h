#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "crossdock/edi/x12/segment_reader.h"

namespace crossdock::edi::x12::detail {

/// The structural index of a window of the input (simdjson's "stage 1", for X12).
///
/// Built once per window with block compares: the offsets of every element separator
/// and terminator in data[begin, end), in order (marks()); which of those marks are
/// terminators (terminators()); and a bit per CR or LF (lineBreakIn()). The reader
/// then cuts each segment with a few loads instead of scanning its bytes again: a
/// segment that ends at terminators()[s] has its element ends at
/// marks()[terminators()[s - 1] + 1 .. terminators()[s]].
class BlockIndex {
public:
    /// Bytes covered by one window (the last window of the data may be shorter).
    static constexpr std::size_t kWindow = 4096;
    static constexpr std::size_t kBlocks = kWindow / 64;
    /// Entries written past the counts by the branch-free stores.
    static constexpr std::size_t kScratch = 80;

    BlockIndex();

    /// Offsets from windowBegin() of the marks.
    const std::uint32_t* marks() const { return marks_.get(); }
    std::size_t markCount() const { return mark_count_; }
    /// terminators()[1..terminatorCount()] are indexes into marks(); terminators()[0] is
    /// UINT32_MAX, so that terminators()[0] + 1 is mark 0.
    const std::uint32_t* terminators() const { return terminators_.get(); }
    /// The offset of terminator `s` (1-based), 0 for s = 0. Marks are never rewritten:
    /// a segment with whitespace to trim before its terminator is left to the scan.
    std::uint32_t stop(std::size_t s) const { return s == 0 ? 0 : marks_[terminators_[s]]; }
    std::size_t terminatorCount() const { return terminator_count_; }
    /// True when a CR or LF lies in [from, to) (offsets from windowBegin(), to <= the
    /// window's length, from < to).
    bool lineBreakIn(std::uint32_t from, std::uint32_t to) const {
        if (to - from > 64) return lineBreakInLong(from, to);
        const std::uint32_t block = from >> 6;
        const std::uint32_t shift = from & 63u;
        const std::uint64_t bits =
            (line_breaks_[block] >> shift) | ((line_breaks_[block + 1] << 1) << (63u - shift));
        const std::uint32_t length = to - from;
        const std::uint64_t range = length >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << length) - 1;
        return (bits & range) != 0;
    }

    /// True when every CR or LF of the window follows a terminator directly ("~\n") or
    /// follows such a line break ("~\r\n"): then a segment that starts after the CR, LF
    /// and other filler following its previous terminator holds none (when CR and LF
    /// are not delimiters), and lineBreakIn() need not be asked.
    bool breaksBetweenSegments() const { return breaks_between_; }
    /// True when no byte up to ' ' (space, tab, CR, LF and the control bytes) lies right
    /// before a terminator of the window, so no segment has whitespace to trim.
    bool noSpaceBeforeTerminator() const { return no_space_before_terminator_; }

    /// The window, as offsets in the data it was built over.
    std::size_t windowBegin() const { return begin_; }
    std::size_t windowEnd() const { return end_; }
    bool valid() const { return valid_; }
    void invalidate() { valid_ = false; }
    /// Bytes held by the tables.
    static constexpr std::size_t memoryFootprint() {
        return 2 * (kWindow + kScratch) * sizeof(std::uint32_t) + (kBlocks + 2) * sizeof(std::uint64_t);
    }

    /// The next terminator the reader looks at, 1-based.
    std::size_t cursor = 1;
    /// Where the reader stood after its last cut from this index (data offset): when it
    /// stands there again, nothing was read in between and `cursor` is exact.
    std::size_t resume = SIZE_MAX;

private:
    friend struct BlockIndexBuilder;
    bool lineBreakInLong(std::uint32_t from, std::uint32_t to) const;

    std::unique_ptr<std::uint32_t[]> marks_;
    std::unique_ptr<std::uint32_t[]> terminators_;
    std::unique_ptr<std::uint64_t[]> line_breaks_;  // bit i of entry b: byte 64 b + i
    std::size_t mark_count_ = 0;
    std::size_t terminator_count_ = 0;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool valid_ = false;
    bool breaks_between_ = false;
    bool no_space_before_terminator_ = false;
};

/// Indexes data[begin, min(begin + kWindow, size)) into `index` (never reads
/// data[size] or beyond) and resets its cursor.
using IndexFunction = void (*)(const char* data, std::size_t begin, std::size_t size, char element,
                               char terminator, BlockIndex& index);

/// The IndexFunction of `wanted` when this CPU has it, else of the best kernel below it
/// (AVX-512 > AVX2 > SSE2 > scalar). Every kernel gives identical indexes.
IndexFunction indexFunction(SimdKernel wanted);

}  // namespace crossdock::edi::x12::detail
