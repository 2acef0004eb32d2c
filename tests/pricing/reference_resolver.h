#pragma once

// A deliberately naive resolver for the property test: linear scans over the
// plain input vectors, written straight from docs/pricing.md without any of the
// snapshot's indexes, interning or shortcuts. Slow and obviously correct.

#include <optional>
#include <string>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"

namespace crossdock::pricing::test {

struct ReferenceLine {
    core::Decimal unit_price;
    core::Decimal extended;
    std::string list_id;
    core::Decimal min_qty;  // 0 for cost-based prices
    bool has_next = false;
    core::Decimal next_quantity;
    core::Decimal next_price;
    std::string next_list_id;
};

/// Either a line or an error reason ("no_price", "unknown_sku", ...).
struct ReferenceOutcome {
    std::optional<ReferenceLine> line;
    std::string reason;
};

class ReferenceResolver {
public:
    /// Keeps references to both: they must outlive the resolver.
    ReferenceResolver(const PricingData& data, const ItemLookup& items) : data_(data), items_(items) {}

    ReferenceOutcome resolve(std::string_view customer_id, std::string_view sku, std::string_view uom,
                             core::Decimal quantity, core::Date date) const;

private:
    struct Price {
        core::Decimal price;
        std::string list_id;
        core::Decimal min_qty;
    };
    struct Line;  // the request, resolved to item, factors and entries of the SKU

    std::optional<Price> listPrice(const Line& line, const std::string& list_id,
                                   core::Decimal quantity) const;
    std::optional<Price> entryPrice(const Line& line, const std::string& list_id,
                                    core::Decimal quantity) const;
    std::optional<Price> chainPrice(const Line& line, core::Decimal quantity) const;

    const PricingData& data_;
    const ItemLookup& items_;
};

}  // namespace crossdock::pricing::test
