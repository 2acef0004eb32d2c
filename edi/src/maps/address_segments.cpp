#include "address_segments.h"

namespace crossdock::edi::maps::detail {

void writeParty(x12::SegmentWriter& writer, StatusChain& chain, std::string_view role,
                const sales::ShipTo& address) {
    if (address == sales::ShipTo{}) return;
    writer.begin("N1").element(role).element(address.name);
    if (!address.location_id.empty()) writer.element("92").element(address.location_id);
    chain.add(writer.end());
    if (!address.address1.empty() || !address.address2.empty())
        chain.add(writer.write("N3", {address.address1, address.address2}));
    if (!address.city.empty() || !address.region.empty() || !address.postal_code.empty() ||
        !address.country.empty())
        chain.add(writer.write("N4", {address.city, address.region, address.postal_code, address.country}));
}

}  // namespace crossdock::edi::maps::detail
