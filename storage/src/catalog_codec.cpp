#include "catalog_codec.h"

#include <stdexcept>

namespace crossdock::storage {

std::vector<std::string> splitValues(const std::string& text, char separator) {
    std::vector<std::string> parts;
    if (text.empty()) return parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

std::string joinValues(const std::vector<std::string>& values) {
    std::string text;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) text += '\x1f';
        text += values[i];
    }
    return text;
}

std::string encodePacks(const core::UnitConversions& units) {
    std::string text;
    for (const core::PackLevel& level : units.levels()) {
        if (!text.empty()) text += '\x1e';
        text += level.unit + "=" + level.base_qty.toShortString();
    }
    return text;
}

core::UnitConversions decodePacks(const std::string& base_unit, const std::string& text,
                                  const std::string& where) {
    auto units = core::UnitConversions::create(base_unit);
    if (!units) throw std::runtime_error(where + ": base unit: " + units.error().message);
    for (const std::string& pack : splitValues(text, '\x1e')) {
        const std::size_t equals = pack.find('=');
        auto qty = core::Decimal::parse(equals == std::string::npos ? "" : pack.substr(equals + 1));
        if (equals == std::string::npos || !qty)
            throw std::runtime_error(where + ": bad pack '" + pack + "'");
        if (auto added = units->addLevel(pack.substr(0, equals), *qty); !added) {
            throw std::runtime_error(where + ": pack " + pack + ": " + added.error().message);
        }
    }
    return std::move(*units);
}

std::string encodeAttributes(const catalog::Item& item, const catalog::CategoryTree& tree) {
    std::string text;
    for (const catalog::AttributeValue& value : item.attributes) {
        const catalog::AttributeDefinition& definition = tree.attribute(value.attribute);
        if (!text.empty()) text += '\x1e';
        text += definition.code;
        text += '\x1f';
        text += value.axis ? '1' : '0';
        text += '\x1f';
        text += catalog::formatAttributeValue(definition, value.data);
    }
    return text;
}

void decodeAttributes(catalog::Item& item, const catalog::CategoryTree& tree, const std::string& text,
                      const std::string& where) {
    for (const std::string& record : splitValues(text, '\x1e')) {
        const std::vector<std::string> parts = splitValues(record);
        if (parts.size() != 3) throw std::runtime_error(where + ": bad attribute record");
        auto id = tree.findAttribute(item.category, parts[0]);
        if (!id)
            throw std::runtime_error(where + ": attribute " + parts[0] + " is not defined for its category");
        auto data = catalog::parseAttributeValue(tree.attribute(*id), parts[2]);
        if (!data) throw std::runtime_error(where + ": attribute " + parts[0] + ": " + data.error().message);
        item.setAttribute(catalog::AttributeValue{*id, parts[1] == "1", std::move(*data)});
    }
}

}  // namespace crossdock::storage
