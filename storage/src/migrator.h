#pragma once

#include "database.h"

namespace crossdock::storage {

/// Applies the migrations `db` lacks (see Store::migrate for the contract); returns how many.
int applyMigrations(const Database& db);

/// The highest version recorded in schema_migrations; 0 when the table does not exist yet.
int appliedVersion(const Database& db);

}  // namespace crossdock::storage
