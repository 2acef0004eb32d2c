#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "crossdock/edi/x12/byte_source.h"
#include "crossdock/edi/x12/envelope.h"
#include "crossdock/edi/x12/issue.h"
#include "crossdock/edi/x12/segment.h"
#include "crossdock/edi/x12/segment_reader.h"

namespace crossdock::edi::x12 {

/// Receives the structure of the input as InterchangeParser walks it, in input order.
/// Every Start has its End, also when the trailer is missing (then `trailer` is null)
/// or the input is cut. Segment references are valid during the call only. Issues
/// arrive through onIssue() before the End of what they concern. Default
/// implementations ignore the event. An exception thrown by a handler stops the parse
/// and propagates.
class EnvelopeHandler {
public:
    virtual ~EnvelopeHandler() = default;
    virtual void onInterchangeStart(const InterchangeInfo& /*info*/, const Segment& /*isa*/) {}
    virtual void onGroupStart(const GroupInfo& /*info*/, const Segment& /*gs*/) {}
    virtual void onTransactionStart(const TransactionInfo& /*info*/, const Segment& /*st*/) {}
    /// A segment between ST and SE; `position` is its number in the set (ST = 1).
    virtual void onSegment(const Segment& /*segment*/, std::size_t /*position*/) {}
    virtual void onTransactionEnd(const TransactionInfo& /*info*/, const Segment* /*se*/,
                                  const TransactionResult& /*result*/) {}
    virtual void onGroupEnd(const GroupInfo& /*info*/, const Segment* /*ge*/, const GroupResult& /*result*/) {
    }
    virtual void onInterchangeEnd(const InterchangeInfo& /*info*/, const Segment* /*iea*/,
                                  const InterchangeResult& /*result*/) {}
    virtual void onIssue(const Issue& /*issue*/) {}
};

/// Options of an envelope parse. Defaults are the lenient reading documented in
/// docs/edi-x12.md.
struct ParseOptions {
    ReaderOptions reader;
    /// When true, an ISA field of the wrong width (ISA not fixed-width) is an error;
    /// by default it is a warning and the trimmed value is used.
    bool strict_isa_width = false;
    /// At most this many issues are kept in ParseSummary::issues (all reach the handler).
    std::size_t max_issues = 1000;
};

/// What a parse saw. `ok()` when no error (warnings allowed).
struct ParseSummary {
    std::size_t interchanges = 0;
    std::size_t groups = 0;
    std::size_t transactions = 0;
    std::size_t segments = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    bool fatal = false;           ///< reading stopped early (unreadable ISA, oversized segment)
    std::uint64_t bytes = 0;      ///< input bytes consumed
    std::size_t peak_memory = 0;  ///< largest reader buffer + index, in bytes
    std::vector<Issue> issues;    ///< the first ParseOptions::max_issues issues
    bool issues_truncated = false;

    bool ok() const { return errors == 0; }
};

/// Walks every interchange of an input: checks the ISA/IEA, GS/GE and ST/SE envelopes
/// (counts, control numbers, nesting, element syntax of the envelope segments) and
/// reports structure and issues to an EnvelopeHandler. Knows nothing of what the
/// transaction sets mean. Expected problems become Issues and the walk goes on to
/// find the next; only an unreadable input stops it (ParseSummary::fatal).
/// Exceptions: those of the ByteSource and of the handler. One parser per thread.
class InterchangeParser {
public:
    explicit InterchangeParser(EnvelopeHandler& handler, ParseOptions options = {});

    /// Parses a streamed input in bounded memory.
    ParseSummary parse(ByteSource& source);
    /// Parses a document already in memory, without copying it.
    ParseSummary parse(std::string_view bytes);

private:
    ParseSummary run(SegmentReader& reader);

    EnvelopeHandler& handler_;
    ParseOptions options_;
};

}  // namespace crossdock::edi::x12
