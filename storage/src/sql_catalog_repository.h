#pragma once

#include "crossdock/catalog/catalog_repository.h"
#include "database.h"

namespace crossdock::storage {

/// The PostgreSQL advisory lock every catalog writer takes, so that writers from several
/// instances run one at a time (SQLite: BEGIN IMMEDIATE does the same).
inline constexpr std::int64_t kCatalogWriteLock = 0x43415441;  // "CATA"

/// CatalogRepository over the catalog tables of migration 2. Thread-safe.
class SqlCatalogRepository final : public catalog::CatalogRepository {
public:
    explicit SqlCatalogRepository(const Database& db) : db_(db) {}

    catalog::CatalogData load() const override;
    std::unique_ptr<catalog::CatalogWrite> begin() override;
    std::int64_t version() const override;

private:
    const Database& db_;
};

/// The version of `area` in data_versions, on `session`.
std::int64_t readDataVersion(Poco::Data::Session& session, const Database& db, const std::string& area);
/// Adds one to the version of `area`, inside the caller's transaction.
void bumpDataVersion(Poco::Data::Session& session, const Database& db, const std::string& area);

}  // namespace crossdock::storage
