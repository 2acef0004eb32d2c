#pragma once

// Shipments: partial deliveries of an order (what an 856 / DESADV reports).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/clock.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/sales/order.h"

namespace crossdock::sales {

/// True when `sscc` is an SSCC-18: exactly 18 ASCII digits whose last is the GS1
/// mod-10 check digit of the first 17 (no "00" application identifier prefix).
bool isValidSscc(std::string_view sscc);

/// The GS1 check digit (0..9) of `digits`: weights 3,1,3,... from the right.
/// nullopt when `digits` is empty or holds anything but ASCII digits.
std::optional<int> gs1CheckDigit(std::string_view digits);

/// One package (carton, pallet) of a shipment.
struct Package {
    std::string sscc;  ///< SSCC-18
    std::optional<core::Decimal> weight_kg;

    bool operator==(const Package&) const = default;
};

/// A quantity of one order line in a shipment, in that line's unit.
struct ShipmentLine {
    int order_line_no = 0;
    std::string sku;  ///< filled from the order line
    core::Decimal quantity;
    std::string uom;  ///< filled from the order line

    bool operator==(const ShipmentLine&) const = default;
};

/// What a warehouse reports when goods leave.
struct ShipmentInput {
    std::string carrier;          ///< SCAC or name; required
    std::string tracking_number;  ///< may be empty (own fleet)
    core::Date ship_date;
    std::vector<Package> packages;
    std::vector<ShipmentLine> lines;  ///< order_line_no and quantity; sku and uom are ignored
};

/// A shipment as stored.
struct Shipment {
    std::int64_t id = 0;
    std::string number;  ///< "SH-000042"
    std::int64_t order_id = 0;
    std::string customer_id;
    std::string carrier;
    std::string tracking_number;
    core::Date ship_date;
    std::vector<Package> packages;
    std::vector<ShipmentLine> lines;
    core::TimePoint created_at;
};

/// "SH-000042".
std::string formatShipmentNumber(std::int64_t id);

/// Applies `input` to `order`: checks it and returns the shipment (id 0, no
/// number), adding the quantities to the lines' shipped quantities and moving the
/// order to PartiallyShipped or Shipped (recorded with `by_user`, `at`).
/// FailedPrecondition when the order is not Acknowledged or PartiallyShipped;
/// InvalidArgument when the carrier is empty, there are no lines, a line number is
/// not on the order or is rejected, a quantity is not > 0, a line would ship more
/// than ordered minus already shipped (lines repeated in the input count together),
/// a package's SSCC is not valid, or two packages share one. `order` is unchanged
/// on error.
core::Result<Shipment> applyShipment(Order& order, const ShipmentInput& input, std::int64_t by_user,
                                     core::TimePoint at);

}  // namespace crossdock::sales
