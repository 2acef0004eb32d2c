#pragma once
// Base64 (RFC 4648, with padding) for the raw bytes of EDI messages: stored as text so that any
// byte, NUL included, survives on SQLite and PostgreSQL alike.

#include <string>
#include <string_view>

namespace crossdock::storage {

std::string encodeBase64(std::string_view bytes);

/// Throws StorageError on text encodeBase64() cannot have written.
std::string decodeBase64(std::string_view text);

}  // namespace crossdock::storage
