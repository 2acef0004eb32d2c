#pragma once

#include <memory>
#include <string>

#include "builder_state.h"
#include "crossdock/core/result.h"

namespace crossdock::pricing::detail {

/// Checks a rule list on its own (values, percentages, duplicate scopes) and builds
/// its lookup maps. The source list is resolved later, by the builder. Errors are
/// positioned at `where` plus " rule N". `source_slot` is the slot of the source
/// list (StringTable::kNone for cost or when unknown; the builder reports that).
/// The rules' SKUs, categories and brands are interned into `tables` (matching
/// compares ids).
core::Result<std::shared_ptr<const CompiledRules>> compileRules(RuleList definition, const std::string& where,
                                                                std::uint32_t source_slot,
                                                                InternTables tables);

}  // namespace crossdock::pricing::detail
