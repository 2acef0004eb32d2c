#pragma once

#include "crossdock/accounts/repositories.h"
#include "database.h"

namespace crossdock::storage {

/// CompanyRepository over the `companies` table. Thread-safe (a pooled session per call).
class SqlCompanyRepository final : public accounts::CompanyRepository {
public:
    /// `db` must outlive this repository.
    explicit SqlCompanyRepository(const Database& db) : db_(db) {}

    core::Status create(const accounts::Company& company) override;
    core::Status update(const accounts::Company& company) override;
    std::optional<accounts::Company> find(const std::string& id) const override;
    std::vector<accounts::Company> list(const std::string& after_id, std::size_t limit) const override;

private:
    const Database& db_;
};

}  // namespace crossdock::storage
