#pragma once

// SegmentReader::advanceMany(): the reader's hot loop, with the window's index and the
// reader's position held in locals (registers) instead of reloaded through members for
// every segment. It cuts exactly the segments SegmentReader::cutIndexed() cuts, with
// the same rules, and leaves everything else to advance(). Per segment it does only what
// the window does not answer for all its segments at once: the tests of indexedCutOk()
// run only in windows that need them, Segment::base_ and base_offset_ are set once per
// window. Included by the library's sources only. One function longer than STYLE's 40
// lines on purpose: it is the parse's hot loop, and the variants measured (cutting a batch
// of segments first, then calling the handler for each: twice, in two passes) were 10-15 %
// slower (docs/edi-x12.md "Performance").

#include <cstddef>
#include <cstdint>

#include "crossdock/edi/x12/segment_reader.h"
#include "x12/block_index.h"

namespace crossdock::edi::x12 {

// Whether the segment at `rel` (from the window's start) whose terminator is at `stop` can
// be cut from the index: it is within the size cap, holds no CR or LF, and has no
// whitespace to trim before its terminator. The window's answers for all its segments
// (BlockIndex::breaksBetweenSegments(), noSpaceBeforeTerminator()) spare the tests.
inline bool SegmentReader::indexedCutOk(std::uint32_t rel, std::uint32_t stop) const {
    const detail::BlockIndex& index = *index_;
    if (stop - rel > options_.max_segment_size) return false;
    const bool breaks_are_filler =
        filler_[static_cast<unsigned char>('\r')] && filler_[static_cast<unsigned char>('\n')];
    if (!(breaks_are_filler && index.breaksBetweenSegments()) && index.lineBreakIn(rel, stop)) return false;
    return index.noSpaceBeforeTerminator() ||
           !trailing_[static_cast<unsigned char>(data_[index.windowBegin() + stop - 1])];
}

template <typename Accept, typename Visit>
bool SegmentReader::advanceMany(Segment& segment, Accept&& accept, Visit&& visit) {
    detail::BlockIndex& index = *index_;
    if (!index.valid() || pos_ != index.resume) return false;  // the last segment was not cut from it
    if (size_ < 4) return false;                               // advance() reads the end
    const char* const data = data_;
    const char* const last_start = data + size_ - 4;  // a segment starting past it is left to advance()
    const std::uint32_t* const marks = index.marks();
    const std::uint32_t* const terminators = index.terminators();
    const std::uint32_t* t = terminators + index.cursor;  // the next terminator to cut at
    const std::uint32_t* t_end = terminators + index.terminatorCount() + 1;
    const char* base = data + index.windowBegin();
    const char* p = data + pos_;
    std::size_t ordinal = segment_index_;
    bool refused = false;
    const bool breaks_are_filler =
        filler_[static_cast<unsigned char>('\r')] && filler_[static_cast<unsigned char>('\n')];
    // A segment within a window is shorter than the window: the size cap only matters when
    // it is smaller than that.
    const bool check_size = options_.max_segment_size < detail::BlockIndex::kWindow;
    // Whether segments need the per-segment size, line break or whitespace test: most
    // windows answer all of them for all their segments at once (one branch per segment).
    bool check_any = check_size || !(breaks_are_filler && index.breaksBetweenSegments()) ||
                     !index.noSpaceBeforeTerminator();
    segment.delimiters_ = &delimiters_;
    segment.terminated_ = true;
    segment.repaired_ = false;
    segment.base_ = base;
    segment.base_offset_ = file_base_ + static_cast<std::size_t>(base - data);
    for (;;) {
        const char* at = p;
        if (t != t_end) [[likely]] {
            // A terminator of the window lies ahead, and no terminator is filler: no bound needed.
            while (filler_[static_cast<unsigned char>(*at)]) ++at;
            if (at > last_start || *at == 'I') break;  // an ISA (or IEA) or the end: advance()
        } else {                                       // the window is used up: index from here
            const char* const end = last_start + 4;
            while (at < end && filler_[static_cast<unsigned char>(*at)]) ++at;
            if (at > last_start || *at == 'I' || at == base) break;  // at == base: no terminator in a window
            indexFrom(static_cast<std::size_t>(at - data));
            base = at;
            t = terminators + 1;
            t_end = terminators + index.terminatorCount() + 1;
            p = at;  // the state advance() finds if we stop before cutting
            segment.base_ = base;
            segment.base_offset_ = file_base_ + static_cast<std::size_t>(base - data);
            check_any = check_size || !(breaks_are_filler && index.breaksBetweenSegments()) ||
                        !index.noSpaceBeforeTerminator();
            if (t == t_end) break;
        }
        const auto rel = static_cast<std::uint32_t>(at - base);
        const std::uint32_t last = *t;
        const std::uint32_t stop = marks[last];
        if (stop == rel) break;  // an empty segment
        if (check_any) [[unlikely]] {
            if (!indexedCutOkOutOfLine(rel, stop)) break;
        }
        const std::uint32_t first = t[-1] + 1;
        segment.start_ = rel;
        segment.ends_ = marks + first;
        segment.count_ = last - first + 1;
        segment.index_ = ++ordinal;
        p = base + stop + 1;
        ++t;
        if (!accept(std::string_view(at, marks[first] - rel))) {
            refused = true;
            break;
        }
        visit(static_cast<const Segment&>(segment));
    }
    pos_ = static_cast<std::size_t>(p - data);
    index.cursor = static_cast<std::size_t>(t - terminators);
    index.resume = pos_;
    segment_index_ = ordinal;
    return refused;
}

}  // namespace crossdock::edi::x12
