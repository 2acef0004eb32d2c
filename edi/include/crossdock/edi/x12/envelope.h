#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "crossdock/edi/x12/delimiters.h"

namespace crossdock::edi::x12 {

/// What an ISA header says, padding trimmed (ISA06 "ACME           " → "ACME").
/// Owned strings: it outlives the reader's buffer.
struct InterchangeInfo {
    std::size_t ordinal = 0;              ///< 1-based position of the interchange in the input
    std::string authorization_qualifier;  ///< ISA01
    std::string authorization;            ///< ISA02
    std::string security_qualifier;       ///< ISA03
    std::string security;                 ///< ISA04
    std::string sender_qualifier;         ///< ISA05
    std::string sender_id;                ///< ISA06
    std::string receiver_qualifier;       ///< ISA07
    std::string receiver_id;              ///< ISA08
    std::string date;                     ///< ISA09 YYMMDD
    std::string time;                     ///< ISA10 HHMM
    std::string standards_id;             ///< ISA11 as written ("U", or the repetition separator)
    std::string version;                  ///< ISA12 ("00401", "00501")
    std::string control_number;           ///< ISA13
    bool ack_requested = false;           ///< ISA14 == "1": the sender asks for a TA1
    char usage = 'P';                     ///< ISA15: P production, T test, I information
    Delimiters delimiters;
    std::uint64_t byte_offset = 0;  ///< of the ISA
    std::size_t file_segment = 0;   ///< of the ISA
};

/// What a GS header says. Owned strings.
struct GroupInfo {
    std::size_t ordinal = 0;     ///< 1-based position in its interchange
    std::string functional_id;   ///< GS01 ("PO", "IN", "FA")
    std::string sender;          ///< GS02
    std::string receiver;        ///< GS03
    std::string date;            ///< GS04 CCYYMMDD
    std::string time;            ///< GS05
    std::string control_number;  ///< GS06
    std::string agency;          ///< GS07 ("X")
    std::string version;         ///< GS08 ("004010", "005010X231A1")
    std::uint64_t byte_offset = 0;
    std::size_t file_segment = 0;
};

/// What an ST header says. Owned strings.
struct TransactionInfo {
    std::size_t ordinal = 0;     ///< 1-based position in its group
    std::string set_id;          ///< ST01 ("850")
    std::string control_number;  ///< ST02
    std::string convention;      ///< ST03 (005010 implementation convention), may be empty
    std::uint64_t byte_offset = 0;
    std::size_t file_segment = 0;
};

/// How a transaction set ended.
struct TransactionResult {
    std::size_t segment_count = 0;  ///< segments seen, ST and SE included
    bool has_trailer = false;       ///< an SE closed it
    bool accepted = false;          ///< no error was scoped to it
};

/// How a functional group ended: the AK9 figures.
struct GroupResult {
    std::size_t declared = 0;  ///< GE01 (0 when missing or not numeric)
    std::size_t received = 0;  ///< transaction sets seen (AK903)
    std::size_t accepted = 0;  ///< transaction sets without errors (AK904)
    bool has_trailer = false;  ///< a GE closed it
    bool envelope_ok = false;  ///< no error was scoped to the group itself
};

/// How an interchange ended: the TA1 figures.
struct InterchangeResult {
    std::size_t declared = 0;  ///< IEA01 (0 when missing or not numeric)
    std::size_t groups = 0;    ///< functional groups seen
    bool has_trailer = false;  ///< an IEA closed it
    bool envelope_ok = false;  ///< no error was scoped to the interchange itself
};

}  // namespace crossdock::edi::x12
