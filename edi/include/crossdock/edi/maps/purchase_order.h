#pragma once

// X12 850 Purchase Order (004010 and 005010) → sales::OrderRequest. Pure: no I/O.
// The segment-by-segment rules are tabled in docs/edi-x12.md ("Mappings: 850").

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/edi/maps/profile.h"
#include "crossdock/edi/x12/envelope.h"
#include "crossdock/edi/x12/issue.h"
#include "crossdock/edi/x12/segment.h"
#include "crossdock/sales/order_request.h"
#include "crossdock/sales/ports.h"

namespace crossdock::edi::maps {

/// A party of an N1 loop (N1/N2/N3/N4) other than the ship-to (which goes to
/// OrderRequest::ship_to): bill-to (BT), buyer (BY), vendor (VN, SE), ...
struct Party {
    std::string role;  ///< N101 entity identifier ("BT", "BY", "ST", "VN")
    sales::ShipTo address;
};

/// What a PO1 loop carried beyond OrderRequestLine, same index as request.lines.
struct PurchaseOrderLineDetail {
    std::string partner_uom;              ///< PO103 as written (before the uom map)
    std::string vendor_part;              ///< VP / VN
    std::string buyer_part;               ///< BP
    std::string gtin;                     ///< UP (UPC-12), EN (EAN-13), UK (GTIN-14) as GTIN-14
    std::string description;              ///< PID05 (free-form description), first one
    std::string matched_by;               ///< how the SKU was chosen: "item_xref", "VP", "lookup:BP", ...
    std::size_t transaction_segment = 0;  ///< position of its PO1 in the set (ST = 1)
};

/// One 850 mapped: the order request and what the request has no field for.
struct PurchaseOrder {
    sales::OrderRequest request;                        ///< source X12, customer from the PartnerMapping
    std::optional<core::Date> po_date;                  ///< BEG05
    std::string purpose;                                ///< BEG01 ("00" original, "06" confirmation, ...)
    std::string po_type;                                ///< BEG02 ("SA" stand-alone, "NE" new, ...)
    std::vector<Party> parties;                         ///< N1 loops other than ST, in order
    std::vector<PurchaseOrderLineDetail> line_details;  ///< parallel to request.lines
    std::optional<core::Decimal> amount_total;          ///< AMT*TT (or AMT*1 in 004010 VICS) if present
};

/// Options of the 850 mapping.
struct PurchaseOrderOptions {
    /// When set, every line's item must be found: the candidates (item_xref hit,
    /// VP/VN, BP, IN, GTIN-14, any other product id, in that order) are asked with
    /// ItemLookup::find(customer_id, code) and the first visible hit's SKU is used.
    /// A line that none matches is an element error (AK4 code 7, invalid code value)
    /// on its first product id: the set is rejected and no order made. When null the
    /// SKU is left to sales (first candidate as `sku`, BP as customer_part_number),
    /// which rejects unknown items line by line (855 IR).
    const sales::ItemLookup* items = nullptr;
    /// When set with `items`, PO103 (after the uom map) must be a unit of the item
    /// (ItemFacts::units): otherwise AK4 code 7 on PO103.
    bool check_units = true;
};

/// The result of mapping one 850 transaction set.
struct PurchaseOrderResult {
    /// Set when there was no error (warnings allowed).
    std::optional<PurchaseOrder> order;
    /// Positioned problems, Segment or Element scope, with the transaction's envelope
    /// ids in their Location: ready for AK3/AK4 (997) or IK3/IK4 (999). Also
    /// human-readable through Issue::describe().
    std::vector<x12::Issue> issues;

    bool ok() const { return order.has_value(); }
};

/// Maps one 850 as the parser walks it: begin() at its ST, segment() for each
/// segment between ST and SE, finish() at its SE (or its end). Keeps copies of
/// what it needs, so Segment views may die after each call. One mapper per
/// transaction set at a time; reusable after finish(). Not thread-safe.
///
/// Checks (errors unless noted): BEG present once, BEG03 PO number, BEG05 date
/// (CCYYMMDD); CUR02 a known ISO 4217 code; DTM dates; at least one PO1; PO102 > 0
/// decimal; PO103 present; PO104 a decimal when present; at least one product id
/// per PO1 (a qualifier/id pair from PO106 on); UP/EN/UK check digits; CTT01 equal
/// to the number of PO1 segments (when CTT is present). Segments the 850 map does
/// not use are ignored.
class PurchaseOrderMapper {
public:
    explicit PurchaseOrderMapper(const PartnerMapping& mapping, PurchaseOrderOptions options = {});
    ~PurchaseOrderMapper();
    PurchaseOrderMapper(const PurchaseOrderMapper&) = delete;
    PurchaseOrderMapper& operator=(const PurchaseOrderMapper&) = delete;

    /// Starts a transaction set. `envelope` fills the issues' Location (interchange
    /// ordinal and ISA13, GS01, GS06); pass the InterchangeInfo/GroupInfo around it.
    void begin(const x12::InterchangeInfo& interchange, const x12::GroupInfo& group,
               const x12::TransactionInfo& transaction);
    /// One segment between ST and SE (neither included); `position` as ST = 1.
    void segment(const x12::Segment& segment, std::size_t position);
    /// Ends the set: final checks (mandatory segments, CTT), SKU resolution, result.
    /// `end_position` is the SE's position (where a missing segment is reported).
    PurchaseOrderResult finish(std::size_t end_position);

    struct State;  ///< implementation detail (edi/src/maps)

private:
    std::unique_ptr<State> state_;
};

/// Convenience for tests and tools: maps the first 850 of `bytes` (a whole
/// interchange). Syntax (envelope) errors are included in `issues` and leave
/// `order` empty. InvalidArgument when the input holds no 850.
core::Result<PurchaseOrderResult> mapFirstPurchaseOrder(std::string_view bytes, const PartnerMapping& mapping,
                                                        PurchaseOrderOptions options = {});

}  // namespace crossdock::edi::maps
