#pragma once

// Acknowledgements of an inbound interchange: TA1 (interchange level), 997 for
// groups before 005010 and 999 for 005010 and later, built from the parser's and the
// 850 map's issues (inbound.h). Pure: values in, bytes out.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "crossdock/core/result.h"
#include "crossdock/edi/maps/inbound.h"
#include "crossdock/edi/maps/profile.h"
#include "crossdock/edi/x12/envelope.h"
#include "crossdock/edi/x12/issue.h"

namespace crossdock::edi::maps {

/// Whether an interchange gets a TA1 and what it says.
struct Ta1Decision {
    bool needed = false;        ///< ISA14 = 1, or any interchange-scoped error
    char acknowledgment = 'A';  ///< TA104: A accepted, E accepted with errors (warnings), R rejected
    x12::InterchangeCode note = x12::InterchangeCode::NoError;  ///< TA105 (first error, else first warning)
};

/// The TA1 decision for `interchange`: R with the first interchange-scoped error's
/// code when there is one; else E with the first warning's code; else A with 000.
/// `needed` as documented above.
Ta1Decision decideTa1(const InboundInterchange& interchange);

/// A TA1 answering the interchange `inbound` (TA101 its ISA13, TA102/TA103 its ISA09
/// and ISA10), alone in an interchange of its own (ISA, TA1, IEA with IEA01 = 0)
/// addressed by `envelope` (ISA12 from envelope.version). For a duplicate detected
/// from history the pipeline passes acknowledgment 'R' and DuplicateControlNumber.
/// InvalidArgument when an envelope value does not fit.
core::Result<std::string> writeTa1(const x12::InterchangeInfo& inbound, char acknowledgment,
                                   x12::InterchangeCode note, const OutboundEnvelope& envelope);

/// AK4 / IK4: one element error.
struct AckElementError {
    std::size_t element = 0;     ///< AK401-1 / IK401-1
    std::size_t component = 0;   ///< AK401-2 / IK401-2 (0 = not written)
    std::size_t repetition = 0;  ///< IK401-3 (999 only; 0 = not written)
    std::string reference;       ///< AK402 / IK402 data element number (may be empty)
    x12::ElementCode code = x12::ElementCode::MandatoryMissing;  ///< AK403 / IK403
    std::string bad_value;                                       ///< AK404 / IK404 (may be empty)
};

/// AK3 / IK3: one segment in error, with its element errors.
struct AckSegmentError {
    std::string segment_id;                                       ///< AK301
    std::size_t position = 0;                                     ///< AK302: in the set, ST = 1
    x12::SegmentCode code = x12::SegmentCode::DataElementErrors;  ///< AK304 (8 when only element errors)
    std::vector<AckElementError> elements;
};

/// AK2..AK5 / AK2..IK5: one transaction set.
struct AckTransaction {
    std::string set_id;      ///< AK201 (ST01)
    std::string control;     ///< AK202 (ST02)
    std::string convention;  ///< AK203 (ST03, 999 only; may be empty)
    char status = 'A';       ///< AK501 / IK501: A accepted or R rejected (E is never written)
    std::vector<x12::TransactionCode> codes;  ///< AK502..AK506 (at most 5 written)
    std::vector<AckSegmentError> segments;
};

/// One acknowledgement set (997 or 999) for one functional group.
struct FunctionalAck {
    bool implementation = false;  ///< true: 999 (GS08 005010+), false: 997
    std::string functional_id;    ///< AK101 (GS01)
    std::string group_control;    ///< AK102 (GS06)
    std::string version;          ///< AK103 (GS08; written in 999 only)
    std::vector<AckTransaction> sets;
    char status = 'A';                  ///< AK901: A all accepted, P partially, R rejected, E (never used)
    std::size_t declared = 0;           ///< AK902: GE01 (sets included when GE is missing)
    std::size_t received = 0;           ///< AK903
    std::size_t accepted = 0;           ///< AK904
    std::vector<x12::GroupCode> codes;  ///< AK905..AK909 (at most 5 written)
};

/// The acknowledgement of one group: one AK2 loop per set (accepted ones included,
/// as AK5*A), AK3/AK4 from Segment/Element issues grouped by segment position
/// (element issues of a segment without a segment issue get AK304 = 8), AK5 R with
/// the transaction codes (or 5 "segments in error" when only segment/element errors),
/// AK9 from the group figures and codes:
/// R when no set was accepted or the group envelope is broken, P when some, A when all.
/// Warnings are not reported.
FunctionalAck buildFunctionalAck(const InboundGroup& group);

/// One FunctionalAck per group of `interchange`, except groups whose GS01 is "FA"
/// (acknowledgements are not acknowledged).
std::vector<FunctionalAck> buildFunctionalAcks(const InboundInterchange& interchange);

/// Writes `acks` as one interchange addressed by `envelope`: the 997s in one FA
/// group (GS08 "004010") and the 999s in another (GS08 "005010X231A1"); ISA12 is
/// "00501" when there is a 999, else from envelope.version. GS06 =
/// envelope.group_control then + 1; sets numbered from
/// envelope.transaction_control. InvalidArgument when `acks` is empty or a value
/// does not fit.
core::Result<std::string> writeFunctionalAcks(std::span<const FunctionalAck> acks,
                                              const OutboundEnvelope& envelope);

}  // namespace crossdock::edi::maps
