#include "state/sales_adapters.h"

#include "crossdock/pricing/explanation.h"
#include "crossdock/pricing/resolver.h"

namespace crossdock::server {
namespace {

sales::ItemStatus toSales(catalog::ItemStatus status) {
    switch (status) {
        case catalog::ItemStatus::Active:
            return sales::ItemStatus::Active;
        case catalog::ItemStatus::Discontinued:
            return sales::ItemStatus::Discontinued;
        case catalog::ItemStatus::Draft:
            return sales::ItemStatus::Draft;
    }
    return sales::ItemStatus::Draft;
}

}  // namespace

std::optional<sales::ItemFacts> CatalogItemLookup::find(const std::string& customer_id,
                                                        std::string_view code) const {
    auto snapshot = catalog_.current();
    const catalog::Item* item = snapshot->index.find(code);
    if (item == nullptr) {
        auto sku = snapshot->part_numbers.skuFor(customer_id, code);
        if (sku) item = snapshot->index.find(*sku);
    }
    if (item == nullptr) {
        auto gtin = snapshot->sku_by_gtin.find(code);
        if (gtin != snapshot->sku_by_gtin.end()) item = snapshot->index.find(gtin->second);
    }
    if (item == nullptr) return std::nullopt;
    sales::ItemFacts facts;
    facts.sku = item->sku;
    auto parts = snapshot->part_numbers.partNumbersFor(customer_id, item->sku);
    if (!parts.empty()) facts.customer_part_number = parts.front();
    facts.visible = snapshot->assortments.canSee(customer_id, snapshot->tree(), *item);
    facts.status = toSales(item->status);
    facts.units = item->units;
    facts.min_order_qty = item->min_order_qty;
    facts.order_multiple = item->order_multiple;
    if (const catalog::ItemStock* stock = snapshot->stockOf(item->sku))
        facts.available = stock->totalAvailable();
    facts.cost = item->cost;
    return facts;
}

core::Result<sales::PricedLine> SnapshotLinePricer::price(const std::string& customer_id,
                                                          const std::string& sku, const std::string& uom,
                                                          core::Decimal quantity, core::Date date) const {
    pricing::Resolver resolver(pricing_.current());
    pricing::PriceRequest request{customer_id, sku, uom, quantity, date, false};
    auto line = resolver.resolve(request);
    if (!line) return line.error();
    return sales::PricedLine{line->unit_price, std::string(line->currency.code), pricing::describe(*line)};
}

}  // namespace crossdock::server
