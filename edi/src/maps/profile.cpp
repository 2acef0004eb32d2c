#include "crossdock/edi/maps/profile.h"

namespace crossdock::edi::maps {

std::string isaVersionOf(std::string_view gs_version) {
    if (gs_version.size() < 5) return std::string(gs_version);
    return std::string(gs_version.substr(0, 5));
}

bool usesImplementationAck(std::string_view gs_version) {
    if (gs_version.size() < 6) return false;
    for (std::size_t i = 0; i < 6; ++i) {
        if (gs_version[i] < '0' || gs_version[i] > '9') return false;
    }
    return gs_version.substr(0, 6) >= "005010";
}

}  // namespace crossdock::edi::maps
