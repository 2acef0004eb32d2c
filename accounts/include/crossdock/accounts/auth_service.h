#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "crossdock/accounts/caller.h"
#include "crossdock/accounts/repositories.h"
#include "crossdock/core/clock.h"
#include "crossdock/core/result.h"

namespace crossdock::accounts {

struct AuthOptions {
    std::chrono::seconds token_ttl{8 * 3600};           ///< auth.token_ttl_seconds
    int max_failed_logins = 10;                         ///< auth.max_failed_logins
    std::chrono::seconds failed_login_window{15 * 60};  ///< auth.failed_login_window_seconds
    /// auth.cache_ttl_ms: how long an authenticated credential is trusted without asking
    /// the database again (0: always ask). A deactivated user or a replaced API key is
    /// refused within this time.
    std::chrono::milliseconds cache_ttl{1000};
};

struct IssuedToken {
    std::string token;  ///< shown to the caller once; only its hash is stored
    TimePoint expires_at;
};

/// Sign-in, bearer tokens and partner API keys. Thread-safe when its
/// repositories are.
class CallerCache;

class AuthService {
public:
    AuthService(UserRepository& users, CredentialRepository& credentials, const core::Clock& clock,
                AuthOptions options = {});
    ~AuthService();

    /// Checks email and password and issues a token. Errors: RateLimited after
    /// max_failed_logins failures for that email inside the window (checked
    /// before the password, so a throttled account answers 429 even with the
    /// right password); Unauthenticated for an unknown email, wrong password or
    /// inactive user (one message for all, so accounts cannot be probed).
    core::Result<IssuedToken> login(const std::string& email, const std::string& password);

    /// The caller behind a bearer credential: a token from login() or a
    /// partner API key. Unauthenticated when unknown, expired or inactive. A
    /// credential found valid is remembered for options.cache_ttl (never past the
    /// token's expiry), so most requests do not read the database.
    core::Result<Caller> authenticate(const std::string& bearer) const;

    /// Creates (or replaces) the API key of `partner_id`, acting for customer
    /// `company_id`. Returns the key: it is shown once and stored only hashed.
    std::string issueApiKey(const std::string& partner_id, const std::optional<std::string>& company_id);

private:
    UserRepository& users_;
    CredentialRepository& credentials_;
    const core::Clock& clock_;
    AuthOptions options_;
    std::unique_ptr<CallerCache> cache_;
};

/// Lower-cases and trims an email address; InvalidArgument when it has no
/// single '@' with text on both sides.
core::Result<std::string> normalizeEmail(const std::string& email);

}  // namespace crossdock::accounts
