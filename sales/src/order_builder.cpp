#include "crossdock/sales/order_builder.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "support.h"

namespace crossdock::sales {
namespace {

using core::Decimal;
using core::ErrorCode;
using core::makeError;
using detail::Int128;

/// What the lines of one build share: the customer, the currency, the stock left
/// per SKU after earlier lines, and the reasons to hold the order.
struct BuildContext {
    const CustomerFacts& customer;
    core::Currency currency;
    core::Date today;
    std::unordered_map<std::string, Decimal> stock_left;  // SKU → base units
    std::vector<std::string> hold_reasons;
};

std::string lineWhere(std::size_t index) { return "$.lines[" + std::to_string(index) + "]"; }

/// The part of `base_quantity` that stock cannot cover now, in the line's unit; zero
/// when the item is not stock-tracked. Draws the line's quantity from the stock left.
Decimal backorderedQuantity(BuildContext& ctx, const detail::CheckedItem& item,
                            const OrderRequestLine& line) {
    if (!item.facts.available) return Decimal{};
    auto [it, inserted] = ctx.stock_left.try_emplace(item.facts.sku, *item.facts.available);
    Decimal& left = it->second;
    const Decimal covered = left > Decimal{} ? left : Decimal{};
    left -= item.base_quantity;
    if (item.base_quantity <= covered) return Decimal{};
    const Decimal short_base = item.base_quantity - covered;
    const Decimal factor = item.facts.units.factor(line.uom).value_or(Decimal::fromInt(1));
    Decimal short_qty = Decimal::divide(short_base, factor).valueOr(line.quantity);
    // Whole units ship whole: a line of 2 CS short by 6 EA backorders one whole case.
    if (line.quantity.isInteger() && !short_qty.isInteger()) {
        short_qty = Decimal::fromRaw(short_qty.raw() - short_qty.raw() % Decimal::kOne) + Decimal::fromInt(1);
    }
    return short_qty < line.quantity ? short_qty : line.quantity;
}

core::Status priceLine(BuildContext& ctx, const LinePricer& pricer, const OrderRequestLine& in,
                       OrderLine& out, const std::string& where) {
    if (in.locked_price) {
        out.unit_price = in.locked_price->unit_price;
        out.explanation = in.locked_price->explanation;
    } else {
        auto priced = pricer.price(ctx.customer.id, out.sku, in.uom, in.quantity, ctx.today);
        if (!priced) {
            core::Error error = priced.takeError();
            error.where = where;
            return error;
        }
        if (priced->currency != ctx.customer.currency) {
            return makeError(
                ErrorCode::Internal,
                "priced in " + priced->currency + ", customer is invoiced in " + ctx.customer.currency,
                where);
        }
        out.unit_price = priced->unit_price;
        out.explanation = std::move(priced->explanation);
    }
    auto extended = detail::extendedAmount(out.unit_price, in.quantity, ctx.currency);
    if (!extended) return extended.takeError();
    out.extended = *extended;
    return {};
}

void compareIncoming(BuildContext& ctx, const OrderPolicy& policy, OrderLine& line) {
    if (!line.incoming_price || *line.incoming_price == line.unit_price) return;
    if (line.status == LineStatus::Accepted) line.status = LineStatus::Changed;
    line.message =
        "incoming price " + line.incoming_price->toString() + ", ours " + line.unit_price.toString();
    if (priceBeyondTolerance(policy, line.unit_price, *line.incoming_price)) {
        ctx.hold_reasons.push_back("line " + std::to_string(line.line_no) + ": " + line.message +
                                   " (beyond tolerance)");
    }
}

core::Result<OrderLine> buildLine(BuildContext& ctx, const ItemLookup& items, const LinePricer& pricer,
                                  const OrderPolicy& policy, const OrderRequestLine& in, std::size_t index) {
    const std::string where = lineWhere(index);
    const std::string& code = in.sku.empty() ? in.customer_part_number : in.sku;
    if (code.empty()) {
        return makeError(ErrorCode::InvalidArgument, "a line needs a sku or a customer part number",
                         where + ".sku");
    }
    auto item = detail::checkItemLine(items, ctx.customer.id, code, in.quantity, in.uom, where);
    if (!item) return item.takeError();
    OrderLine line;
    line.line_no = static_cast<int>(index + 1);
    line.line_ref = in.line_ref;
    line.sku = item->facts.sku;
    line.customer_part_number =
        in.customer_part_number.empty() ? item->facts.customer_part_number : in.customer_part_number;
    line.quantity = in.quantity;
    line.uom = in.uom;
    line.incoming_price = in.incoming_price;
    if (auto status = priceLine(ctx, pricer, in, line, where); !status) return status.takeError();
    line.backordered_quantity = backorderedQuantity(ctx, *item, in);
    if (line.backordered_quantity > Decimal{}) line.status = LineStatus::Backordered;
    compareIncoming(ctx, policy, line);
    return line;
}

OrderLine rejectedLine(const OrderRequestLine& in, std::size_t index, const core::Error& error) {
    OrderLine line;
    line.line_no = static_cast<int>(index + 1);
    line.line_ref = in.line_ref;
    line.sku = in.sku;
    line.customer_part_number = in.customer_part_number;
    line.quantity = in.quantity;
    line.uom = in.uom;
    line.incoming_price = in.incoming_price;
    line.status = LineStatus::Rejected;
    line.message = error.message;
    return line;
}

std::optional<core::Error> checkRequest(const OrderRequest& request,
                                        const std::optional<CustomerFacts>& customer) {
    if (!customer) {
        return makeError(ErrorCode::NotFound, "customer '" + request.customer_id + "' not found",
                         "$.customer_id");
    }
    if (!customer->active) {
        return makeError(ErrorCode::FailedPrecondition, "customer '" + customer->id + "' is suspended");
    }
    if (request.currency && *request.currency != customer->currency) {
        return makeError(
            ErrorCode::InvalidArgument,
            "currency " + *request.currency + " is not the customer's (" + customer->currency + ")",
            "$.currency");
    }
    if (request.lines.empty())
        return makeError(ErrorCode::InvalidArgument, "an order needs lines", "$.lines");
    return std::nullopt;
}

Order orderHeader(const OrderRequest& request, const CustomerFacts& customer) {
    Order order;
    order.customer_id = customer.id;
    order.po_number = request.po_number;
    order.source = request.source;
    order.currency = customer.currency;
    order.ship_to = request.ship_to;
    order.requested_date = request.requested_date;
    order.notes = request.notes;
    order.quote = request.quote;
    order.source_message_id = request.source_message_id;
    order.requested_by = request.requested_by;
    return order;
}

}  // namespace

bool priceBeyondTolerance(const OrderPolicy& policy, Decimal ours, Decimal incoming) {
    Int128 difference = static_cast<Int128>(incoming.raw()) - ours.raw();
    if (difference < 0) difference = -difference;
    const Int128 ours_abs =
        ours.raw() < 0 ? -static_cast<Int128>(ours.raw()) : static_cast<Int128>(ours.raw());
    // |d| > amount and |d| > ours × percent ÷ 100 (the latter scaled by 10^6, exact).
    return difference > policy.price_tolerance_amount.raw() &&
           difference * 100 * Decimal::kOne > ours_abs * policy.price_tolerance_percent.raw();
}

OrderBuilder::OrderBuilder(const ItemLookup& items, const LinePricer& pricer,
                           const CustomerDirectory& customers, OrderPolicy policy)
    : items_(items), pricer_(pricer), customers_(customers), policy_(std::move(policy)) {}

BuildResult OrderBuilder::build(const OrderRequest& request, core::Date today) const {
    BuildResult result;
    const auto customer = customers_.find(request.customer_id);
    if (auto error = checkRequest(request, customer))
        return BuildResult{std::nullopt, std::move(error), {}, std::nullopt};
    auto currency = detail::currencyOf(customer->currency);
    if (!currency) return BuildResult{std::nullopt, currency.takeError(), {}, std::nullopt};

    BuildContext ctx{*customer, *currency, today, {}, {}};
    const bool individually = policy_.reject_lines_individually_for_edi && isEdiSource(request.source);
    Order order = orderHeader(request, *customer);
    for (std::size_t i = 0; i < request.lines.size(); ++i) {
        auto line = buildLine(ctx, items_, pricer_, policy_, request.lines[i], i);
        if (line) {
            order.lines.push_back(std::move(*line));
            continue;
        }
        if (individually) order.lines.push_back(rejectedLine(request.lines[i], i, line.error()));
        result.line_errors.push_back(LineError{i, request.lines[i].line_ref, line.takeError()});
    }
    if (!result.line_errors.empty() && (!individually || result.line_errors.size() == request.lines.size())) {
        result.error = makeError(ErrorCode::InvalidArgument,
                                 std::to_string(result.line_errors.size()) + " of " +
                                     std::to_string(request.lines.size()) + " lines cannot be ordered",
                                 "$.lines");
        return result;
    }
    auto total = detail::sumExtended(order.lines);
    if (!total)
        return BuildResult{std::nullopt, total.takeError(), std::move(result.line_errors), std::nullopt};
    order.total = *total;
    if (customer->credit_limit) {
        auto exposure = Decimal::add(customer->open_exposure, order.total);
        if (!exposure || *exposure > *customer->credit_limit) {
            ctx.hold_reasons.push_back("credit limit " + customer->credit_limit->toString() +
                                       " exceeded: open " + customer->open_exposure.toString() + " + order " +
                                       order.total.toString());
        } else {
            result.credit_ceiling = ExposureCeiling{*customer->credit_limit - order.total};
        }
    }
    if (!ctx.hold_reasons.empty()) {
        order.status = OrderStatus::OnHold;
        order.held_from = OrderStatus::Received;
        order.hold_reasons = std::move(ctx.hold_reasons);
    }
    result.order = std::move(order);
    return result;
}

}  // namespace crossdock::sales
