#pragma once
// The command implementations main() hands over to. Each takes the words
// after its name and returns the process exit code: 0 success, 1 invalid
// input or a failure, 2 usage error.

#include <string>
#include <vector>

namespace crossdock::cli {

/// `crossdock init [--db URL] [--demo] [--admin-email E --admin-password P] [--samples DIR]`
int initCommand(const std::vector<std::string>& args);

/// `crossdock import KIND FILE [--db URL]`
int importCommand(const std::vector<std::string>& args);

/// `crossdock export catalog|categories [--output FILE] [--db URL]`
int exportCommand(const std::vector<std::string>& args);

/// `crossdock edi parse FILE` | `crossdock edi ingest FILE --partner ID [--db URL] [--config FILE]`
int ediCommand(const std::vector<std::string>& args);

}  // namespace crossdock::cli
