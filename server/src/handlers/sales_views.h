#pragma once
// JSON of the sales objects (docs/api.md, "Quotes" and "Orders"). Money as decimal
// strings with 4 fraction digits ("12.3400"), quantities as short decimal strings.

#include <optional>
#include <string>

#include "crossdock/core/json.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/invoice.h"
#include "crossdock/sales/order.h"
#include "crossdock/sales/order_service.h"
#include "crossdock/sales/outbox.h"
#include "crossdock/sales/quote.h"
#include "crossdock/sales/quote_diff.h"
#include "crossdock/sales/shipment.h"
#include "crossdock/server/http.h"
#include "crossdock/server/request_context.h"

namespace crossdock::server {

/// A quote; `staff` adds internal fields (line cost).
void writeQuote(core::JsonWriter& out, const sales::Quote& quote, bool staff);
void writeQuoteVersion(core::JsonWriter& out, const sales::QuoteVersion& version, bool staff);
void writeQuoteDiff(core::JsonWriter& out, const sales::QuoteDiff& diff);
void writeOrder(core::JsonWriter& out, const sales::Order& order);
void writeShipment(core::JsonWriter& out, const sales::Shipment& shipment);
void writeInvoice(core::JsonWriter& out, const sales::Invoice& invoice);
void writeOutboxRecord(core::JsonWriter& out, const sales::OutboxRecord& record);

/// `"<row_version>"`: the ETag of a quote or an order.
std::string etagOf(std::int64_t row_version);

/// The row_version in an If-Match header: nullopt when absent or "*"; InvalidArgument
/// when it is not an ETag this server made.
core::Result<std::optional<std::int64_t>> ifMatch(const Request& request);

/// The answer for a failed write: 412 precondition_failed when `if_match` was given and
/// is stale, else the usual envelope of `error`.
Response writeErrorResponse(const core::Error& error, const std::optional<std::int64_t>& if_match);

/// Path parameter `name` as a positive id; NotFound otherwise (an id that cannot exist).
core::Result<std::int64_t> salesIdParam(const RequestContext& ctx, std::string_view name);

/// The answer to placing an order: 201 with the order (ETag, Location); 409 conflict with
/// details {order_id, order_number} for a PO number already used; the request's error,
/// with details.lines [{index, line_ref, code, message, where}] when lines failed.
core::Result<Response> placeAnswer(const sales::PlaceResult& result);

}  // namespace crossdock::server
