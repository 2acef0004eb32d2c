#pragma once

#include <string>
#include <string_view>

namespace crossdock::accounts {

/// PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP 2023 recommendation).
inline constexpr int kDefaultPbkdf2Iterations = 600'000;

/// Hashes `password` with a fresh 16-byte random salt. The result is
/// self-describing: "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>".
/// Deliberately slow (~0.3 s at the default); thread-safe.
std::string hashPassword(std::string_view password, int iterations = kDefaultPbkdf2Iterations);

/// True when `password` matches `encoded` (as written by hashPassword). Compares
/// in constant time; false for a malformed `encoded`.
bool verifyPassword(std::string_view password, std::string_view encoded);

/// `bytes` random bytes from OpenSSL's CSPRNG, as lower-case hex (2 chars a byte).
std::string randomHex(std::size_t bytes);

/// Lower-case hex SHA-256 of `data`: how tokens and API keys are stored.
std::string sha256Hex(std::string_view data);

}  // namespace crossdock::accounts
