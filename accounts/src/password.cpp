#include "crossdock/accounts/password.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <charconv>
#include <optional>
#include <stdexcept>
#include <vector>

namespace crossdock::accounts {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::string_view kScheme = "pbkdf2-sha256";

std::vector<unsigned char> randomBytes(std::size_t n) {
    std::vector<unsigned char> out(n);
    if (RAND_bytes(out.data(), static_cast<int>(n)) != 1) {
        throw std::runtime_error("OpenSSL RAND_bytes failed");
    }
    return out;
}

std::string base64(const std::vector<unsigned char>& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                            static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

/// Decodes standard base64 without line breaks; nullopt when malformed.
std::optional<std::vector<unsigned char>> unbase64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    std::vector<unsigned char> out(text.size() / 4 * 3);
    int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                            static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    std::size_t padding = 0;
    if (text.back() == '=') ++padding;
    if (text[text.size() - 2] == '=') ++padding;
    out.resize(static_cast<std::size_t>(n) - padding);
    return out;
}

std::vector<unsigned char> derive(std::string_view password, const std::vector<unsigned char>& salt,
                                  int iterations, std::size_t length) {
    std::vector<unsigned char> out(length);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(length),
                          out.data()) != 1) {
        throw std::runtime_error("OpenSSL PKCS5_PBKDF2_HMAC failed");
    }
    return out;
}

std::string hex(const unsigned char* data, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(2 * n, '0');
    for (std::size_t i = 0; i < n; ++i) {
        out[2 * i] = kDigits[data[i] >> 4];
        out[2 * i + 1] = kDigits[data[i] & 0xF];
    }
    return out;
}

}  // namespace

std::string hashPassword(std::string_view password, int iterations) {
    if (iterations < 1) throw std::logic_error("hashPassword: iterations must be positive");
    auto salt = randomBytes(kSaltBytes);
    auto hash = derive(password, salt, iterations, kHashBytes);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64(salt) + "$" + base64(hash);
}

bool verifyPassword(std::string_view password, std::string_view encoded) {
    // scheme$iterations$salt$hash
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (parts.size() < 4) {
        std::size_t end = encoded.find('$', start);
        parts.push_back(encoded.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme) return false;
    int iterations = 0;
    auto [ptr, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    if (ec != std::errc{} || ptr != parts[1].data() + parts[1].size() || iterations < 1) return false;
    auto salt = unbase64(parts[2]);
    auto expected = unbase64(parts[3]);
    if (!salt || !expected || expected->empty()) return false;
    auto actual = derive(password, *salt, iterations, expected->size());
    return CRYPTO_memcmp(actual.data(), expected->data(), actual.size()) == 0;
}

std::string randomHex(std::size_t bytes) {
    auto data = randomBytes(bytes);
    return hex(data.data(), data.size());
}

std::string sha256Hex(std::string_view data) {
    // Fetched once: OpenSSL 3's SHA256() looks the algorithm up in the provider on every
    // call, a visible share of an authenticated request (the bearer is hashed each time).
    static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    unsigned int length = 0;
    if (kSha256 == nullptr || EVP_Digest(data.data(), data.size(), digest, &length, kSha256, nullptr) != 1) {
        throw std::runtime_error("SHA-256 is not available from OpenSSL");
    }
    return hex(digest, length);
}

}  // namespace crossdock::accounts
