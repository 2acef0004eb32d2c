#include "crossdock/storage/catalog_repositories.h"

#include "sql_catalog_repository.h"
#include "sql_pricing_repository.h"

namespace crossdock::storage {

std::unique_ptr<catalog::CatalogRepository> makeCatalogRepository(Store& store) {
    return std::make_unique<SqlCatalogRepository>(store.database());
}

std::unique_ptr<pricing::PricingRepository> makePricingRepository(Store& store) {
    return std::make_unique<SqlPricingRepository>(store.database());
}

}  // namespace crossdock::storage
