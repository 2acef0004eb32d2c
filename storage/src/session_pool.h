#pragma once

#include <memory>

#include <Poco/Data/SessionPool.h>

#include "crossdock/storage/database_url.h"
#include "crossdock/storage/store.h"

namespace crossdock::storage {

/// A pool for `url` whose every new connection is set up for Crossdock before first use.
/// SQLite: busy_timeout=10000, foreign_keys=ON, synchronous=FULL, journal_mode=WAL (a
/// StorageError when the file system refuses WAL). PostgreSQL: client_min_messages=warning,
/// so that libpq does not print NOTICEs on stderr. Connects lazily: the first get() does.
std::unique_ptr<Poco::Data::SessionPool> makeSessionPool(const DatabaseUrl& url, const StoreOptions& options);

}  // namespace crossdock::storage
