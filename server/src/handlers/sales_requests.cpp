#include "sales_requests.h"

#include "crossdock/server/json_fields.h"

namespace crossdock::server {
namespace {

using core::ErrorCode;
using core::makeError;

/// `result`'s error with `where` prefixed by `path` ("$.lines[0]" + ".quantity").
core::Error at(core::Error error, const std::string& path) {
    if (error.where.starts_with("$")) {
        error.where = path + error.where.substr(1);
    } else {
        error.where = path;
    }
    return error;
}

core::Result<const core::Json*> arrayMember(const core::Json& body, std::string_view key, bool required) {
    const core::Json* found = body.find(key);
    if (found == nullptr || found->isNull()) {
        if (!required) return static_cast<const core::Json*>(nullptr);
        return makeError(ErrorCode::InvalidArgument, "missing required field \"" + std::string(key) + "\"",
                         "$." + std::string(key));
    }
    if (!found->isArray()) {
        return makeError(ErrorCode::InvalidArgument, "field \"" + std::string(key) + "\" must be an array",
                         "$." + std::string(key));
    }
    return found;
}

core::Result<std::optional<core::Decimal>> optionalDecimal(const core::Json& body, std::string_view key) {
    const core::Json* found = body.find(key);
    if (found == nullptr || found->isNull()) return std::optional<core::Decimal>{};
    auto value = requiredDecimal(body, key);
    if (!value) return value.takeError();
    return std::optional<core::Decimal>(*value);
}

std::string textOr(const core::Json& body, std::string_view key, core::Status& status) {
    auto value = optionalString(body, key);
    if (!value) {
        if (status.ok()) status = value.takeError();
        return {};
    }
    return value->value_or("");
}

core::Result<sales::ShipTo> shipToFrom(const core::Json& body) {
    const core::Json* found = body.find("ship_to");
    if (found == nullptr || found->isNull()) return sales::ShipTo{};
    if (!found->isObject())
        return makeError(ErrorCode::InvalidArgument, "ship_to must be an object", "$.ship_to");
    core::Status status;
    sales::ShipTo s{textOr(*found, "name", status),        textOr(*found, "location_id", status),
                    textOr(*found, "address1", status),    textOr(*found, "address2", status),
                    textOr(*found, "city", status),        textOr(*found, "region", status),
                    textOr(*found, "postal_code", status), textOr(*found, "country", status)};
    if (!status) return at(status.takeError(), "$.ship_to");
    return s;
}

core::Result<sales::OrderRequestLine> orderLineFrom(const core::Json& item, const std::string& path) {
    if (auto object = requireObject(item); !object) return at(object.takeError(), path);
    core::Status status;
    sales::OrderRequestLine line;
    line.sku = textOr(item, "sku", status);
    line.customer_part_number = textOr(item, "customer_part_number", status);
    line.line_ref = textOr(item, "line_ref", status);
    if (!status) return at(status.takeError(), path);
    if (line.sku.empty() && line.customer_part_number.empty()) {
        return makeError(ErrorCode::InvalidArgument, "a line needs a sku or a customer_part_number",
                         path + ".sku");
    }
    auto quantity = requiredDecimal(item, "quantity");
    if (!quantity) return at(quantity.takeError(), path);
    line.quantity = *quantity;
    auto uom = requiredString(item, "uom");
    if (!uom) return at(uom.takeError(), path);
    line.uom = *uom;
    auto incoming = optionalDecimal(item, "unit_price");
    if (!incoming) return at(incoming.takeError(), path);
    line.incoming_price = *incoming;
    return line;
}

}  // namespace

core::Result<std::vector<sales::QuoteLineInput>> quoteLinesFrom(const core::Json& body) {
    auto array = arrayMember(body, "lines", true);
    if (!array) return array.takeError();
    std::vector<sales::QuoteLineInput> lines;
    const auto& items = (*array)->items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = "$.lines[" + std::to_string(i) + "]";
        const core::Json& item = items[i];
        if (auto object = requireObject(item); !object) return at(object.takeError(), path);
        sales::QuoteLineInput line;
        auto sku = requiredString(item, "sku");
        if (!sku) return at(sku.takeError(), path);
        line.sku = *sku;
        auto quantity = requiredDecimal(item, "quantity");
        if (!quantity) return at(quantity.takeError(), path);
        line.quantity = *quantity;
        auto uom = requiredString(item, "uom");
        if (!uom) return at(uom.takeError(), path);
        line.uom = *uom;
        auto unit_price = optionalDecimal(item, "unit_price");
        if (!unit_price) return at(unit_price.takeError(), path);
        line.unit_price = *unit_price;
        auto target = optionalDecimal(item, "target_price");
        if (!target) return at(target.takeError(), path);
        line.target_price = *target;
        core::Status status;
        line.reason = textOr(item, "reason", status);
        if (!status) return at(status.takeError(), path);
        lines.push_back(std::move(line));
    }
    return lines;
}

core::Result<std::optional<core::Date>> optionalDate(const core::Json& body, std::string_view key) {
    auto text = optionalString(body, key);
    if (!text) return text.takeError();
    if (!text->has_value()) return std::optional<core::Date>{};
    auto date = core::Date::parse(**text);
    if (!date) {
        return makeError(ErrorCode::InvalidArgument, std::string(key) + " must be an ISO date YYYY-MM-DD",
                         "$." + std::string(key));
    }
    return std::optional<core::Date>(*date);
}

core::Result<ActionBody> actionBodyFrom(const Request& request) {
    ActionBody out;
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) return out;
    auto json = core::parseJson(request.body);
    if (!json) return makeError(ErrorCode::InvalidArgument, "the body must be a JSON object", "$");
    if (auto object = requireObject(*json); !object) return object.takeError();
    core::Status status;
    out.note = textOr(*json, "note", status);
    out.po_number = textOr(*json, "po_number", status);
    if (!status) return status.takeError();
    auto issue = optionalDate(*json, "issue_date");
    if (!issue) return issue.takeError();
    out.issue_date = *issue;
    return out;
}

core::Result<sales::OrderRequest> orderRequestFrom(const core::Json& body) {
    if (auto object = requireObject(body); !object) return object.takeError();
    sales::OrderRequest request;
    request.source = sales::OrderSource::Api;
    core::Status status;
    request.customer_id = textOr(body, "customer_id", status);
    request.po_number = textOr(body, "po_number", status);
    request.notes = textOr(body, "notes", status);
    std::string source = textOr(body, "source", status);
    std::string currency = textOr(body, "currency", status);
    if (!status) return status.takeError();
    if (!source.empty()) {
        auto parsed = sales::parseOrderSource(source);
        if (!parsed || (*parsed != sales::OrderSource::Api && *parsed != sales::OrderSource::Portal &&
                        *parsed != sales::OrderSource::QuickOrder)) {
            return makeError(ErrorCode::InvalidArgument,
                             "source must be \"api\", \"portal\" or \"quick_order\"", "$.source");
        }
        request.source = *parsed;
    }
    if (!currency.empty()) request.currency = currency;
    auto requested = optionalDate(body, "requested_date");
    if (!requested) return requested.takeError();
    request.requested_date = *requested;
    auto ship_to = shipToFrom(body);
    if (!ship_to) return ship_to.takeError();
    request.ship_to = std::move(*ship_to);
    auto array = arrayMember(body, "lines", true);
    if (!array) return array.takeError();
    const auto& items = (*array)->items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto line = orderLineFrom(items[i], "$.lines[" + std::to_string(i) + "]");
        if (!line) return line.takeError();
        request.lines.push_back(std::move(*line));
    }
    return request;
}

core::Result<sales::ShipmentInput> shipmentInputFrom(const core::Json& body, core::Date today) {
    if (auto object = requireObject(body); !object) return object.takeError();
    sales::ShipmentInput input;
    core::Status status;
    input.carrier = textOr(body, "carrier", status);
    input.tracking_number = textOr(body, "tracking_number", status);
    if (!status) return status.takeError();
    auto ship_date = optionalDate(body, "ship_date");
    if (!ship_date) return ship_date.takeError();
    input.ship_date = ship_date->value_or(today);
    auto packages = arrayMember(body, "packages", false);
    if (!packages) return packages.takeError();
    if (*packages != nullptr) {
        for (std::size_t i = 0; i < (*packages)->items().size(); ++i) {
            const core::Json& item = (*packages)->items()[i];
            const std::string path = "$.packages[" + std::to_string(i) + "]";
            auto sscc = requiredString(item, "sscc");
            if (!sscc) return at(sscc.takeError(), path);
            auto weight = optionalDecimal(item, "weight_kg");
            if (!weight) return at(weight.takeError(), path);
            input.packages.push_back(sales::Package{*sscc, *weight});
        }
    }
    auto lines = arrayMember(body, "lines", true);
    if (!lines) return lines.takeError();
    for (std::size_t i = 0; i < (*lines)->items().size(); ++i) {
        const core::Json& item = (*lines)->items()[i];
        const std::string path = "$.lines[" + std::to_string(i) + "]";
        auto line_no = requiredInt64(item, "line_no");
        if (!line_no) return at(line_no.takeError(), path);
        auto quantity = requiredDecimal(item, "quantity");
        if (!quantity) return at(quantity.takeError(), path);
        input.lines.push_back(sales::ShipmentLine{static_cast<int>(*line_no), "", *quantity, ""});
    }
    return input;
}

}  // namespace crossdock::server
