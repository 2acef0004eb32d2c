#include "handlers/product_views.h"

#include "handlers/price_views.h"

namespace crossdock::server {
namespace {

void writeAttributes(core::JsonWriter& out, const catalog::Item& item, const catalog::CategoryTree& tree) {
    out.key("attributes").beginObject();
    for (const catalog::AttributeValue& value : item.attributes) {
        const catalog::AttributeDefinition& definition = tree.attribute(value.attribute);
        out.key(definition.code);
        if (const bool* flag = std::get_if<bool>(&value.data)) {
            out.boolean(*flag);
        } else {
            out.string(catalog::formatAttributeValue(definition, value.data));
        }
    }
    out.endObject();
}

void writeStock(core::JsonWriter& out, const catalog::Item& item, const CatalogSnapshot& catalog) {
    const catalog::ItemStock* stock = catalog.stockOf(item.sku);
    out.field("in_stock", stock != nullptr && stock->inStock());
    out.key("available");
    if (stock != nullptr) {
        out.string(stock->totalAvailable().toShortString());
    } else {
        out.null();
    }
}

// The request for a product's shown price: one base unit, or the minimum order
// quantity when it is larger (a nut sold by the dozen has no price for one piece).
pricing::PriceRequest priceRequest(const catalog::Item& item, const ProductViewer& viewer) {
    const core::Decimal one = core::Decimal::fromRaw(core::Decimal::kOne);
    const core::Decimal quantity = item.min_order_qty > one ? item.min_order_qty : one;
    return {*viewer.customer_id, item.sku, item.units.baseUnit(), quantity, viewer.date, false};
}

bool priced(const ProductViewer& viewer) { return viewer.resolver != nullptr && viewer.customer_id; }

// `line`: the price of priceRequest(item, viewer), when the viewer sees prices.
void writePrice(core::JsonWriter& out, const catalog::Item& item, const ProductViewer& viewer,
                const core::Result<pricing::PricedLine>* line) {
    out.key("price");
    std::vector<pricing::TierStep> tiers;
    const std::string& unit = item.units.baseUnit();
    if (line != nullptr && *line) {
        const pricing::PricedLine& price = **line;
        out.beginObject()
            .field("currency", price.currency.code)
            .field("unit_price", moneyText(price.unit_price));
        out.field("uom", unit)
            .field("quantity", priceRequest(item, viewer).quantity.toShortString())
            .field("list_id", price.list_id);
        out.endObject();
        if (auto ladder = viewer.resolver->tiersFor(*viewer.customer_id, item.sku, unit, viewer.date)) {
            tiers = std::move(*ladder);
        }
    } else {
        out.null();
    }
    out.key("tiers");
    writeTiers(out, tiers);
}

void writeProductWith(core::JsonWriter& out, const catalog::Item& item, const CatalogSnapshot& catalog,
                      const ProductViewer& viewer, const core::Result<pricing::PricedLine>* line);

}  // namespace

void writeProduct(core::JsonWriter& out, const catalog::Item& item, const CatalogSnapshot& catalog,
                  const ProductViewer& viewer) {
    if (!priced(viewer)) return writeProductWith(out, item, catalog, viewer, nullptr);
    const auto line = viewer.resolver->resolve(priceRequest(item, viewer));
    writeProductWith(out, item, catalog, viewer, &line);
}

void writeProducts(core::JsonWriter& out, std::span<const catalog::SearchHit> hits,
                   const CatalogSnapshot& catalog, const ProductViewer& viewer) {
    std::vector<core::Result<pricing::PricedLine>> lines;
    if (priced(viewer)) {
        // The page's prices in one resolveAll(): its pipeline overlaps the lines' cache misses.
        std::vector<pricing::PriceRequest> requests;
        requests.reserve(hits.size());
        for (const catalog::SearchHit& hit : hits) requests.push_back(priceRequest(hit.item, viewer));
        lines = viewer.resolver->resolveAll(requests);
    }
    for (std::size_t i = 0; i < hits.size(); ++i)
        writeProductWith(out, hits[i].item, catalog, viewer, lines.empty() ? nullptr : &lines[i]);
}

namespace {

void writeProductWith(core::JsonWriter& out, const catalog::Item& item, const CatalogSnapshot& catalog,
                      const ProductViewer& viewer, const core::Result<pricing::PricedLine>* line) {
    const catalog::CategoryTree& tree = catalog.tree();
    out.beginObject();
    out.field("sku", item.sku).field("name", item.name).field("description", item.description);
    out.field("brand", item.brand)
        .field("gtin", item.gtin)
        .field("mpn", item.mpn)
        .field("family", item.family);
    out.field("category",
              item.category == catalog::kNoCategory ? std::string() : tree.category(item.category).path);
    out.field("status", catalog::toString(item.status)).field("base_uom", item.units.baseUnit());
    out.key("packs").beginArray();
    for (const core::PackLevel& level : item.units.levels()) {
        out.beginObject()
            .field("uom", level.unit)
            .field("quantity", level.base_qty.toShortString())
            .endObject();
    }
    out.endArray();
    out.field("min_order_qty", item.min_order_qty.toShortString());
    out.field("order_multiple", item.order_multiple.toShortString());
    out.key("tax_rate");  // percent; null: the configured default rate applies
    item.tax_rate ? out.string(item.tax_rate->toShortString()) : out.null();
    writeAttributes(out, item, tree);
    writeStock(out, item, catalog);
    out.key("customer_part_number");
    std::vector<std::string> parts;
    if (viewer.customer_id) parts = catalog.part_numbers.partNumbersFor(*viewer.customer_id, item.sku);
    if (parts.empty()) {
        out.null();
    } else {
        out.string(parts.front());
    }
    writePrice(out, item, viewer, line);
    if (viewer.show_cost) {
        out.key("cost");
        item.cost ? out.string(moneyText(*item.cost)) : out.null();
    }
    out.endObject();
}

}  // namespace

}  // namespace crossdock::server
