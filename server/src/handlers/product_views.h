#pragma once
// The product JSON of GET /api/v1/products and /api/v1/products/{sku}.

#include <optional>
#include <span>
#include <string>

#include "crossdock/core/date.h"
#include "crossdock/core/json.h"
#include "crossdock/pricing/resolver.h"
#include "state/catalog_state.h"

namespace crossdock::server {

/// Who the product is shown to: the customer whose prices, part numbers apply
/// (nullopt: staff without a customer, no prices) and the pricing date.
struct ProductViewer {
    std::optional<std::string> customer_id;
    core::Date date;
    const pricing::Resolver* resolver = nullptr;  ///< null: no prices
    bool show_cost = false;                       ///< staff: the item's cost per base unit (for margins)
};

/// {"sku","name","description","brand","gtin","mpn","family","category","status","base_uom",
///  "packs":[{"uom","quantity"}],"min_order_qty","order_multiple","attributes":{code: value},
///  "in_stock","available","customer_part_number","price":{"currency","unit_price","uom","list_id"}|null,
///  "tiers":[{"min_qty","unit_price","list_id"}]}, plus "cost" (per base unit, or null) for staff
void writeProduct(core::JsonWriter& out, const catalog::Item& item, const CatalogSnapshot& catalog,
                  const ProductViewer& viewer);

/// writeProduct() for each hit of a search page, in order; the page's prices are
/// resolved together (Resolver::resolveAll), each exactly as writeProduct() would.
void writeProducts(core::JsonWriter& out, std::span<const catalog::SearchHit> hits,
                   const CatalogSnapshot& catalog, const ProductViewer& viewer);

}  // namespace crossdock::server
