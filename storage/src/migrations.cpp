// The migrations of every area, merged into one version order.
#include "migrations.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace crossdock::storage {
namespace {

std::vector<Migration> collect() {
    std::vector<Migration> all;
    for (auto area : {accountsMigrations(), catalogMigrations(), pricingMigrations(), salesMigrations(),
                      ediMigrations()}) {
        all.insert(all.end(), area.begin(), area.end());
    }
    std::sort(all.begin(), all.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < all.size(); ++i) {
        if (all[i].version == all[i - 1].version) {
            throw std::logic_error("migrations: version " + std::to_string(all[i].version) +
                                   " is used by both " + std::string(all[i - 1].name) + " and " +
                                   std::string(all[i].name));
        }
    }
    return all;
}

}  // namespace

std::span<const Migration> allMigrations() {
    static const std::vector<Migration> all = collect();
    return all;
}

}  // namespace crossdock::storage
