#pragma once

// Building positioned issues for the 850 map (private to edi/src/maps).

#include <cstddef>
#include <string>
#include <string_view>

#include "crossdock/edi/x12/envelope.h"
#include "crossdock/edi/x12/issue.h"
#include "crossdock/edi/x12/segment.h"

namespace crossdock::edi::maps::detail {

/// The envelope part of a Location, copied into every issue of one transaction set.
struct IssueContext {
    x12::Location envelope;  ///< interchange, ISA13, GS01, GS06, ST01, ST02 filled

    void reset(const x12::InterchangeInfo& interchange, const x12::GroupInfo& group,
               const x12::TransactionInfo& transaction);

    /// The Location of element `element` (0 = whole segment) of `segment` at
    /// `position` in the set; bad_value is the element text (at most 99 bytes).
    x12::Location at(const x12::Segment& segment, std::size_t position, std::size_t element,
                     std::string_view reference) const;
    /// A Location for a segment that is missing: expected before position `position`.
    x12::Location missing(std::string_view segment_id, std::size_t position) const;
};

/// An element-scope error at `location`.
x12::Issue elementError(x12::Location location, x12::ElementCode code, std::string message);
/// A segment-scope error at `location`.
x12::Issue segmentError(x12::Location location, x12::SegmentCode code, std::string message);

}  // namespace crossdock::edi::maps::detail
