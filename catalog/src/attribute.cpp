#include "crossdock/catalog/attribute.h"

#include <algorithm>
#include <stdexcept>

namespace crossdock::catalog {

namespace {

using core::ErrorCode;
using core::makeError;

std::string quoted(std::string_view text) {
    // Error messages quote user input; a megabyte cell must not become a megabyte message.
    constexpr std::size_t kMaxQuoted = 64;
    if (text.size() <= kMaxQuoted) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kMaxQuoted)) + "...'";
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::string_view toString(AttributeType type) {
    switch (type) {
        case AttributeType::Text:
            return "text";
        case AttributeType::Number:
            return "number";
        case AttributeType::Enum:
            return "enum";
        case AttributeType::Boolean:
            return "boolean";
    }
    throw std::logic_error("unknown AttributeType");
}

core::Result<AttributeType> parseAttributeType(std::string_view text) {
    for (auto type :
         {AttributeType::Text, AttributeType::Number, AttributeType::Enum, AttributeType::Boolean}) {
        if (text == toString(type)) return type;
    }
    return makeError(ErrorCode::InvalidArgument,
                     "unknown attribute type " + quoted(text) + " (expected text, number, enum or boolean)");
}

bool isValidAttributeCode(std::string_view code) {
    if (code.empty() || code.size() > 64) return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-' || c == '.';
    });
}

std::optional<bool> parseBoolean(std::string_view text) {
    for (std::string_view yes : {"true", "yes", "1"}) {
        if (equalsIgnoreCase(text, yes)) return true;
    }
    for (std::string_view no : {"false", "no", "0"}) {
        if (equalsIgnoreCase(text, no)) return false;
    }
    return std::nullopt;
}

core::Result<AttributeData> parseAttributeValue(const AttributeDefinition& definition,
                                                std::string_view text) {
    const std::string code = "'" + definition.code + "'";
    switch (definition.type) {
        case AttributeType::Text:
            return AttributeData(std::string(text));
        case AttributeType::Number: {
            std::string_view number = text;
            if (!definition.unit.empty() && number.size() > definition.unit.size() + 1 &&
                number.ends_with(definition.unit) &&
                number[number.size() - definition.unit.size() - 1] == ' ') {
                number.remove_suffix(definition.unit.size() + 1);
            }
            auto parsed = core::Decimal::parse(number);
            if (!parsed) {
                std::string expected =
                    definition.unit.empty() ? "a number" : "a number in " + definition.unit;
                return makeError(ErrorCode::InvalidArgument,
                                 "attribute " + code + " expects " + expected + ", got " + quoted(text));
            }
            return AttributeData(*parsed);
        }
        case AttributeType::Enum: {
            const auto& values = definition.allowed_values;
            auto it = std::find(values.begin(), values.end(), text);
            if (it == values.end()) {
                std::string allowed;
                for (const auto& v : values) allowed += (allowed.empty() ? "" : ", ") + v;
                return makeError(ErrorCode::InvalidArgument, "value " + quoted(text) +
                                                                 " is not allowed for attribute " + code +
                                                                 " (allowed: " + allowed + ")");
            }
            return AttributeData(EnumChoice{static_cast<std::uint16_t>(it - values.begin())});
        }
        case AttributeType::Boolean: {
            auto parsed = parseBoolean(text);
            if (!parsed) {
                return makeError(ErrorCode::InvalidArgument,
                                 "attribute " + code + " expects true or false, got " + quoted(text));
            }
            return AttributeData(*parsed);
        }
    }
    throw std::logic_error("unknown AttributeType");
}

std::string formatAttributeValue(const AttributeDefinition& definition, const AttributeData& data) {
    if (const auto* text = std::get_if<std::string>(&data)) return *text;
    if (const auto* number = std::get_if<core::Decimal>(&data)) return number->toShortString();
    if (const auto* choice = std::get_if<EnumChoice>(&data)) {
        if (choice->index >= definition.allowed_values.size()) {
            throw std::logic_error("enum choice out of range for attribute " + definition.code);
        }
        return definition.allowed_values[choice->index];
    }
    return std::get<bool>(data) ? "true" : "false";
}

}  // namespace crossdock::catalog
