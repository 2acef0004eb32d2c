#pragma once
// Loads the demo world from samples/ (see samples/README.md).

#include <string>

#include "crossdock/core/result.h"

namespace crossdock::server {
class Runtime;
}

namespace crossdock::cli {

struct DemoSummary {
    int items = 0;          ///< catalog rows imported (created or updated)
    int prices = 0;         ///< price tiers imported
    int companies = 0;      ///< created or updated
    int partners = 0;       ///< trading partners created or updated
    int users_created = 0;  ///< users that did not exist yet
};

/// Loads samples_dir/{categories,catalog,price_lists,prices,customers,part_numbers}.csv through
/// the importers (server/data_import.h), then users.csv and partners.json, into the
/// runtime's store.
/// Idempotent: rows are upserted, existing users are left as they are.
/// Errors name the file and line (the first error of a file).
core::Result<DemoSummary> loadDemoData(server::Runtime& runtime, const std::string& samples_dir);

/// Loads the trading partners of samples_dir/partners.json (created or updated) and gives
/// each the demo API key demoPartnerKey(id) ("cdk_demo-acme-x12" for ACME-X12; README).
/// Returns how many. Errors name the file and the partner.
core::Result<int> loadDemoPartners(server::Runtime& runtime, const std::string& samples_dir);

/// The demo API key of a demo partner: "cdk_demo-" and its id in lower case.
std::string demoPartnerKey(const std::string& partner_id);

}  // namespace crossdock::cli
