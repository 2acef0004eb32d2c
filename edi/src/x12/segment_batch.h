#pragma once

// SegmentReader::advanceMany(): the reader's hot loop, with the window's index and the
// reader's position held in locals (registers) instead of reloaded through members for
// every segment. It cuts exactly the segments SegmentReader::cutIndexed() cuts, with
// the same rules, and leaves everything else to advance(). Included by the library's
// sources only. One function longer than STYLE's 40 lines on purpose: it is the parse's
// hot loop, and the variants measured (cutting a batch in a function of its own, then
// calling the handler for each) were 10 % slower (docs/edi-x12.md "Performance").

#include <cstddef>
#include <cstdint>

#include "crossdock/edi/x12/segment_reader.h"
#include "x12/block_index.h"

namespace crossdock::edi::x12 {

template <typename Accept, typename Visit>
bool SegmentReader::advanceMany(Segment& segment, Accept&& accept, Visit&& visit) {
    detail::BlockIndex& index = *index_;
    if (!index.valid() || pos_ != index.resume) return false;  // the last segment was not cut from it
    const char* const data = data_;
    const std::size_t size = size_;
    const std::uint32_t* const terminators = index.terminators();
    const std::uint32_t* const marks = index.marks();
    std::size_t window = index.windowBegin();
    std::size_t count = index.terminatorCount();
    std::size_t s = index.cursor;
    std::size_t pos = pos_;
    std::size_t ordinal = segment_index_;
    bool refused = false;
    const bool breaks_are_filler =
        filler_[static_cast<unsigned char>('\r')] && filler_[static_cast<unsigned char>('\n')];
    // Whether segments need the per-segment line break or whitespace test: most windows
    // answer both for all their segments at once (one branch per segment).
    bool check_breaks = !(breaks_are_filler && index.breaksBetweenSegments());
    bool check_trim = !index.noSpaceBeforeTerminator();
    bool check_any = check_breaks || check_trim;
    segment.delimiters_ = &delimiters_;
    segment.terminated_ = true;
    segment.repaired_ = false;
    for (;;) {
        std::size_t at = pos;
        while (at < size && filler_[static_cast<unsigned char>(data[at])]) ++at;
        if (at + 4 > size || data[at] == 'I') break;  // an ISA (or IEA) or the end: advance()
        if (s > count) {                              // the window is used up: index from here
            if (window == at) break;                  // no terminator within a whole window
            indexFrom(at);
            window = at;
            count = index.terminatorCount();
            s = 1;
            pos = at;  // the state advance() finds if we stop before cutting
            check_breaks = !(breaks_are_filler && index.breaksBetweenSegments());
            check_trim = !index.noSpaceBeforeTerminator();
            check_any = check_breaks || check_trim;
            if (count == 0) break;
        }
        const auto rel = static_cast<std::uint32_t>(at - window);
        const std::uint32_t last = terminators[s];
        const std::uint32_t stop = marks[last];
        if (stop == rel || stop - rel > options_.max_segment_size) break;
        if (check_any) [[unlikely]] {
            if (check_breaks && index.lineBreakIn(rel, stop)) break;
            if (check_trim && trailing_[static_cast<unsigned char>(data[window + stop - 1])])
                break;  // to trim
        }
        const char* const base = data + window;
        const std::uint32_t first = terminators[s - 1] + 1;
        segment.base_ = base;
        segment.start_ = rel;
        segment.ends_ = marks + first;
        segment.count_ = last - first + 1;
        segment.offset_ = file_base_ + at;
        segment.index_ = ++ordinal;
        pos = window + stop + 1;
        ++s;
        if (!accept(std::string_view(base + rel, marks[first] - rel))) {
            refused = true;
            break;
        }
        visit(static_cast<const Segment&>(segment));
    }
    pos_ = pos;
    index.cursor = s;
    index.resume = pos;
    segment_index_ = ordinal;
    return refused;
}

}  // namespace crossdock::edi::x12
