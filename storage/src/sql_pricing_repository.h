#pragma once

#include "crossdock/pricing/pricing_repository.h"
#include "database.h"

namespace crossdock::storage {

inline constexpr std::int64_t kPricingWriteLock = 0x50524943;  // "PRIC"

/// PricingRepository over the tables of migration 3. Thread-safe.
class SqlPricingRepository final : public pricing::PricingRepository {
public:
    explicit SqlPricingRepository(const Database& db) : db_(db) {}

    pricing::PricingData load() const override;
    std::unique_ptr<pricing::PricingWrite> begin() override;
    std::int64_t version() const override;
    std::vector<pricing::PriceList> lists() const override;
    std::vector<pricing::PriceEntry> entries(const std::string& list_id, const std::string& sku,
                                             const std::string& after_sku, std::size_t limit) const override;

private:
    const Database& db_;
};

}  // namespace crossdock::storage
