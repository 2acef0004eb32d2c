#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crossdock::storage {

// SQL is written once, with `?` placeholders (SQLite's form). Poco 1.11's PostgreSQL connector
// hands statements to PQprepare unchanged, so PostgreSQL needs them numbered ($1, $2, ...), and a
// prepared statement may hold only one command. These two helpers bridge that.
//
// Both understand '...' string literals ('' inside), "..." identifiers, -- and /* */ comments.
// They do not understand PostgreSQL's E'...' escapes or $$ dollar quoting: do not use those.

/// `sql` with every `?` outside literals and comments replaced by $1, $2, ... in order.
std::string numberPlaceholders(std::string_view sql);

/// The statements of `script`, split at `;` outside literals and comments, trimmed, without
/// empty ones. Not for SQLite triggers (their bodies hold `;`).
std::vector<std::string> splitStatements(std::string_view script);

}  // namespace crossdock::storage
