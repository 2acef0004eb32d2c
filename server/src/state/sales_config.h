#pragma once
// Reading the sales.* configuration keys (docs/sales.md, "Configuration").

#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "crossdock/server/sales_options.h"

namespace crossdock::server {

/// Reads the sales.* keys present in `config` into `options` (absent keys keep their
/// defaults). "" when every value is valid, else a message naming the first bad key.
std::string readSalesOptions(const Poco::Util::AbstractConfiguration& config, SalesOptions& options);

}  // namespace crossdock::server
