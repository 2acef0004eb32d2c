#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/decimal.h"
#include "crossdock/core/json.h"
#include "crossdock/core/result.h"

namespace crossdock::server {

/// Reading fields of a JSON request body with errors that name the field.
/// Every failure is InvalidArgument (HTTP 400) with `where` set to the JSONPath of
/// the field ("$.email"), and a message such as
/// `missing required field "email"` or `field "email" must be a string`.
/// A body that is not an object fails every read with `where` "$".

/// The string member `key`. Fails when absent, null or not a string.
core::Result<std::string> requiredString(const core::Json& body, std::string_view key);

/// The string member `key`, or nullopt when absent or null. Fails for other types.
core::Result<std::optional<std::string>> optionalString(const core::Json& body, std::string_view key);

/// The integer member `key` (a JSON number without fraction). Fails when absent,
/// not a number, fractional (InvalidArgument) or outside int64 (Overflow).
core::Result<std::int64_t> requiredInt64(const core::Json& body, std::string_view key);

/// The decimal member `key`: a JSON number or a decimal string ("12.5"), as
/// CONTRACT accepts quantities. Fails when absent or malformed.
core::Result<core::Decimal> requiredDecimal(const core::Json& body, std::string_view key);

/// The array-of-strings member `key`, or nullopt when absent or null.
core::Result<std::optional<std::vector<std::string>>> optionalStringArray(const core::Json& body,
                                                                          std::string_view key);

/// Ok when `body` is an object, else InvalidArgument "request body must be a JSON object".
core::Status requireObject(const core::Json& body);

}  // namespace crossdock::server
