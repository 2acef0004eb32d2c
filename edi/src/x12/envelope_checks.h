#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "crossdock/edi/x12/envelope.h"
#include "crossdock/edi/x12/issue.h"
#include "crossdock/edi/x12/segment.h"

namespace crossdock::edi::x12::detail {

/// Where envelope checks put what they find.
class IssueSink {
public:
    virtual ~IssueSink() = default;
    virtual void add(Issue issue) = 0;
};

/// An issue about element `element` of `segment` (0 = the segment), positioned, with
/// its data element reference and a copy of the bad value. `transaction_segment` is
/// the segment's number within its set (0 outside one).
Issue elementIssue(const Segment& segment, std::size_t element, AckCode code, ElementCode detail,
                   std::string message, Severity severity = Severity::Error,
                   std::size_t transaction_segment = 0);

/// Element syntax of an ISA: content errors, fixed widths (warnings unless `strict`),
/// ISA11 as 'U' or a usable repetition separator, a present ISA16.
void checkIsa(const Segment& isa, bool strict, IssueSink& sink);
/// The ISA's values, padding trimmed.
InterchangeInfo readIsa(const Segment& isa);

/// Element syntax of a GS; `isa_version` decides whether GS04 may be 6 digits.
void checkGs(const Segment& gs, std::string_view isa_version, IssueSink& sink);
GroupInfo readGs(const Segment& gs);

/// Element syntax of an ST (ST01 3 digits, ST02 4-9 characters, at most 3 elements).
void checkSt(const Segment& st, IssueSink& sink);

/// SE01 against the segments counted (ST and SE included), SE02 against ST02.
void checkSe(const Segment& se, std::size_t counted, const TransactionInfo& st, IssueSink& sink);
/// GE01 against the transaction sets counted, GE02 against GS06. Returns GE01's value (0 if bad).
std::size_t checkGe(const Segment& ge, std::size_t counted, const GroupInfo& gs, IssueSink& sink);
/// IEA01 against the groups counted, IEA02 against ISA13. Returns IEA01's value (0 if bad).
std::size_t checkIea(const Segment& iea, std::size_t counted, const InterchangeInfo& isa, IssueSink& sink);

/// A segment id X12 allows: 2 or 3 upper-case letters or digits, starting with a letter.
bool isValidSegmentId(std::string_view id);

}  // namespace crossdock::edi::x12::detail
