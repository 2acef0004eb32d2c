#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/edi/x12/segment_writer.h"

namespace crossdock::edi::x12 {

/// The values of an outbound ISA; EnvelopeBuilder pads them to their fixed widths.
struct InterchangeHeader {
    std::string authorization_qualifier = "00";  ///< ISA01
    std::string authorization;                   ///< ISA02, at most 10 characters
    std::string security_qualifier = "00";       ///< ISA03
    std::string security;                        ///< ISA04, at most 10 characters
    std::string sender_qualifier = "ZZ";         ///< ISA05
    std::string sender_id;                       ///< ISA06, 1-15 characters
    std::string receiver_qualifier = "ZZ";       ///< ISA07
    std::string receiver_id;                     ///< ISA08, 1-15 characters
    std::string date;                            ///< CCYYMMDD; ISA09 gets YYMMDD
    std::string time;                            ///< HHMM (ISA10)
    std::string version = "00501";               ///< ISA12; from 00402 ISA11 is the repetition separator
    std::uint32_t control_number = 1;            ///< ISA13: 1..999999999, written as 9 digits
    bool ack_requested = false;                  ///< ISA14
    char usage = 'P';                            ///< ISA15: P, T or I
};

/// The values of an outbound GS.
struct GroupHeader {
    std::string functional_id;         ///< GS01 ("FA", "PR", "SH", "IN")
    std::string sender;                ///< GS02
    std::string receiver;              ///< GS03
    std::string date;                  ///< GS04 CCYYMMDD
    std::string time;                  ///< GS05 HHMM[SS]
    std::uint32_t control_number = 1;  ///< GS06: 1..999999999
    std::string agency = "X";          ///< GS07
    std::string version = "005010";    ///< GS08 ("004010", "005010X231A1")
};

/// Writes the envelopes around the segments of a SegmentWriter and fills in their
/// counts: SE01 (segments from ST to SE), GE01 (sets in the group), IEA01 (groups),
/// and the matching trailer control numbers. Body segments go straight to the writer
/// between beginTransaction() and endTransaction().
/// Errors: InvalidArgument for a header value that does not fit its element;
/// FailedPrecondition for envelopes out of order (an ST outside a GS, an IEA with a
/// set still open). Not thread-safe.
class EnvelopeBuilder {
public:
    explicit EnvelopeBuilder(SegmentWriter& writer) : writer_(writer) {}

    /// Writes the ISA, fixed-width: ISA02/04 padded to 10, ISA06/08 to 15, ISA13 as 9
    /// digits; ISA11 is the writer's repetition separator from version 00402 on, else
    /// 'U' (and the writer's repetition separator is cleared); ISA16 its component one.
    core::Status beginInterchange(const InterchangeHeader& header);
    core::Status beginGroup(const GroupHeader& header);
    /// Writes ST*set_id*control_number[*convention].
    core::Status beginTransaction(std::string_view set_id, std::string_view control_number,
                                  std::string_view convention = {});
    core::Status endTransaction();
    core::Status endGroup();
    core::Status endInterchange();

private:
    enum class Level { Outside, Interchange, Group, Transaction };
    core::Status expect(Level level, std::string_view what) const;

    SegmentWriter& writer_;
    Level level_ = Level::Outside;
    std::string interchange_control_;
    std::string group_control_;
    std::string transaction_control_;
    std::size_t groups_ = 0;
    std::size_t transactions_ = 0;
    std::size_t st_at_ = 0;  // writer's segment count before the ST
};

}  // namespace crossdock::edi::x12
