#pragma once

#include <Poco/Data/AbstractBinding.h>

#include "crossdock/accounts/repositories.h"
#include "database.h"

namespace crossdock::storage {

/// UserRepository over the `users` table. Thread-safe (a pooled session per call).
class SqlUserRepository final : public accounts::UserRepository {
public:
    /// `db` must outlive this repository.
    explicit SqlUserRepository(const Database& db) : db_(db) {}

    core::Result<std::int64_t> create(const accounts::User& user) override;
    std::optional<accounts::User> findById(std::int64_t id) const override;
    std::optional<accounts::User> findByEmail(const std::string& email) const override;
    core::Status setPasswordHash(std::int64_t id, const std::string& password_hash) override;

private:
    std::optional<accounts::User> findWhere(const char* operation, const std::string& condition,
                                            Poco::Data::AbstractBinding::Ptr value) const;

    const Database& db_;
};

}  // namespace crossdock::storage
