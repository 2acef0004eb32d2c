#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "crossdock/edi/x12/delimiters.h"

namespace crossdock::edi::x12 {

/// The parts of one element split on one separator: the components of a composite or
/// the repetitions of a repeating element. A view: valid as long as the text it
/// splits. A separator of '\0' (the interchange has none) never splits, so there is
/// always at least one piece ("" gives one empty piece).
class Pieces {
public:
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::string_view*;
        using reference = std::string_view;

        Iterator() = default;
        std::string_view operator*() const { return piece_; }
        Iterator& operator++();
        Iterator operator++(int) {
            Iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const Iterator& a, const Iterator& b) {
            return a.done_ == b.done_ && (a.done_ || a.piece_.data() == b.piece_.data());
        }

    private:
        friend class Pieces;
        Iterator(std::string_view text, char separator);

        std::string_view piece_;
        std::string_view rest_;  // what follows piece_, separator included; empty at the last piece
        char separator_ = '\0';
        bool last_ = false;
        bool done_ = true;
    };

    Pieces(std::string_view text, char separator) : text_(text), separator_(separator) {}

    Iterator begin() const { return Iterator(text_, separator_); }
    Iterator end() const { return Iterator(); }
    /// Number of pieces (at least 1).
    std::size_t size() const;
    /// The piece at 1-based `position` (X12 counts components from 1); "" past the end.
    std::string_view at(std::size_t position) const;

private:
    std::string_view text_;
    char separator_;
};

/// One segment of an interchange, viewed in place: no copy of its bytes.
///
/// Every string_view it hands out points into the SegmentReader's buffer (or into the
/// caller's input for the in-memory reader) and stays valid only until the next call
/// to SegmentReader::next(); copy what you keep. Positions are 1-based as in X12
/// references (element(1) is BEG01); element(0) is the segment id. Filled by
/// SegmentReader; not copyable (it may own its element table), cheap to move, and
/// meant to be reused across next() calls so that reading allocates nothing.
class Segment {
public:
    Segment() = default;
    Segment(const Segment&) = delete;
    Segment& operator=(const Segment&) = delete;
    Segment(Segment&&) noexcept = default;  // a moved vector keeps its buffer: ends_ stays valid
    Segment& operator=(Segment&&) noexcept = default;
    ~Segment() = default;

    /// The segment id ("ISA", "PO1").
    std::string_view id() const { return element(0); }
    /// Number of elements after the id, as written (an empty element in the middle or
    /// at the end counts: "REF*ZZ*" has 2).
    std::size_t elementCount() const {
        if (count_ == 0) __builtin_unreachable();  // lets a loop up to it skip element()'s bound check
        return count_ - 1;
    }
    /// The element at 1-based `position` as written, components and repetitions
    /// included; "" past the last element (X12 omits trailing empty elements).
    std::string_view element(std::size_t position) const {
        if (position > elementCount()) return {};  // the loop bound of callers: folded away
        const std::uint32_t first = position == 0 ? start_ : ends_[position - 1] + 1;
        return {base_ + first, ends_[position] - first};
    }
    /// The components of an element (split on the component separator).
    Pieces components(std::size_t position) const { return {element(position), delimiters_->component}; }
    /// The repetitions of an element (split on the repetition separator; one piece when
    /// the interchange has none).
    Pieces repetitions(std::size_t position) const { return {element(position), delimiters_->repetition}; }
    /// Component `component` (1-based) of element `position`; "" when absent.
    std::string_view component(std::size_t position, std::size_t component) const {
        return components(position).at(component);
    }

    /// The whole segment without its terminator and without the whitespace trimmed
    /// before it.
    std::string_view text() const { return {base_ + start_, ends_[count_ - 1] - start_}; }
    /// Byte offset of the segment's first byte in the input (a BOM counts).
    std::uint64_t byteOffset() const { return base_offset_ + start_; }
    /// Byte offset of the first byte of element `position` (approximate after a repair).
    std::uint64_t elementOffset(std::size_t position) const;
    /// 1-based ordinal of the segment in the input.
    std::size_t index() const { return index_; }
    const Delimiters& delimiters() const { return *delimiters_; }
    /// False for a last segment that the end of the input cut before its terminator.
    bool terminated() const { return terminated_; }
    /// True when line breaks inside the segment (hard-wrapped files) were removed.
    bool repaired() const { return repaired_; }

private:
    friend class SegmentReader;

    static constexpr Delimiters kNoDelimiters{'\0', '\0', '\0', '\0'};
    static constexpr std::uint32_t kNoEnds[1] = {0};  // an empty id: a default Segment

    const char* base_ = "";
    const std::uint32_t* ends_ = kNoEnds;  // ends_[k]: offset from base_ just past element k
    std::uint32_t start_ = 0;              // offset from base_ of the id's first byte
    std::uint32_t count_ = 1;              // entries in ends_: the id plus the elements; never 0
    const Delimiters* delimiters_ = &kNoDelimiters;
    std::uint64_t base_offset_ = 0;  // input offset of base_[0] (of the segment's first byte for a copy)
    std::size_t index_ = 0;
    bool terminated_ = true;
    bool repaired_ = false;
    std::vector<std::uint32_t> own_ends_;  // the element table when the reader built a copy
};

}  // namespace crossdock::edi::x12
