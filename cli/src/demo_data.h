#pragma once
// Loads the demo world from samples/ (see samples/README.md).

#include <string>

#include "crossdock/core/result.h"

namespace crossdock::storage {
class Store;
}

namespace crossdock::cli {

struct DemoSummary {
    int companies = 0;      ///< created or updated
    int users_created = 0;  ///< users that did not exist yet
};

/// Loads samples_dir/customers.csv and samples_dir/users.csv into `store`.
/// Idempotent: companies are upserted, existing users are left as they are.
/// Errors name the file and line.
core::Result<DemoSummary> loadDemoData(storage::Store& store, const std::string& samples_dir);

}  // namespace crossdock::cli
