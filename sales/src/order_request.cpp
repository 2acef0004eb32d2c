#include "crossdock/sales/order_request.h"

#include <array>
#include <string>
#include <utility>

#include "crossdock/sales/order.h"

namespace crossdock::sales {
namespace {

constexpr std::array<std::pair<OrderSource, std::string_view>, 9> kSourceNames{{
    {OrderSource::Portal, "portal"},
    {OrderSource::Api, "api"},
    {OrderSource::QuickOrder, "quick_order"},
    {OrderSource::Reorder, "reorder"},
    {OrderSource::Quote, "quote"},
    {OrderSource::X12, "x12"},
    {OrderSource::Edifact, "edifact"},
    {OrderSource::Cxml, "cxml"},
    {OrderSource::Ubl, "ubl"},
}};

}  // namespace

std::string_view toString(OrderSource source) {
    for (const auto& [s, name] : kSourceNames) {
        if (s == source) return name;
    }
    return "portal";
}

std::optional<OrderSource> parseOrderSource(std::string_view text) {
    for (const auto& [s, name] : kSourceNames) {
        if (name == text) return s;
    }
    return std::nullopt;
}

bool isEdiSource(OrderSource source) {
    return source == OrderSource::X12 || source == OrderSource::Edifact || source == OrderSource::Cxml ||
           source == OrderSource::Ubl;
}

OrderRequest reorderRequest(const Order& past, std::string po_number) {
    OrderRequest request;
    request.customer_id = past.customer_id;
    request.source = OrderSource::Reorder;
    request.po_number = std::move(po_number);
    request.ship_to = past.ship_to;
    for (const OrderLine& line : past.lines) {
        if (line.status == LineStatus::Rejected || line.sku.empty()) continue;
        OrderRequestLine out;
        out.line_ref = std::to_string(line.line_no);
        out.sku = line.sku;
        out.customer_part_number = line.customer_part_number;
        out.quantity = line.quantity;
        out.uom = line.uom;
        request.lines.push_back(std::move(out));
    }
    return request;
}

}  // namespace crossdock::sales
