#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/edi/x12/byte_source.h"
#include "crossdock/edi/x12/delimiters.h"
#include "crossdock/edi/x12/issue.h"
#include "crossdock/edi/x12/segment.h"

namespace crossdock::edi::x12 {

namespace detail {
class ElementEnds;
struct SegmentScan;
using ScanFunction = SegmentScan (*)(const char*, std::size_t, std::size_t, std::size_t, char, char,
                                     ElementEnds&);
class BlockIndex;
using IndexFunction = void (*)(const char*, std::size_t, std::size_t, char, char, BlockIndex&);
}  // namespace detail

/// The instruction set the reader finds delimiters with. Every kernel gives identical
/// results; Best picks the fastest this CPU has (a kernel the CPU lacks falls back to
/// the next one down). For tests and benchmarks.
enum class SimdKernel { Best, Avx512, Avx2, Sse2, Scalar };

/// Limits of a SegmentReader.
struct ReaderOptions {
    /// Initial size of the streaming buffer (at least 4 KiB is used).
    std::size_t buffer_size = 64 * 1024;
    /// Hard cap on one segment: the buffer grows for a segment longer than itself, up
    /// to this size; a longer segment is an error (TA1 024).
    std::size_t max_segment_size = 1024 * 1024;
    /// How delimiters are found (SimdKernel).
    SimdKernel kernel = SimdKernel::Best;
    /// Cut ordinary segments from a block index of the next 4 KiB (docs/edi-x12.md
    /// "Speed"). False scans every segment on its own: the same results, slower; the
    /// reference the tests compare the index with.
    bool block_index = true;
};

/// Splits X12 input into segments, one at a time, without copying them.
///
/// Delimiters come from each ISA header (so several interchanges with different
/// delimiters may follow each other). Reading rules (docs/edi-x12.md):
/// - a UTF-8 BOM at the very start is skipped;
/// - between segments, CR, LF, space, tab, NUL and Ctrl-Z are filler (unless one of
///   them is a delimiter): CR/LF after each terminator, indented segments;
/// - whitespace right before a terminator is not data and is trimmed;
/// - when the terminator is not CR or LF, CR and LF inside a segment are line
///   wrapping and are removed (Segment::repaired());
/// - a segment starts a new interchange only when it begins with "ISA" followed by a
///   non-alphanumeric byte, so "ISA" inside an element never does.
///
/// Streaming: memory is the buffer (ReaderOptions::buffer_size, grown only for one
/// huge segment up to max_segment_size) plus the element table of one segment; it
/// does not grow with the input. In memory: the caller's bytes are read in place.
/// Not thread-safe; the source or bytes must outlive the reader.
class SegmentReader {
public:
    explicit SegmentReader(ByteSource& source, ReaderOptions options = {});
    explicit SegmentReader(std::string_view bytes, ReaderOptions options = {});
    /// Views into a temporary would dangle: keep the bytes in a variable.
    SegmentReader(std::string&& bytes, ReaderOptions options = {}) = delete;
    ~SegmentReader();
    SegmentReader(const SegmentReader&) = delete;
    SegmentReader& operator=(const SegmentReader&) = delete;

    /// Reads the next segment into `segment` (its views are valid until the next call).
    /// Returns true for a segment, false at the end of the input, or an error
    /// (InvalidArgument) when the input cannot be split any further: no ISA at the
    /// start, an unreadable ISA, invalid delimiters, a segment over the size cap.
    /// After an error, failure() has the positioned Issue and every call fails again.
    /// Source exceptions propagate.
    core::Result<bool> next(Segment& segment);
    /// next() without the Result, for hot loops: true for a segment, false at the end
    /// or on an error (then failed() is true and failure() says why).
    bool advance(Segment& segment);
    /// The batch form of advance() for the parser's hot loop (defined in the private
    /// x12/segment_batch.h, so only the library instantiates it): right after an
    /// advance() that cut its segment from the block index, cuts the following ordinary
    /// segments from the same index and calls `visit(segment)` for each whose id
    /// `accept(id)` takes. Returns true when `accept` refused one (it is in `segment`,
    /// read, and the caller handles it as if advance() had returned it); false when the
    /// next segment is not an ordinary one (an ISA or IEA, an empty segment, a line
    /// break or whitespace to repair, the end of the buffered data): the caller goes on
    /// with advance(), which reads it exactly as before.
    template <typename Accept, typename Visit>
    bool advanceMany(Segment& segment, Accept&& accept, Visit&& visit);
    /// True once reading has failed.
    bool failed() const { return failed_; }

    /// The delimiters of the current interchange (defaults before the first ISA).
    const Delimiters& delimiters() const { return delimiters_; }
    /// Number of segments returned so far (the index of the last one).
    std::size_t segmentIndex() const { return segment_index_; }
    /// Input bytes consumed so far.
    std::uint64_t bytesConsumed() const { return file_base_ + pos_; }
    /// Bytes held now for the buffer and the index (0 buffer bytes in memory mode).
    std::size_t memoryFootprint() const;
    /// The largest memoryFootprint() seen.
    std::size_t peakMemoryFootprint() const { return peak_memory_; }
    /// The issue behind the last error of next().
    const Issue& failure() const { return failure_; }

private:
    enum class Step { Done, NeedMore, Failed };

    bool cutIndexed(Segment& segment, std::size_t at);
    // Whether the segment from `rel` to the terminator at `stop` (window offsets) may be cut
    // from the index (defined in x12/segment_batch.h); the second, out of line, for the
    // batch loop's rare windows that need the per-segment tests.
    bool indexedCutOk(std::uint32_t rel, std::uint32_t stop) const;
    bool indexedCutOkOutOfLine(std::uint32_t rel, std::uint32_t stop) const;
    void indexFrom(std::size_t at);
    std::size_t findTerminator(std::size_t at) const;
    bool advanceSlowly(Segment& segment);
    bool fill();
    bool looksLikeIsa(std::size_t at) const;
    Step readIsa(Segment& segment);
    Step scanSegment(Segment& segment);
    Step lineBreakSegment(Segment& segment, std::size_t begin, std::size_t line_break,
                          std::size_t separators);
    void viewInPlace(Segment& segment, std::size_t begin, std::size_t stop, std::size_t separators);
    Step failOversized(std::size_t begin);
    void finishCut(Segment& segment);
    void buildCopy(Segment& segment, std::size_t begin, std::size_t end, bool trim);
    void emit(Segment& segment, std::size_t begin, bool terminated, bool repaired);
    void setDelimiters(const Delimiters& delimiters);
    core::Error fail(Issue issue);
    void notePeak();

    ByteSource* source_ = nullptr;
    ReaderOptions options_;
    std::unique_ptr<char[]> buffer_;  // streaming mode only
    std::size_t capacity_ = 0;
    const char* data_ = nullptr;   // the bytes: buffer_ or the caller's input
    std::size_t size_ = 0;         // valid bytes at data_
    std::size_t pos_ = 0;          // next unread byte
    std::uint64_t file_base_ = 0;  // input offset of data_[0]
    bool eof_ = false;
    bool have_isa_ = false;
    bool failed_ = false;
    Delimiters delimiters_;
    bool filler_[256] = {};    // skipped between segments
    bool trailing_[256] = {};  // trimmed before a terminator
    detail::ScanFunction scan_ = nullptr;
    std::unique_ptr<detail::ElementEnds> ends_;  // the element table of the last segment
    detail::IndexFunction index_function_ = nullptr;
    std::unique_ptr<detail::BlockIndex> index_;  // separators and terminators of a window of data_
    std::string copy_;                           // a segment rebuilt without line breaks
    std::size_t segment_index_ = 0;
    std::size_t peak_memory_ = 0;
    Issue failure_;
};

}  // namespace crossdock::edi::x12
