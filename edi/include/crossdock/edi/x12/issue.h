#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "crossdock/core/error.h"

namespace crossdock::edi::x12 {

/// TA1 interchange note codes (TA105, data element I18). Envelope problems of the
/// ISA/IEA level, and of a GS segment (024), are acknowledged with these.
enum class InterchangeCode : std::uint8_t {
    NoError = 0,
    ControlNumberMismatch = 1,  ///< ISA13 differs from IEA02
    StandardNotSupported = 2,
    VersionNotSupported = 3,
    InvalidSegmentTerminator = 4,
    InvalidSenderQualifier = 5,    ///< ISA05
    InvalidSenderId = 6,           ///< ISA06
    InvalidReceiverQualifier = 7,  ///< ISA07
    InvalidReceiverId = 8,         ///< ISA08
    UnknownReceiverId = 9,
    InvalidAuthorizationQualifier = 10,  ///< ISA01
    InvalidAuthorization = 11,           ///< ISA02
    InvalidSecurityQualifier = 12,       ///< ISA03
    InvalidSecurity = 13,                ///< ISA04
    InvalidDate = 14,                    ///< ISA09
    InvalidTime = 15,                    ///< ISA10
    InvalidStandardsIdentifier = 16,     ///< ISA11 (also an unusable repetition separator)
    InvalidVersion = 17,                 ///< ISA12
    InvalidControlNumber = 18,           ///< ISA13
    InvalidAckRequested = 19,            ///< ISA14
    InvalidTestIndicator = 20,           ///< ISA15
    InvalidGroupCount = 21,              ///< IEA01 missing, not numeric or not the number of groups
    InvalidControlStructure = 22,        ///< envelopes out of order: ISA before IEA, segment outside ISA/IEA
    PrematureEndOfFile = 23,             ///< the input ends inside an interchange
    InvalidContent = 24,                 ///< e.g. an invalid GS segment, a segment outside a transaction set
    DuplicateControlNumber = 25,         ///< ISA13 seen before (in this input; the pipeline checks history)
    InvalidElementSeparator = 26,
    InvalidComponentSeparator = 27,  ///< ISA16
};

/// 997/999 AK9 functional group syntax error codes (AK905..AK909, element 716).
enum class GroupCode : std::uint8_t {
    NotSupported = 1,
    VersionNotSupported = 2,
    TrailerMissing = 3,            ///< no GE before the next GS/IEA or the end
    ControlNumberMismatch = 4,     ///< GS06 differs from GE02
    TransactionCountMismatch = 5,  ///< GE01 is not the number of transaction sets
    ControlNumberSyntax = 6,       ///< GS06 is not 1-9 digits
    ControlNumberNotUnique = 19,   ///< GS06 repeats within the interchange
};

/// 997 AK5 / 999 IK5 transaction set syntax error codes (AK502.., element 718).
/// The I-codes exist in 999 only.
enum class TransactionCode : std::uint8_t {
    NotSupported = 1,
    TrailerMissing = 2,         ///< no SE before the next ST/GE/GS/IEA or the end
    ControlNumberMismatch = 3,  ///< ST02 differs from SE02
    SegmentCountMismatch = 4,   ///< SE01 is not the number of segments, ST and SE included
    SegmentsInError = 5,
    InvalidSetIdentifier = 6,             ///< ST01 is not 3 digits
    InvalidControlNumber = 7,             ///< ST02 missing or not 4-9 characters
    ControlNumberNotUnique = 23,          ///< ST02 repeats within the functional group
    ImplementationSegmentsInError = 105,  ///< "I5"
    ImplementationNotSupported = 106,     ///< "I6"
};

/// 997 AK3 / 999 IK3 segment syntax error codes (AK304 / IK304, element 720).
enum class SegmentCode : std::uint8_t {
    UnrecognizedSegmentId = 1,
    UnexpectedSegment = 2,
    MandatorySegmentMissing = 3,
    LoopOverMaximum = 4,
    SegmentOverMaximumUse = 5,
    NotInTransactionSet = 6,
    OutOfSequence = 7,
    DataElementErrors = 8,
    ImplementationNotUsedSegmentPresent = 104,           ///< "I4"
    ImplementationDependentSegmentMissing = 106,         ///< "I6"
    ImplementationLoopUnderMinimum = 107,                ///< "I7"
    ImplementationSegmentUnderMinimum = 108,             ///< "I8"
    ImplementationDependentNotUsedSegmentPresent = 109,  ///< "I9"
};

/// 997 AK4 / 999 IK4 data element syntax error codes (AK403 / IK403, element 723).
/// `None` means "no element detail".
enum class ElementCode : std::uint8_t {
    None = 0,
    MandatoryMissing = 1,
    ConditionalRequiredMissing = 2,
    TooManyElements = 3,
    TooShort = 4,
    TooLong = 5,
    InvalidCharacter = 6,
    InvalidCodeValue = 7,
    InvalidDate = 8,
    InvalidTime = 9,
    ExclusionViolated = 10,
    TooManyRepetitions = 12,
    TooManyComponents = 13,
    ImplementationCodeValueNotUsed = 106,         ///< "I6"
    ImplementationDependentMissing = 109,         ///< "I9"
    ImplementationNotUsedPresent = 110,           ///< "I10"
    ImplementationTooFewRepetitions = 111,        ///< "I11"
    ImplementationPatternMismatch = 112,          ///< "I12"
    ImplementationDependentNotUsedPresent = 113,  ///< "I13"
};

/// The code text the acknowledgement writes: "001" for TA1, "4" for AK9/AK5/AK3/AK4,
/// "I5" for the 999-only codes; "" for ElementCode::None.
std::string_view toString(InterchangeCode code);
std::string_view toString(GroupCode code);
std::string_view toString(TransactionCode code);
std::string_view toString(SegmentCode code);
std::string_view toString(ElementCode code);

/// Which acknowledgement loop an issue belongs to: Interchange → TA1, Group → AK9,
/// Transaction → AK5/IK5, Segment → AK3/IK3, Element → AK3 (code 8) + AK4/IK4.
enum class Scope : std::uint8_t { Interchange, Group, Transaction, Segment, Element };
/// "interchange", "group", "transaction", "segment", "element".
std::string_view toString(Scope scope);

/// Errors reject what they are scoped to; warnings are recorded and accepted (a
/// lenient reading the document says how it was repaired, e.g. a padded ISA field).
enum class Severity : std::uint8_t { Error, Warning };
/// "error" or "warning".
std::string_view toString(Severity severity);

/// One code of one of the five lists; its alternative says the Scope.
using AckCode = std::variant<InterchangeCode, GroupCode, TransactionCode, SegmentCode, ElementCode>;

/// Where an issue is: in the input, in its segment, and in its envelopes. Numbers are
/// 1-based; 0 means "not applicable" (element 0 = the segment as a whole).
struct Location {
    std::uint64_t byte_offset = 0;        ///< of the element (or segment) in the input
    std::size_t file_segment = 0;         ///< ordinal of the segment in the input
    std::size_t transaction_segment = 0;  ///< AK302/IK302: position within ST..SE (ST = 1)
    std::string segment_id;               ///< AK301/IK301
    std::size_t element = 0;              ///< AK401/IK401-1
    std::size_t component = 0;            ///< AK401-2/IK401-2
    std::size_t repetition = 0;           ///< IK401-3
    std::string element_reference;        ///< AK402/IK402 data element number when known ("I12")
    std::string bad_value;                ///< AK404/IK404: copy of the bad element (at most 99 bytes)
    // The envelopes around it, for the acknowledgement loops (empty when outside):
    std::size_t interchange = 0;      ///< ordinal of the interchange in the input
    std::string interchange_control;  ///< ISA13
    std::string functional_id;        ///< GS01 (AK101)
    std::string group_control;        ///< GS06 (AK102)
    std::string transaction_set_id;   ///< ST01 (AK201)
    std::string transaction_control;  ///< ST02 (AK202)
};

/// A positioned syntax problem with the code its acknowledgement will carry.
/// A plain value; `detail` refines a coarse code (TA1 024 for a bad GS04 carries
/// ElementCode::InvalidDate) and is what a 999 IK4 would say.
struct Issue {
    Severity severity = Severity::Error;
    AckCode code = InterchangeCode::InvalidContent;
    ElementCode detail = ElementCode::None;
    std::string message;
    Location location;

    Scope scope() const { return static_cast<Scope>(code.index()); }
    bool isError() const { return severity == Severity::Error; }
    /// The code text ("001", "4", "I5").
    std::string_view codeText() const;
    /// "segment 14 (PO1, #5 in ST 0001) element 2 component 1, byte 812".
    std::string where() const;
    /// "error TA1 001: <message> (<where>)", for logs and stderr.
    std::string describe() const;
};

/// The issue as a core::Error (InvalidArgument, message, where()) for Result<T>.
core::Error toCoreError(const Issue& issue);

}  // namespace crossdock::edi::x12
