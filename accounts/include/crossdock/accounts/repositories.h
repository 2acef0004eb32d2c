#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/accounts/company.h"
#include "crossdock/accounts/user.h"
#include "crossdock/core/result.h"

namespace crossdock::accounts {

using TimePoint = std::chrono::system_clock::time_point;

/// Companies (customer accounts). Implemented in storage/; tests use the same
/// implementation over a temporary SQLite file or a throwaway PostgreSQL.
/// Implementations are thread-safe; infrastructure failures throw.
class CompanyRepository {
public:
    virtual ~CompanyRepository() = default;

    /// Inserts a new company. Conflict when the id exists.
    virtual core::Status create(const Company& company) = 0;

    /// Replaces name, currency, status, credit limit, rep and tax exemption of an existing
    /// company. NotFound when absent.
    virtual core::Status update(const Company& company) = 0;

    /// The company with `id`, or nullopt.
    virtual std::optional<Company> find(const std::string& id) const = 0;

    /// Companies ordered by id, starting after `after_id` (exclusive), at most `limit`.
    virtual std::vector<Company> list(const std::string& after_id, std::size_t limit) const = 0;
};

/// Users. `email` is unique (case-insensitive: callers pass it lower-cased).
class UserRepository {
public:
    virtual ~UserRepository() = default;

    /// Inserts `user` and returns its new id. Conflict when the email exists;
    /// NotFound when company_id names no company.
    virtual core::Result<std::int64_t> create(const User& user) = 0;

    virtual std::optional<User> findById(std::int64_t id) const = 0;
    virtual std::optional<User> findByEmail(const std::string& email) const = 0;

    /// Replaces the password hash of user `id`. NotFound when absent.
    virtual core::Status setPasswordHash(std::int64_t id, const std::string& password_hash) = 0;
};

/// A bearer token as stored: only its SHA-256, never the token itself.
struct TokenRecord {
    std::string token_hash;  ///< lower-case hex SHA-256 of the token
    std::int64_t user_id = 0;
    TimePoint expires_at;
};

/// A partner's API key as stored: only its SHA-256.
struct ApiKeyRecord {
    std::string key_hash;  ///< lower-case hex SHA-256 of the key
    std::string partner_id;
    std::optional<std::string> company_id;  ///< the customer the partner orders for
    bool active = true;
};

/// Tokens, API keys and the failed-login log. Kept in the database, not in
/// process memory, so that several instances share them.
class CredentialRepository {
public:
    virtual ~CredentialRepository() = default;

    virtual void saveToken(const TokenRecord& token) = 0;
    /// The token with this hash, expired or not (the caller checks expiry), or nullopt.
    virtual std::optional<TokenRecord> findToken(const std::string& token_hash) const = 0;
    /// Removes tokens that expired before `now`; returns how many.
    virtual std::size_t deleteExpiredTokens(TimePoint now) = 0;

    /// Stores a new key, or replaces the key of the same partner.
    virtual void saveApiKey(const ApiKeyRecord& key) = 0;
    virtual std::optional<ApiKeyRecord> findApiKey(const std::string& key_hash) const = 0;

    /// Records one failed sign-in for `email` at `at`.
    virtual void recordFailedLogin(const std::string& email, TimePoint at) = 0;
    /// Failed sign-ins for `email` at or after `since`.
    virtual std::size_t countFailedLogins(const std::string& email, TimePoint since) const = 0;
};

}  // namespace crossdock::accounts
