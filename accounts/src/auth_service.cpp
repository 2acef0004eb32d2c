#include "crossdock/accounts/auth_service.h"

#include <algorithm>
#include <cctype>

#include "caller_cache.h"
#include "crossdock/accounts/password.h"

namespace crossdock::accounts {
namespace {

using core::ErrorCode;
using core::makeError;

constexpr std::string_view kTokenPrefix = "cdt_";
constexpr std::string_view kApiKeyPrefix = "cdk_";
constexpr std::size_t kSecretBytes = 32;  // 256 bits

core::Error badCredentials() { return makeError(ErrorCode::Unauthenticated, "wrong email or password"); }

/// A hash to verify against when the email is unknown, so that an unknown
/// account takes as long to reject as a wrong password.
const std::string& dummyHash() {
    static const std::string hash = hashPassword("crossdock-dummy-password");
    return hash;
}

}  // namespace

core::Result<std::string> normalizeEmail(const std::string& email) {
    std::string out;
    out.reserve(email.size());
    for (char c : email) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    auto first = out.find_first_not_of(" \t\r\n");
    auto last = out.find_last_not_of(" \t\r\n");
    out = first == std::string::npos ? std::string{} : out.substr(first, last - first + 1);
    auto at = out.find('@');
    bool valid = at != std::string::npos && at > 0 && at + 1 < out.size() &&
                 out.find('@', at + 1) == std::string::npos &&
                 std::none_of(out.begin(), out.end(),
                              [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (!valid)
        return makeError(ErrorCode::InvalidArgument, "not an email address: '" + email + "'", "email");
    return out;
}

AuthService::AuthService(UserRepository& users, CredentialRepository& credentials, const core::Clock& clock,
                         AuthOptions options)
    : users_(users),
      credentials_(credentials),
      clock_(clock),
      options_(options),
      cache_(std::make_unique<CallerCache>(options.cache_ttl, 100'000)) {}

AuthService::~AuthService() = default;

core::Result<IssuedToken> AuthService::login(const std::string& email, const std::string& password) {
    auto normalized = normalizeEmail(email);
    if (!normalized) return badCredentials();
    const auto now = clock_.now();
    auto failures = credentials_.countFailedLogins(*normalized, now - options_.failed_login_window);
    if (failures >= static_cast<std::size_t>(options_.max_failed_logins)) {
        return makeError(ErrorCode::RateLimited,
                         "too many failed sign-ins for this account; try again later");
    }
    auto user = users_.findByEmail(*normalized);
    bool matches = verifyPassword(password, user ? user->password_hash : dummyHash());
    if (!user || !matches || !user->active) {
        credentials_.recordFailedLogin(*normalized, now);
        return badCredentials();
    }
    IssuedToken issued{std::string(kTokenPrefix) + randomHex(kSecretBytes), now + options_.token_ttl};
    credentials_.saveToken(TokenRecord{sha256Hex(issued.token), user->id, issued.expires_at});
    return issued;
}

core::Result<Caller> AuthService::authenticate(const std::string& bearer) const {
    const std::string hash = sha256Hex(bearer);
    const auto now = clock_.now();
    if (auto cached = cache_->find(hash, now)) return *cached;
    if (bearer.starts_with(kApiKeyPrefix)) {
        auto key = credentials_.findApiKey(hash);
        if (!key || !key->active) return makeError(ErrorCode::Unauthenticated, "unknown API key");
        Caller caller;
        caller.role = Role::Partner;
        caller.partner_id = key->partner_id;
        caller.company_id = key->company_id;
        cache_->put(hash, caller, now, std::nullopt);
        return caller;
    }
    auto token = credentials_.findToken(hash);
    if (!token) return makeError(ErrorCode::Unauthenticated, "unknown token");
    if (token->expires_at <= now) return makeError(ErrorCode::Unauthenticated, "token expired");
    auto user = users_.findById(token->user_id);
    if (!user || !user->active) return makeError(ErrorCode::Unauthenticated, "user no longer active");
    Caller caller;
    caller.role = user->role;
    caller.user_id = user->id;
    caller.email = user->email;
    caller.company_id = user->company_id;
    cache_->put(hash, caller, now, token->expires_at);
    return caller;
}

std::string AuthService::issueApiKey(const std::string& partner_id,
                                     const std::optional<std::string>& company_id) {
    std::string key = std::string(kApiKeyPrefix) + randomHex(kSecretBytes);
    credentials_.saveApiKey(ApiKeyRecord{sha256Hex(key), partner_id, company_id, true});
    cache_->clear();  // the partner's previous key must stop working here at once
    return key;
}

}  // namespace crossdock::accounts
