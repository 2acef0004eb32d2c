#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Index of a category in its CategoryTree (0..size()-1). Stable for the life of
/// the tree and of every copy of it: categories are never removed or renumbered.
using CategoryId = std::uint32_t;
/// Index of an attribute definition in its CategoryTree. Stable like CategoryId.
using AttributeId = std::uint32_t;

/// "No category": what a default-constructed Item holds.
inline constexpr CategoryId kNoCategory = 0xffff'ffffU;

/// The value type of an attribute.
enum class AttributeType : std::uint8_t { Text, Number, Enum, Boolean };

/// "text", "number", "enum" or "boolean", as in the categories CSV.
std::string_view toString(AttributeType type);
/// Inverse of toString(). InvalidArgument, quoting the text, for anything else.
core::Result<AttributeType> parseAttributeType(std::string_view text);

/// True when `code` can name an attribute (and so appear as `attr:<code>` in a CSV
/// header): 1 to 64 characters, each an ASCII letter, digit, '_', '-' or '.'.
bool isValidAttributeCode(std::string_view code);

/// One attribute that items of a category (and of every category below it) may
/// or must carry. Defined in a CategoryTree, which fills `category`.
struct AttributeDefinition {
    std::string code;   ///< unique along any root-to-leaf path
    std::string label;  ///< display name; the code when not given
    AttributeType type = AttributeType::Text;
    std::string unit;                         ///< Number only: "mm", "kg"; may be empty
    std::vector<std::string> allowed_values;  ///< Enum only: the choices, in display order
    bool required = false;                    ///< every item of the subtree must have a value
    bool filterable = false;                  ///< offered as a search facet / filter
    bool searchable = false;                  ///< its text goes into the full-text index
    CategoryId category = kNoCategory;        ///< where it is defined (set by CategoryTree)

    bool operator==(const AttributeDefinition&) const = default;
};

/// The chosen value of an Enum attribute: an index into allowed_values. Two bytes
/// instead of a copy of the text in every item.
struct EnumChoice {
    std::uint16_t index = 0;
    bool operator==(const EnumChoice&) const = default;
};

/// A typed attribute value: Text → std::string, Number → Decimal (in the
/// definition's unit), Enum → EnumChoice, Boolean → bool.
using AttributeData = std::variant<std::string, core::Decimal, EnumChoice, bool>;

/// One attribute value of one item.
struct AttributeValue {
    AttributeId attribute = 0;
    bool axis = false;  ///< a variant axis of the item's family (size, colour)
    AttributeData data;

    bool operator==(const AttributeValue&) const = default;
};

/// Parses the CSV text of a value for `definition`. Text: any non-empty text.
/// Number: a decimal as core::Decimal::parse takes it, optionally followed by one
/// space and the definition's unit ("12.5 mm"). Enum: exactly one of the allowed
/// values (case-sensitive). Boolean: true/false, yes/no, 1/0 (any case).
/// InvalidArgument with a message naming the attribute code on anything else.
/// An empty `text` means "no value" and is the caller's business, not parsed here.
core::Result<AttributeData> parseAttributeValue(const AttributeDefinition& definition, std::string_view text);

/// The CSV text of `data`: exact inverse of parseAttributeValue() (numbers without
/// the unit, booleans as "true"/"false"). `data` must match `definition`'s type.
std::string formatAttributeValue(const AttributeDefinition& definition, const AttributeData& data);

/// true/false, yes/no, 1/0 in any case; nullopt for anything else.
std::optional<bool> parseBoolean(std::string_view text);

}  // namespace crossdock::catalog
