#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>

#include "crossdock/edi/x12/interchange_parser.h"
#include "x12/control_number_set.h"
#include "x12/envelope_checks.h"

namespace crossdock::edi::x12::detail {

/// One walk of InterchangeParser over one input: the envelope state machine.
///
/// Levels nest Outside > Interchange > Group > Transaction. A header of an outer level
/// (or the end of the input) closes the inner levels that are still open, each with
/// its "trailer missing" code; a segment that belongs to no open level is reported and
/// skipped.
class ParserRun final : public IssueSink {
public:
    ParserRun(EnvelopeHandler& handler, const ParseOptions& options, SegmentReader& reader);
    ParseSummary run();
    void add(Issue issue) override;

private:
    enum class Level { Outside, Interchange, Group, Transaction };

    bool bodyRun(Segment& segment);
    void onOtherSegment(const Segment& segment);
    void dispatch(const Segment& segment);
    void onInterchangeLevel(const Segment& segment);
    void onGroupLevel(const Segment& segment);
    void onTransactionLevel(const Segment& segment);
    void startInterchange(const Segment& isa);
    void startGroup(const Segment& gs);
    void startTransaction(const Segment& st);
    void endTransaction(const Segment* se);
    void endGroup(const Segment* ge);
    void endInterchange(const Segment* iea);
    void closeOpen(const Segment* cause, InterchangeCode interchange_code);
    void stray(const Segment& segment, InterchangeCode code, std::string message);
    Issue missing(const Segment* cause, AckCode code, std::string message) const;

    EnvelopeHandler& handler_;
    const ParseOptions& options_;
    SegmentReader& reader_;
    ParseSummary summary_;
    Level level_ = Level::Outside;
    bool skip_transaction_ = false;  // inside an ST that has no group

    InterchangeInfo interchange_;
    InterchangeResult interchange_result_;
    GroupInfo group_;
    GroupResult group_result_;
    TransactionInfo transaction_;
    TransactionResult transaction_result_;

    std::unordered_set<std::string> interchange_controls_;  // sender, receiver, ISA13 in this input
    ControlNumberSet group_controls_;                       // GS06 in this interchange
    ControlNumberSet transaction_controls_;                 // ST02 in this group
};

}  // namespace crossdock::edi::x12::detail
