#pragma once

// The one input every order source produces: the portal cart, the JSON API,
// quick order, a reorder, an accepted quote, and the EDI maps (X12 850, EDIFACT
// ORDERS, cXML OrderRequest, UBL Order). OrderBuilder validates and prices it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"

namespace crossdock::sales {

/// Where an order came from.
enum class OrderSource { Portal, Api, QuickOrder, Reorder, Quote, X12, Edifact, Cxml, Ubl };

/// "portal", "api", "quick_order", "reorder", "quote", "x12", "edifact", "cxml", "ubl".
std::string_view toString(OrderSource source);
/// Inverse of toString(); nullopt for any other text.
std::optional<OrderSource> parseOrderSource(std::string_view text);
/// True for the four EDI sources: their orders accept valid lines and reject the
/// others one by one (the acknowledgement says which), see OrderPolicy.
bool isEdiSource(OrderSource source);

/// A delivery address as documents carry it.
struct ShipTo {
    std::string name;
    std::string location_id;  ///< the partner's code for the place (N1*ST*..*92*, NAD+ST GLN); may be empty
    std::string address1;
    std::string address2;
    std::string city;
    std::string region;  ///< state or province code
    std::string postal_code;
    std::string country;  ///< ISO 3166-1 alpha-2

    bool operator==(const ShipTo&) const = default;
};

/// A price fixed before the order, so the builder does not ask the pricer: only an
/// accepted quote produces it (QuoteService::orderRequest). The server never fills
/// it from client input.
struct LockedPrice {
    core::Decimal unit_price;
    std::string explanation;  ///< "quote Q-000042 v2"
};

/// One requested line.
struct OrderRequestLine {
    std::string line_ref;              ///< the document's own line id (PO1-01, LIN 1082); may be empty
    std::string sku;                   ///< our SKU; or empty when customer_part_number is given
    std::string customer_part_number;  ///< the customer's number; used when sku is empty
    core::Decimal quantity;            ///< in `uom`; > 0
    std::string uom;                   ///< a unit of the item (EA, CS, ...)
    std::optional<core::Decimal> incoming_price;  ///< the unit price the document carries, if any
    std::optional<LockedPrice> locked_price;
};

/// Which quote version an order comes from.
struct QuoteRef {
    std::int64_t quote_id = 0;
    std::string number;  ///< "Q-000042"
    int version = 1;
};

/// A request to create an order.
struct OrderRequest {
    std::string customer_id;
    OrderSource source = OrderSource::Portal;
    std::string po_number;  ///< unique per customer when not empty; EDI sources always carry one
    ShipTo ship_to;
    std::optional<std::string> currency;  ///< the document's currency; must be the customer's when set
    std::optional<core::Date> requested_date;
    std::string notes;
    std::vector<OrderRequestLine> lines;
    std::optional<QuoteRef> quote;                  ///< set for OrderSource::Quote
    std::optional<std::int64_t> source_message_id;  ///< the EDI inbox message, for idempotency
    std::int64_t requested_by = 0;                  ///< the user placing it; 0 for EDI partners
};

struct Order;

/// A reorder of `past`: the same SKUs, quantities, units and ship-to, priced
/// afresh (no incoming or locked prices), source Reorder, with `po_number`.
/// Rejected lines of `past` are left out.
OrderRequest reorderRequest(const Order& past, std::string po_number);

}  // namespace crossdock::sales
