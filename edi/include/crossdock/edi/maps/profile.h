#pragma once

// What the X12 maps need to know about one trading partner, as plain values. The
// pipeline fills these from its stored Partner profile (CONTRACT.md Partner JSON) and
// from configuration; the maps never read storage or configuration themselves.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "crossdock/core/result.h"
#include "crossdock/edi/x12/delimiters.h"

namespace crossdock::edi::maps {

/// Inbound translation tables of one partner.
struct PartnerMapping {
    std::string customer_id;  ///< the customer the partner orders for (OrderRequest::customer_id)
    /// Partner item code → our SKU (Partner JSON item_xref). Looked up with every
    /// product id of a PO1 (any qualifier), exact match, before any other rule.
    std::map<std::string, std::string, std::less<>> item_xref;
    /// Partner unit → our unit (Partner JSON uom_map), e.g. "CA" → "CS". A unit not
    /// in the map is taken as written.
    std::map<std::string, std::string, std::less<>> uom_map;
};

/// How one outbound interchange is addressed, delimited and numbered. One value per
/// document written; the control numbers come from the pipeline's per-partner
/// counters (monotonic, persisted) and are written as given.
struct OutboundEnvelope {
    /// Partner delimiters; defaults `*` `>` `^` `~`. The repetition separator is
    /// only used from 00402 on (EnvelopeBuilder writes ISA11 `U` for 004010).
    x12::Delimiters delimiters;
    std::string line_suffix;  ///< written after every terminator ("" or "\n")
    /// "004010" or "005010" (GS08 without a convention suffix; ISA12 is "00401" or
    /// "00501"). Acknowledgements follow the inbound version instead (see
    /// acknowledgement.h).
    std::string version = "004010";
    // Our side (config edi.x12.isa_qualifier / isa_id / gs_id):
    std::string sender_qualifier = "ZZ";  ///< ISA05
    std::string sender_id = "CROSSDOCK";  ///< ISA06
    std::string sender_gs = "CROSSDOCK";  ///< GS02
    // The partner's side (Partner JSON x12.isa_qualifier / isa_id / gs_id):
    std::string receiver_qualifier = "ZZ";  ///< ISA07
    std::string receiver_id;                ///< ISA08
    std::string receiver_gs;                ///< GS03
    std::string date;                       ///< CCYYMMDD (ISA09 gets YYMMDD, GS04 all 8)
    std::string time;                       ///< HHMM (ISA10, GS05)
    std::uint32_t interchange_control = 1;  ///< ISA13 / IEA02, 1..999999999
    std::uint32_t group_control = 1;        ///< GS06 / GE02, 1..999999999
    /// ST02 of the first transaction set; further sets count up from it. Written
    /// with at least 4 digits ("0001").
    std::uint32_t transaction_control = 1;
    char usage = 'P';            ///< ISA15: P, T or I
    bool ack_requested = false;  ///< ISA14: ask the partner for a TA1
};

/// "00401" for "004010...", "00501" for "005010...": the ISA12 of a GS08 version.
/// The first five characters of `gs_version` for any other 6-digit version.
std::string isaVersionOf(std::string_view gs_version);

/// True when `gs_version` (GS08) is 005010 or later: such groups are acknowledged
/// with a 999, earlier ones with a 997.
bool usesImplementationAck(std::string_view gs_version);

}  // namespace crossdock::edi::maps
