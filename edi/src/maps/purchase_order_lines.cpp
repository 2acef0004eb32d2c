// PO1 loops of the 850: quantities, units, prices, product ids, and the choice of SKU.

#include <algorithm>

#include "crossdock/core/unit.h"
#include "crossdock/sales/shipment.h"
#include "purchase_order_state.h"

namespace crossdock::edi::maps::po850 {
namespace {

using x12::ElementCode;
using x12::Segment;
using State = PurchaseOrderMapper::State;

bool allDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isGtinQualifier(std::string_view qualifier) {
    return qualifier == "UP" || qualifier == "EN" || qualifier == "UK" || qualifier == "UA";
}

// PO102: a decimal > 0.
std::optional<core::Decimal> readQuantity(State& state, const Segment& segment, std::size_t position) {
    const std::string_view text = segment.element(2);
    auto location = state.context.at(segment, position, 2, "330");
    if (text.empty()) {
        state.error(location, ElementCode::MandatoryMissing, "PO102 (quantity ordered) is missing");
        return std::nullopt;
    }
    auto quantity = core::Decimal::parse(text);
    if (!quantity) {
        state.error(location, ElementCode::InvalidCharacter,
                    "PO102 '" + std::string(text) + "' is not a number");
        return std::nullopt;
    }
    if (*quantity <= core::Decimal()) {
        state.error(location, ElementCode::InvalidCodeValue, "PO102 quantity must be greater than zero");
        return std::nullopt;
    }
    return *quantity;
}

// PO103 through the partner's unit map.
std::string readUnit(State& state, const Segment& segment, std::size_t position) {
    const std::string written(segment.element(3));
    auto location = state.context.at(segment, position, 3, "355");
    if (written.empty()) {
        state.error(location, ElementCode::MandatoryMissing, "PO103 (unit of measure) is missing");
        return {};
    }
    const auto mapped = state.mapping.uom_map.find(written);
    std::string unit = mapped == state.mapping.uom_map.end() ? written : mapped->second;
    if (!core::isValidUnitCode(unit)) {
        state.error(location, ElementCode::InvalidCodeValue, "PO103 '" + written + "' is not a unit code");
        return {};
    }
    return unit;
}

// PO106/PO107 and the pairs after them.
std::vector<ProductId> readIds(State& state, const Segment& segment, std::size_t position,
                               PurchaseOrderLineDetail& detail) {
    std::vector<ProductId> ids;
    for (std::size_t q = 6; q + 1 <= std::max<std::size_t>(segment.elementCount(), 7); q += 2) {
        const std::string qualifier(segment.element(q));
        const std::string id(segment.element(q + 1));
        if (qualifier.empty() && id.empty()) continue;
        if (qualifier.empty() || id.empty()) {
            const std::size_t missing = qualifier.empty() ? q : q + 1;
            state.error(state.context.at(segment, position, missing, qualifier.empty() ? "235" : "234"),
                        ElementCode::ConditionalRequiredMissing,
                        "PO1" + std::to_string(missing) + ": a product id needs both qualifier and value");
            continue;
        }
        if (isGtinQualifier(qualifier)) {
            auto gtin = toGtin14(id);
            if (!gtin) {
                state.error(state.context.at(segment, position, q + 1, "234"), ElementCode::InvalidCodeValue,
                            qualifier + " '" + id + "' is not a valid GTIN (length or check digit)");
                continue;
            }
            if (detail.gtin.empty()) detail.gtin = *gtin;
        } else if ((qualifier == "VP" || qualifier == "VN") && detail.vendor_part.empty()) {
            detail.vendor_part = id;
        } else if (qualifier == "BP" && detail.buyer_part.empty()) {
            detail.buyer_part = id;
        }
        ids.push_back({qualifier, id});
    }
    return ids;
}

}  // namespace

std::optional<std::string> toGtin14(const std::string& code) {
    if (!allDigits(code) || (code.size() != 8 && code.size() != 12 && code.size() != 13 && code.size() != 14))
        return std::nullopt;
    const auto check = sales::gs1CheckDigit(std::string_view(code).substr(0, code.size() - 1));
    if (!check || *check != code.back() - '0') return std::nullopt;
    return std::string(14 - code.size(), '0') + code;
}

void readPo1(State& state, const Segment& segment, std::size_t position) {
    ++state.po1_count;
    sales::OrderRequestLine line;
    PurchaseOrderLineDetail detail;
    detail.transaction_segment = position;
    line.line_ref = std::string(segment.element(1));
    if (line.line_ref.empty()) line.line_ref = std::to_string(state.po1_count);
    const auto quantity = readQuantity(state, segment, position);
    if (quantity) line.quantity = *quantity;
    detail.partner_uom = std::string(segment.element(3));
    line.uom = readUnit(state, segment, position);
    if (const std::string_view price = segment.element(4); !price.empty()) {
        auto parsed = core::Decimal::parse(price);
        if (parsed && !parsed->isNegative()) {
            line.incoming_price = *parsed;
        } else {
            state.error(state.context.at(segment, position, 4, "212"), ElementCode::InvalidCharacter,
                        "PO104 '" + std::string(price) + "' is not a unit price");
        }
    }
    PendingLine pending;
    pending.first_id = state.context.at(segment, position, 7, "234");
    pending.unit = state.context.at(segment, position, 3, "355");
    pending.ids = readIds(state, segment, position, detail);
    if (pending.ids.empty() && segment.element(6).empty() && segment.element(7).empty())
        state.error(pending.first_id, ElementCode::MandatoryMissing, "PO1 has no product id (PO106/PO107)");
    state.order.request.lines.push_back(std::move(line));
    state.order.line_details.push_back(std::move(detail));
    state.pending.push_back(std::move(pending));
}

void readPid(State& state, const Segment& segment) {
    if (state.order.line_details.empty()) return;
    auto& detail = state.order.line_details.back();
    if (detail.description.empty()) detail.description = std::string(segment.element(5));
}

namespace {

// Candidate codes for the item lookup, best first.
std::vector<std::pair<std::string, std::string>> candidates(const PendingLine& pending,
                                                            const PurchaseOrderLineDetail& detail) {
    std::vector<std::pair<std::string, std::string>> out;
    static constexpr std::string_view kOrder[] = {"VP", "VN", "BP", "IN"};
    for (std::string_view qualifier : kOrder) {
        for (const auto& id : pending.ids)
            if (id.qualifier == qualifier) out.emplace_back(id.qualifier, id.id);
    }
    if (!detail.gtin.empty()) out.emplace_back("GTIN", detail.gtin);
    for (const auto& id : pending.ids) {
        const bool listed = std::find(std::begin(kOrder), std::end(kOrder), id.qualifier) != std::end(kOrder);
        if (!listed && !isGtinQualifier(id.qualifier)) out.emplace_back(id.qualifier, id.id);
    }
    return out;
}

std::string describeIds(const PendingLine& pending) {
    std::string text;
    for (const auto& id : pending.ids) text += (text.empty() ? "" : ", ") + id.qualifier + " " + id.id;
    return text;
}

// With an ItemLookup: the item_xref hit, else the first visible candidate, must exist.
void lookUp(State& state, std::size_t index) {
    auto& line = state.order.request.lines[index];
    auto& detail = state.order.line_details[index];
    const auto& pending = state.pending[index];
    const sales::ItemLookup& items = *state.options.items;
    const std::string& customer = state.order.request.customer_id;
    std::optional<sales::ItemFacts> facts;
    if (!line.sku.empty()) {
        facts = items.find(customer, line.sku);
    } else {
        for (const auto& [label, code] : candidates(pending, detail)) {
            facts = items.find(customer, code);
            if (facts && facts->visible) {
                detail.matched_by = "lookup:" + label;
                break;
            }
        }
    }
    if (!facts || !facts->visible) {
        state.error(pending.first_id, ElementCode::InvalidCodeValue,
                    "no catalog item matches PO1 product ids " + describeIds(pending) +
                        (line.sku.empty() ? "" : " (item_xref gives SKU " + line.sku + ")"));
        return;
    }
    line.sku = facts->sku;
    if (state.options.check_units && !line.uom.empty() && !facts->units.factor(line.uom)) {
        state.error(pending.unit, ElementCode::InvalidCodeValue,
                    "unit " + line.uom + " is not a unit of SKU " + line.sku);
    }
}

// Without a lookup: VP/VN is taken as our SKU; sales resolves the rest.
void assign(State& state, std::size_t index) {
    auto& line = state.order.request.lines[index];
    auto& detail = state.order.line_details[index];
    if (line.sku.empty() && !detail.vendor_part.empty()) {
        line.sku = detail.vendor_part;
        detail.matched_by = "VP";
    }
    if (!line.sku.empty() || !line.customer_part_number.empty()) return;
    const auto options = candidates(state.pending[index], detail);
    if (!options.empty()) detail.matched_by = "customer_part_number:" + options.front().first;
    if (!options.empty()) line.customer_part_number = options.front().second;
}

}  // namespace

void resolveLines(State& state) {
    for (std::size_t i = 0; i < state.pending.size(); ++i) {
        const auto& pending = state.pending[i];
        if (pending.ids.empty()) continue;
        auto& line = state.order.request.lines[i];
        auto& detail = state.order.line_details[i];
        line.customer_part_number = detail.buyer_part;
        std::vector<std::string> codes;
        for (const auto& id : pending.ids) codes.push_back(id.id);
        if (!detail.gtin.empty()) codes.push_back(detail.gtin);  // a GTIN-14 entry matches a UPC-12 too
        for (const auto& code : codes) {
            const auto hit = state.mapping.item_xref.find(code);
            if (hit == state.mapping.item_xref.end()) continue;
            line.sku = hit->second;
            detail.matched_by = "item_xref";
            break;
        }
        if (state.options.items != nullptr) {
            lookUp(state, i);
        } else {
            assign(state, i);
        }
    }
}

}  // namespace crossdock::edi::maps::po850
