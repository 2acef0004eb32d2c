#pragma once
// Text forms of the small lists stored inside an item row. Separators are ASCII
// unit (\x1f) and record (\x1e) separators, which no CSV or BMEcat value carries
// (the importers reject control characters).

#include <string>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/unit.h"

namespace crossdock::storage {

/// "CS=12\x1ePL=480": the pack levels, base unit excluded.
std::string encodePacks(const core::UnitConversions& units);
/// Inverse of encodePacks() over `base_unit`. Throws std::runtime_error naming `where`.
core::UnitConversions decodePacks(const std::string& base_unit, const std::string& text,
                                  const std::string& where);

/// "code\x1f<0|1 axis>\x1fvalue\x1e...", values as formatAttributeValue() writes them.
std::string encodeAttributes(const catalog::Item& item, const catalog::CategoryTree& tree);
/// Sets item.attributes from `text`, looking the codes up from item.category in `tree`.
/// Throws std::runtime_error naming `where` for an unknown code or a value that no longer parses.
void decodeAttributes(catalog::Item& item, const catalog::CategoryTree& tree, const std::string& text,
                      const std::string& where);

/// Enum choices joined by \x1f, and back.
std::string joinValues(const std::vector<std::string>& values);
std::vector<std::string> splitValues(const std::string& text, char separator = '\x1f');

}  // namespace crossdock::storage
