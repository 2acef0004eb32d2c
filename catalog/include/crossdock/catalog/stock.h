#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Stock of one item in one warehouse, in the item's base unit.
struct StockLevel {
    std::string warehouse;
    core::Decimal on_hand;                   ///< physically there (may be negative in an oversold ERP feed)
    core::Decimal reserved;                  ///< promised to open orders, ≥ 0
    std::optional<core::Date> next_receipt;  ///< expected date of the next inbound delivery

    /// on_hand − reserved; negative when oversold. Overflow cannot happen for
    /// levels accepted by ItemStock::set() (both operands are checked there).
    core::Decimal available() const { return on_hand - reserved; }

    bool operator==(const StockLevel&) const = default;
};

/// The stock of one item across warehouses. Few warehouses per item, so a
/// vector scanned linearly. A value type.
class ItemStock {
public:
    /// Sets (or replaces) the level of `level.warehouse`. InvalidArgument when the
    /// warehouse is empty, `reserved` is negative, or on_hand − reserved overflows.
    core::Status set(StockLevel level);

    /// The level in `warehouse`, or nullptr.
    const StockLevel* find(std::string_view warehouse) const;

    /// Sum of the positive available quantities (an oversold warehouse does not
    /// cancel another's stock). Throws core::OverflowError only on absurd totals.
    core::Decimal totalAvailable() const;
    /// True when some warehouse has a positive available quantity.
    bool inStock() const;
    /// The earliest next receipt date over all warehouses, or nullopt.
    std::optional<core::Date> nextReceipt() const;

    const std::vector<StockLevel>& levels() const { return levels_; }

private:
    std::vector<StockLevel> levels_;
};

}  // namespace crossdock::catalog
