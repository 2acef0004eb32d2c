#pragma once

// One call for the inbound pipeline: parse a stored X12 input, keep its envelope
// structure and issues, and map every 850 in it. Pure: no I/O beyond the bytes given.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "crossdock/edi/maps/profile.h"
#include "crossdock/edi/maps/purchase_order.h"
#include "crossdock/edi/x12/envelope.h"
#include "crossdock/edi/x12/interchange_parser.h"
#include "crossdock/edi/x12/issue.h"

namespace crossdock::edi::maps {

/// One transaction set as read (and, for an 850, mapped).
struct InboundTransaction {
    x12::TransactionInfo info;
    x12::TransactionResult result;  ///< syntax figures from the parser
    /// Issues scoped to this set: the parser's (Transaction, Segment, Element) and
    /// the 850 map's (Segment, Element), in input order.
    std::vector<x12::Issue> issues;
    /// The mapped 850 when the set is an 850 without any error. Other sets: empty.
    std::optional<PurchaseOrder> purchase_order;

    /// No error in `issues` and the parser accepted it.
    bool accepted() const;
};

/// One functional group.
struct InboundGroup {
    x12::GroupInfo info;
    x12::GroupResult result;
    std::vector<x12::Issue> issues;  ///< Group-scoped issues (AK9 codes)
    std::vector<InboundTransaction> transactions;

    /// Sets accepted (AK904), counting the map's verdict too.
    std::size_t acceptedCount() const;
};

/// One interchange.
struct InboundInterchange {
    x12::InterchangeInfo info;
    x12::InterchangeResult result;
    std::vector<x12::Issue> issues;  ///< Interchange-scoped issues (TA1 codes)
    std::vector<InboundGroup> groups;
};

/// Everything read from one input.
struct InboundDocument {
    std::vector<InboundInterchange> interchanges;
    x12::ParseSummary summary;  ///< the parser's counts; summary.issues are the syntax issues
    /// Issues found outside any interchange (garbage before the first ISA, ...).
    std::vector<x12::Issue> loose_issues;

    /// Every 850 mapped without error, in input order.
    std::vector<const PurchaseOrder*> purchaseOrders() const;
    /// True when nothing at all had an error (syntax or mapping).
    bool clean() const;
};

/// Parses `bytes` (one or more interchanges) with InterchangeParser and maps every
/// 850 set with PurchaseOrderMapper(mapping, options). Never throws for bad input:
/// problems are issues (a fatal read leaves the interchange with what was seen).
/// The result is self-contained (owned strings): `bytes` may be freed after.
InboundDocument readInbound(std::string_view bytes, const PartnerMapping& mapping,
                            PurchaseOrderOptions options = {}, x12::ParseOptions parse_options = {});

}  // namespace crossdock::edi::maps
