#pragma once

#include <span>
#include <string_view>

#include "crossdock/storage/database_url.h"

namespace crossdock::storage {

/// One schema change, written for each backend where the dialects differ.
/// Conventions: timestamps are INTEGER (SQLite) / BIGINT (PostgreSQL) microseconds since the
/// epoch, UTC; money is INTEGER / BIGINT raw decimals with the currency beside it; SQLite tables
/// are STRICT, so a wrongly typed value fails on SQLite exactly as it would on PostgreSQL;
/// PostgreSQL text keys that lists page through are COLLATE "C", so they sort by byte as on SQLite.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sqlite_sql;      ///< statements separated by `;` (see splitStatements)
    std::string_view postgresql_sql;  ///< idem

    std::string_view sqlFor(Backend backend) const {
        return backend == Backend::Sqlite ? sqlite_sql : postgresql_sql;
    }
};

/// Every migration, versions strictly increasing from 1 (a version used twice is a
/// std::logic_error, raised on first call). Append only: a migration that has shipped is never edited, a
/// change is a new migration with the next free version number.
std::span<const Migration> allMigrations();

/// Each area's migrations, in its own migrations_<area>.cpp. Versions are global: a new
/// migration takes the next number after the highest one of any area.
std::span<const Migration> accountsMigrations();  // 1, 6 (customer terms)
std::span<const Migration> catalogMigrations();   // 2
std::span<const Migration> pricingMigrations();   // 3
std::span<const Migration> salesMigrations();     // 4
std::span<const Migration> ediMigrations();       // 5, 7 (inbound claims)

}  // namespace crossdock::storage
