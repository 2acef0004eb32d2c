#pragma once
// The catalog import of a BMEcat document (edi/bmecat) into the catalog repository.

#include <iosfwd>
#include <string>

#include "crossdock/catalog/import_report.h"
#include "crossdock/server/data_import.h"

namespace crossdock::server {

/// Reads `in` with edi::bmecat::BmecatImporter and writes its categories and items in
/// one transaction (nothing when the report has errors). Does not reload the runtime.
catalog::ImportReport importBmecat(Runtime& runtime, std::istream& in, const std::string& source,
                                   const ImportSettings& settings);

}  // namespace crossdock::server
