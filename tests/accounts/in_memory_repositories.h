#pragma once
// In-memory fakes of the accounts repositories, for domain tests only. The
// real implementations (storage/) run their own suite on SQLite and PostgreSQL.

#include <map>
#include <mutex>
#include <vector>

#include "crossdock/accounts/repositories.h"

namespace crossdock::accounts::testing {

class InMemoryUsers final : public UserRepository {
public:
    core::Result<std::int64_t> create(const User& user) override {
        std::lock_guard lock(mutex_);
        for (const auto& [id, u] : users_) {
            if (u.email == user.email) return core::makeError(core::ErrorCode::Conflict, "email exists");
        }
        User stored = user;
        stored.id = ++next_id_;
        users_[stored.id] = stored;
        return stored.id;
    }
    std::optional<User> findById(std::int64_t id) const override {
        std::lock_guard lock(mutex_);
        auto it = users_.find(id);
        return it == users_.end() ? std::nullopt : std::optional<User>(it->second);
    }
    std::optional<User> findByEmail(const std::string& email) const override {
        std::lock_guard lock(mutex_);
        for (const auto& [id, u] : users_) {
            if (u.email == email) return u;
        }
        return std::nullopt;
    }
    core::Status setPasswordHash(std::int64_t id, const std::string& hash) override {
        std::lock_guard lock(mutex_);
        auto it = users_.find(id);
        if (it == users_.end()) return core::makeError(core::ErrorCode::NotFound, "no user");
        it->second.password_hash = hash;
        return {};
    }
    void setActive(std::int64_t id, bool active) { users_.at(id).active = active; }

private:
    mutable std::mutex mutex_;
    std::map<std::int64_t, User> users_;
    std::int64_t next_id_ = 0;
};

class InMemoryCredentials final : public CredentialRepository {
public:
    void saveToken(const TokenRecord& token) override { tokens_[token.token_hash] = token; }
    std::optional<TokenRecord> findToken(const std::string& hash) const override {
        auto it = tokens_.find(hash);
        return it == tokens_.end() ? std::nullopt : std::optional<TokenRecord>(it->second);
    }
    std::size_t deleteExpiredTokens(TimePoint now) override {
        return std::erase_if(tokens_, [&](const auto& kv) { return kv.second.expires_at < now; });
    }
    void saveApiKey(const ApiKeyRecord& key) override {
        std::erase_if(keys_, [&](const auto& kv) { return kv.second.partner_id == key.partner_id; });
        keys_[key.key_hash] = key;
    }
    std::optional<ApiKeyRecord> findApiKey(const std::string& hash) const override {
        auto it = keys_.find(hash);
        return it == keys_.end() ? std::nullopt : std::optional<ApiKeyRecord>(it->second);
    }
    void recordFailedLogin(const std::string& email, TimePoint at) override {
        failures_.push_back({email, at});
    }
    std::size_t countFailedLogins(const std::string& email, TimePoint since) const override {
        std::size_t n = 0;
        for (const auto& [e, at] : failures_) n += (e == email && at >= since);
        return n;
    }
    std::size_t tokenCount() const { return tokens_.size(); }

private:
    std::map<std::string, TokenRecord> tokens_;
    std::map<std::string, ApiKeyRecord> keys_;
    std::vector<std::pair<std::string, TimePoint>> failures_;
};

}  // namespace crossdock::accounts::testing
