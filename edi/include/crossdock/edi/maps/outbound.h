#pragma once

// sales documents → X12: Order → 855, Shipment → 856, Invoice → 810, each in its own
// interchange (ISA/GS/ST ... SE/GE/IEA) addressed and numbered by an OutboundEnvelope.
// Pure: values in, bytes out. Segment rules are tabled in docs/edi-x12.md.

#include <optional>
#include <string>

#include "crossdock/core/date.h"
#include "crossdock/core/result.h"
#include "crossdock/edi/maps/profile.h"
#include "crossdock/sales/invoice.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/shipment.h"

namespace crossdock::edi::maps {

/// 855 Purchase Order Acknowledgment of `order` (GS01 "PR").
///   BAK*00*<AC|AD|RJ>*<po_number>*<po_date>****<order.number>*<ack date>
///   CUR*SE*<currency>; N1*ST loop when the order has a ship-to;
///   per line: PO1*<line_ref or line_no>*<qty>*<uom>*<unit price>**VP*<sku>[*BP*<cpn>]
///   then ACK*<code>*<qty>*<uom>: IA accepted, IR rejected, IP accepted at our price
///   (Changed; PO104 is our price), and a backordered line gets IA for what ships now
///   (when > 0) and IB for backordered_quantity;
///   CTT*<lines>*<sum of quantities>.
/// BAK02: RJ when every line is rejected, AD when all accepted unchanged, AC otherwise.
/// `po_date` is BEG05 of the 850 when known (else the order's creation date).
/// InvalidArgument when a value holds a delimiter or an envelope value does not fit.
core::Result<std::string> write855(const sales::Order& order, const OutboundEnvelope& envelope,
                                   std::optional<core::Date> po_date = std::nullopt);

/// 856 Ship Notice/Manifest of `shipment` for `order` (GS01 "SH"), structure 0001:
///   BSN*00*<shipment.number>*<ship date>*<time>*0001
///   HL S: TD1*CTN25*<packages>****G*<total kg>*KG, TD5**2*<carrier>,
///         REF*CN*<tracking>, DTM*011*<ship date>, N1*ST loop
///   HL O: PRF*<po_number>, REF*VN*<order.number>
///   HL P per package: MAN*GM*<SSCC-18> (and TD1 with its weight)
///   HL I per line: LIN*<line_ref>*VP*<sku>[*BP*<cpn>], SN1*<line_ref>*<qty>*<uom>
///   CTT*<HL count>
/// Items hang under the package when there is exactly one, else under the order
/// (the sales model does not record which package carries which line).
/// InvalidArgument as write855(); also when a shipment line is not on the order.
core::Result<std::string> write856(const sales::Shipment& shipment, const sales::Order& order,
                                   const OutboundEnvelope& envelope);

/// 810 Invoice of `invoice` (GS01 "IN"):
///   BIG*<issue date>*<invoice.number>*<order date>*<po_number>
///   CUR*SE*<currency>, REF*VN*<order_number>, N1*ST loop when `order` is given;
///   IT1*<line ref>*<qty>*<uom>*<unit price>**VP*<sku> per line, TXI*<tax_type>**<rate> on taxed lines;
///   TDS*<total in minor units, N2 implied 2 decimals>*<line total N2>;
///   TXI*<tax_type>*<amount>*<rate> per TaxSubtotal with a non-zero rate; CTT*<IT1 count>*<sum qty>.
/// `tax_type` is TXI01 ("ST" sales tax, "VA" value added tax).
/// Amounts with more than 2 fraction digits (KWD) are rounded half up for the N2 TDS.
core::Result<std::string> write810(const sales::Invoice& invoice, const OutboundEnvelope& envelope,
                                   const sales::Order* order = nullptr, const std::string& tax_type = "ST");

}  // namespace crossdock::edi::maps
