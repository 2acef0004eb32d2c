#pragma once
// Reading the edi.* configuration keys (docs/edi-x12.md, "Configuration").

#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "crossdock/server/edi_options.h"

namespace crossdock::server {

/// Reads the edi.* keys present in `config` into `options` (absent keys keep their defaults).
/// "" when every value is valid, else a message naming the first bad key.
std::string readEdiOptions(const Poco::Util::AbstractConfiguration& config, EdiOptions& options);

}  // namespace crossdock::server
