#pragma once

#include <string_view>

#include "crossdock/sales/order_request.h"
#include "outbound_support.h"

namespace crossdock::edi::maps::detail {

/// N1*<role>*<name>[*92*<location_id>], N3, N4 for a non-empty address; nothing
/// for an empty one.
void writeParty(x12::SegmentWriter& writer, StatusChain& chain, std::string_view role,
                const sales::ShipTo& address);

}  // namespace crossdock::edi::maps::detail
