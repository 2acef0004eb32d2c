#include "crossdock/catalog/stock.h"

#include <algorithm>

namespace crossdock::catalog {

core::Status ItemStock::set(StockLevel level) {
    using core::ErrorCode;
    if (level.warehouse.empty())
        return core::makeError(ErrorCode::InvalidArgument, "stock level without a warehouse");
    if (level.reserved.isNegative()) {
        return core::makeError(ErrorCode::InvalidArgument,
                               "reserved stock in warehouse '" + level.warehouse +
                                   "' is negative: " + level.reserved.toShortString());
    }
    if (auto difference = core::Decimal::subtract(level.on_hand, level.reserved); !difference) {
        return difference.takeError();
    }
    auto it = std::find_if(levels_.begin(), levels_.end(),
                           [&](const StockLevel& l) { return l.warehouse == level.warehouse; });
    if (it != levels_.end()) {
        *it = std::move(level);
    } else {
        levels_.push_back(std::move(level));
    }
    return {};
}

const StockLevel* ItemStock::find(std::string_view warehouse) const {
    auto it = std::find_if(levels_.begin(), levels_.end(),
                           [&](const StockLevel& l) { return l.warehouse == warehouse; });
    return it == levels_.end() ? nullptr : &*it;
}

core::Decimal ItemStock::totalAvailable() const {
    core::Decimal total;
    for (const auto& level : levels_) {
        if (auto available = level.available(); available > core::Decimal()) total += available;
    }
    return total;
}

bool ItemStock::inStock() const {
    return std::any_of(levels_.begin(), levels_.end(),
                       [](const StockLevel& l) { return l.available() > core::Decimal(); });
}

std::optional<core::Date> ItemStock::nextReceipt() const {
    std::optional<core::Date> earliest;
    for (const auto& level : levels_) {
        if (level.next_receipt && (!earliest || *level.next_receipt < *earliest))
            earliest = level.next_receipt;
    }
    return earliest;
}

}  // namespace crossdock::catalog
