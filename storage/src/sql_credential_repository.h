#pragma once

#include "crossdock/accounts/repositories.h"
#include "database.h"

namespace crossdock::storage {

/// CredentialRepository over auth_tokens, api_keys and failed_logins. Times are stored in
/// microseconds, rounded down: a token read back expires at most 1 µs earlier than saved.
/// Thread-safe (a pooled session per call).
class SqlCredentialRepository final : public accounts::CredentialRepository {
public:
    /// `db` must outlive this repository.
    explicit SqlCredentialRepository(const Database& db) : db_(db) {}

    /// Saving a token hash that exists replaces its user and expiry. Throws StorageError when
    /// user_id names no user.
    void saveToken(const accounts::TokenRecord& token) override;
    std::optional<accounts::TokenRecord> findToken(const std::string& token_hash) const override;
    std::size_t deleteExpiredTokens(accounts::TimePoint now) override;

    void saveApiKey(const accounts::ApiKeyRecord& key) override;
    std::optional<accounts::ApiKeyRecord> findApiKey(const std::string& key_hash) const override;

    void recordFailedLogin(const std::string& email, accounts::TimePoint at) override;
    std::size_t countFailedLogins(const std::string& email, accounts::TimePoint since) const override;

private:
    const Database& db_;
};

}  // namespace crossdock::storage
