// ETags, If-Match, path ids and the answer to placing an order (sales_views.h).
#include <charconv>

#include "crossdock/server/error_mapping.h"
#include "sales_views.h"

namespace crossdock::server {

std::string etagOf(std::int64_t row_version) { return "\"" + std::to_string(row_version) + "\""; }

core::Result<std::optional<std::int64_t>> ifMatch(const Request& request) {
    auto header = request.header("If-Match");
    if (!header) return std::optional<std::int64_t>{};
    std::string_view text = *header;
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text == "*") return std::optional<std::int64_t>{};
    if (text.starts_with("W/")) text.remove_prefix(2);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 1) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "If-Match must be an ETag of this object, such as \"3\"", "If-Match");
    }
    return std::optional<std::int64_t>{value};
}

Response writeErrorResponse(const core::Error& error, const std::optional<std::int64_t>& if_match) {
    if (if_match && error.code == core::ErrorCode::Conflict && error.message.starts_with("stale: version")) {
        return errorResponse(412, "precondition_failed", error.message);
    }
    return errorResponse(error);
}

core::Result<std::int64_t> salesIdParam(const RequestContext& ctx, std::string_view name) {
    const std::string& text = ctx.param(name);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 1) {
        return core::makeError(core::ErrorCode::NotFound, std::string(name) + " '" + text + "' not found");
    }
    return value;
}

core::Result<Response> placeAnswer(const sales::PlaceResult& result) {
    if (result.created()) {
        core::JsonWriter out(2048);
        writeOrder(out, *result.order);
        Response response = Response::jsonText(201, out.take());
        response.headers.set("ETag", etagOf(result.order->row_version));
        response.headers.set("Location", "/api/v1/orders/" + std::to_string(result.order->id));
        return response;
    }
    if (result.duplicate && result.order) {
        core::Json details = core::Json::object();
        details.set("order_id", result.order->id);
        details.set("order_number", result.order->number);
        details.set("po_number", result.order->po_number);
        return errorResponse(
            409, "conflict",
            "PO number '" + result.order->po_number + "' was already used by order " + result.order->number,
            details);
    }
    core::Error error = result.error.value_or(
        core::makeError(core::ErrorCode::InvalidArgument, "the order cannot be placed"));
    core::Json details = core::Json::object();
    if (!error.where.empty()) details.set("where", error.where);
    if (!result.line_errors.empty()) {
        core::Json lines = core::Json::array();
        for (const sales::LineError& e : result.line_errors) {
            core::Json line = core::Json::object();
            line.set("index", static_cast<std::int64_t>(e.index));
            line.set("line_ref", e.line_ref);
            line.set("code", std::string(core::toString(e.error.code)));
            line.set("message", e.error.message);
            line.set("where", e.error.where);
            lines.push(std::move(line));
        }
        details.set("lines", std::move(lines));
    }
    return errorResponse(httpStatusFor(error.code), core::toString(error.code), error.message, details);
}

}  // namespace crossdock::server
