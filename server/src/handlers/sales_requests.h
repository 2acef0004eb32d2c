#pragma once
// Reading sales request bodies (quotes, orders, shipments) into domain inputs. Every
// failure is InvalidArgument with the JSONPath of the field ("$.lines[2].quantity").

#include <optional>
#include <string>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/json.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/order_request.h"
#include "crossdock/sales/quote_service.h"
#include "crossdock/sales/shipment.h"
#include "crossdock/server/http.h"

namespace crossdock::server {

/// $.lines of a quote: [{sku, quantity, uom, unit_price?, reason?, target_price?}] (at least one line).
core::Result<std::vector<sales::QuoteLineInput>> quoteLinesFrom(const core::Json& body);

/// A member that holds an ISO date, or nullopt when absent or null.
core::Result<std::optional<core::Date>> optionalDate(const core::Json& body, std::string_view key);

/// An optional JSON object body of an action (may be empty): its "note" and "po_number".
struct ActionBody {
    std::string note;
    std::string po_number;
    std::optional<core::Date> issue_date;
};
core::Result<ActionBody> actionBodyFrom(const Request& request);

/// POST /api/v1/orders: customer_id?, po_number, source? (api|portal|quick_order),
/// currency?, requested_date?, notes?, ship_to{}?, lines[{sku | customer_part_number,
/// quantity, uom, line_ref?, unit_price? (incoming price)}].
core::Result<sales::OrderRequest> orderRequestFrom(const core::Json& body);

/// POST /api/v1/orders/{id}/shipments: carrier, tracking_number?, ship_date?,
/// packages[{sscc, weight_kg?}]?, lines[{line_no, quantity}].
core::Result<sales::ShipmentInput> shipmentInputFrom(const core::Json& body, core::Date today);

}  // namespace crossdock::server
