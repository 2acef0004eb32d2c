#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/edi/x12/delimiters.h"

namespace crossdock::edi::x12 {

/// Composes X12 segments with one partner's delimiters into a string.
///
/// X12 has no release (escape) character, so a value that contains a delimiter (or a
/// CR/LF) cannot be written: end() then returns InvalidArgument naming the segment
/// and element, and the whole segment is dropped. Trailing empty elements, and
/// trailing empty components of a composite, are omitted as X12 requires.
/// `line_suffix` (e.g. "\n") follows every terminator, for people reading the file.
/// Not thread-safe.
///
///     writer.begin("PO1").element("1").element("10").element("EA").composite({"A", "B"});
///     core::Status status = writer.end();
class SegmentWriter {
public:
    explicit SegmentWriter(Delimiters delimiters = {}, std::string line_suffix = {});

    /// Starts a segment (a segment begun and not ended is discarded).
    SegmentWriter& begin(std::string_view id);
    /// Appends a simple element.
    SegmentWriter& element(std::string_view value);
    /// Appends a composite element from its components.
    SegmentWriter& composite(std::span<const std::string_view> components);
    SegmentWriter& composite(std::initializer_list<std::string_view> components) {
        return composite(std::span<const std::string_view>(components.begin(), components.size()));
    }
    /// Appends a repeated element; FailedPrecondition at end() when the delimiters
    /// have no repetition separator (versions before 00402).
    SegmentWriter& repeated(std::span<const std::string_view> values);
    SegmentWriter& repeated(std::initializer_list<std::string_view> values) {
        return repeated(std::span<const std::string_view>(values.begin(), values.size()));
    }
    /// Writes the segment begun with begin(), or returns the first problem met since.
    core::Status end();
    /// begin(id), one element() per value, end().
    core::Status write(std::string_view id, std::initializer_list<std::string_view> elements);

    /// Writes an ISA exactly as given: 16 fields the caller has already padded to their
    /// fixed widths (EnvelopeBuilder does). ISA11 and ISA16 may be delimiters; no
    /// other field may contain one.
    core::Status writeIsa(const std::array<std::string, 16>& fields);

    /// Sets the repetition separator ('\0' = none): EnvelopeBuilder clears it for
    /// versions before 00402, where '^' is ordinary data.
    void setRepetition(char repetition) { delimiters_.repetition = repetition; }
    const Delimiters& delimiters() const { return delimiters_; }
    /// Segments written so far.
    std::size_t segmentCount() const { return segments_; }
    /// Everything written so far.
    const std::string& text() const { return out_; }
    /// Hands over the text written so far and starts empty (the count goes on).
    std::string take();

private:
    void check(std::string_view value, bool component_allowed);
    void fail(core::ErrorCode code, std::string message);

    Delimiters delimiters_;
    std::string line_suffix_;
    std::string out_;
    std::string pending_;   // the segment being composed
    std::size_t kept_ = 0;  // length of pending_ up to its last non-empty element
    std::string id_;
    std::size_t position_ = 0;  // elements appended to pending_
    bool open_ = false;
    core::Status problem_;
    std::size_t segments_ = 0;
};

}  // namespace crossdock::edi::x12
