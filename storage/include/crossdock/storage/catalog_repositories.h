#pragma once

// The catalog and pricing repositories over a Store.

#include <memory>

#include "crossdock/catalog/catalog_repository.h"
#include "crossdock/pricing/pricing_repository.h"
#include "crossdock/storage/store.h"

namespace crossdock::storage {

/// Repositories over `store` (migrated), valid while it lives. Thread-safe.
std::unique_ptr<catalog::CatalogRepository> makeCatalogRepository(Store& store);
std::unique_ptr<pricing::PricingRepository> makePricingRepository(Store& store);

}  // namespace crossdock::storage
