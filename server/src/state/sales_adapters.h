#pragma once
// What sales reads of the catalog and of prices, over the live snapshots.

#include "crossdock/sales/ports.h"
#include "state/catalog_state.h"
#include "state/pricing_state.h"

namespace crossdock::server {

/// sales::ItemLookup over the current catalog snapshot: SKU first, then the
/// customer's part number, then a GTIN-14; visibility from the customer's assortments; stock as
/// the sum over warehouses (nullopt when the item has no stock rows).
class CatalogItemLookup final : public sales::ItemLookup {
public:
    explicit CatalogItemLookup(const CatalogState& catalog) : catalog_(catalog) {}
    std::optional<sales::ItemFacts> find(const std::string& customer_id,
                                         std::string_view code) const override;

private:
    const CatalogState& catalog_;
};

/// sales::LinePricer over the current price snapshot (pricing::Resolver); the
/// explanation is pricing::describe()'s text.
class SnapshotLinePricer final : public sales::LinePricer {
public:
    explicit SnapshotLinePricer(const PricingState& pricing) : pricing_(pricing) {}
    core::Result<sales::PricedLine> price(const std::string& customer_id, const std::string& sku,
                                          const std::string& uom, core::Decimal quantity,
                                          core::Date date) const override;

private:
    const PricingState& pricing_;
};

}  // namespace crossdock::server
