#pragma once

#include <string>
#include <string_view>

namespace crossdock::server {

/// True for an inbound X-Request-Id worth keeping: 1..128 characters from
/// [A-Za-z0-9._:-]. Anything else (spaces, quotes, control bytes) could forge log
/// lines or headers and is replaced by a generated id.
bool isSaneRequestId(std::string_view id);

/// A fresh id: 32 lower-case hex digits from a per-thread generator seeded by
/// std::random_device. Unique in practice across instances; not a secret.
std::string newRequestId();

}  // namespace crossdock::server
