#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::core {

struct JsonMember;

/// A JSON value: null, bool, number, string, array or object.
///
/// Numbers are kept as the text they were written with ("12.50", "1e3"), never as
/// a double, so that quantities and prices survive a round trip exactly; read them
/// with asInt64() or asDecimal(). Objects keep their members in insertion order
/// (lookups are linear: request bodies are small). Strings hold UTF-8.
///
/// Accessors that expect a type (asBool(), asString(), items(), ...) treat a wrong
/// type as a programmer error and throw std::logic_error; check the type first when
/// the input is untrusted.
class Json {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Array = std::vector<Json>;
    using Object = std::vector<JsonMember>;

    Json() noexcept;
    Json(std::nullptr_t) noexcept;  // NOLINT(google-explicit-constructor)
    Json(bool value);               // NOLINT(google-explicit-constructor)
    Json(const char* text);         // NOLINT(google-explicit-constructor)
    Json(std::string text);         // NOLINT(google-explicit-constructor)
    Json(std::string_view text);    // NOLINT(google-explicit-constructor)
    Json(Array items);              // NOLINT(google-explicit-constructor)
    Json(Object members);           // NOLINT(google-explicit-constructor)
    /// Any integer type except bool becomes a number ("42").
    template <std::integral T>
    requires(!std::same_as<T, bool>) Json(T value)
        : Json(integerText(value), NumberTag{}) {}  // NOLINT(google-explicit-constructor)

    Json(const Json& other);
    Json(Json&& other) noexcept;
    Json& operator=(const Json& other);
    Json& operator=(Json&& other) noexcept;
    ~Json();

    /// An empty array / object, for building values member by member.
    static Json array(std::initializer_list<Json> items = {});
    static Json object();
    /// A number from a Decimal, written in its shortest exact form ("12.5").
    /// Money goes into JSON as a string (Decimal::toString), not through here.
    static Json number(const Decimal& value);
    /// A number from its JSON text. InvalidArgument unless `lexeme` is exactly
    /// one RFC 8259 number ("-0.5", "1e3"; not "01", ".5", "+1", " 1").
    static Result<Json> numberFromText(std::string_view lexeme);

    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool asBool() const;
    const std::string& asString() const;
    /// The number exactly as written in the source text ("12.50", "-1E+3").
    const std::string& numberText() const;
    /// The number as an integer. InvalidArgument when this is not a number or has a
    /// non-zero fraction ("2.0" and "2e3" are accepted); Overflow outside int64.
    Result<std::int64_t> asInt64() const;
    /// A number, or a string holding a decimal ("12.5"), as a Decimal; exponents
    /// are applied exactly. InvalidArgument for other types, malformed text or more
    /// than 4 non-zero fraction digits; Overflow when out of range.
    Result<Decimal> asDecimal() const;

    const Array& items() const;
    Array& items();
    const Object& members() const;
    Object& members();
    /// Elements of an array or members of an object; 0 for anything else.
    std::size_t size() const;

    /// The member named `key`, or nullptr when absent or when this is not an object.
    const Json* find(std::string_view key) const;
    Json* find(std::string_view key);
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// Sets member `key` (replacing an existing one in place, else appending) and
    /// returns the stored value. Precondition: this is an object.
    Json& set(std::string key, Json value);
    /// Appends to an array and returns the stored value. Precondition: an array.
    Json& push(Json value);

    /// Structural equality; numbers compare by their text ("1.0" != "1").
    friend bool operator==(const Json& a, const Json& b);

    /// "null", "bool", "number", "string", "array", "object".
    static std::string_view typeName(Type type);

private:
    struct NumberTag {};
    struct Number {
        std::string text;
    };
    Json(std::string number_text, NumberTag);
    template <std::integral T>
    static std::string integerText(T value) {
        return std::to_string(value);
    }

    std::variant<std::monostate, bool, Number, std::string, Array, Object> value_;
};

/// One member of a JSON object.
struct JsonMember {
    std::string key;
    Json value;
    friend bool operator==(const JsonMember&, const JsonMember&) = default;
};

/// Limits applied while parsing untrusted text.
struct JsonParseOptions {
    int max_depth = 64;           ///< nesting of arrays and objects
    bool allow_nul_char = false;  ///< accept "\u0000" (databases and C APIs choke on it)
    bool allow_duplicate_keys = false;
};

/// Where a parse error happened: 1-based line and column (columns count UTF-8
/// characters), 0-based byte offset.
struct JsonTextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
    std::size_t offset = 0;
};

/// Parses exactly one JSON value (RFC 8259) surrounded by optional whitespace;
/// a leading UTF-8 byte order mark is skipped. On failure returns InvalidArgument
/// with a message such as "expected ',' or '}' after member value" and `where`
/// "line 3, column 14 (offset 40)"; when `error_position` is not null it receives
/// the same position. Rejects: trailing commas, comments, leading zeros, raw
/// control characters in strings, invalid UTF-8, unpaired surrogate escapes,
/// nesting deeper than options.max_depth, duplicate member names (by default)
/// and any text after the value.
Result<Json> parseJson(std::string_view text, const JsonParseOptions& options = {},
                       JsonTextPosition* error_position = nullptr);

/// Compact JSON text of `value` (no spaces). Invalid UTF-8 in strings is written
/// as U+FFFD so that the output is always valid JSON.
std::string toJsonString(const Json& value);

/// Indented JSON text of `value` (`indent` spaces per level, "key": value), for
/// people and for canonical test fixtures. Ends without a newline.
std::string toPrettyJsonString(const Json& value, int indent = 2);

/// Appends `text` to `out` as a quoted JSON string: escapes '"', '\' and control
/// characters, replaces invalid UTF-8 with U+FFFD, leaves other UTF-8 as is.
void appendJsonString(std::string& out, std::string_view text);

/// Writes JSON text straight into a buffer, for hot paths that should not build a
/// Json tree. Commas and colons are inserted automatically; the caller is
/// responsible for balance (begin/end) and for calling key() before each value
/// inside an object (checked by assert in debug builds). Not thread-safe.
///
///     JsonWriter w;
///     w.beginObject().key("status").string("ok").endObject();
///     send(w.str());   // {"status":"ok"}
class JsonWriter {
public:
    JsonWriter() = default;
    /// Starts with `capacity` bytes reserved.
    explicit JsonWriter(std::size_t capacity) { out_.reserve(capacity); }

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// A member name; the next call writes its value.
    JsonWriter& key(std::string_view name);
    JsonWriter& string(std::string_view text);
    /// A number given as JSON number text, written unchecked: pass only text that
    /// is a valid JSON number (Json::numberText(), Decimal::toString()).
    JsonWriter& rawNumber(std::string_view lexeme);
    /// Any integer type except bool.
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter& number(T value) {
        if constexpr (std::is_signed_v<T>) {
            return signedNumber(value);
        } else {
            return unsignedNumber(value);
        }
    }
    JsonWriter& number(const Decimal& value);  ///< shortest exact text
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    /// A whole Json value.
    JsonWriter& value(const Json& value);

    /// Shorthands for key(name) followed by the value.
    JsonWriter& field(std::string_view name, std::string_view text) { return key(name).string(text); }
    JsonWriter& field(std::string_view name, const char* text) { return key(name).string(text); }
    JsonWriter& field(std::string_view name, bool b) { return key(name).boolean(b); }
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter& field(std::string_view name, T n) {
        return key(name).number(n);
    }

    /// The text written so far.
    const std::string& str() const { return out_; }
    /// Moves the text out and leaves the writer empty.
    std::string take();

private:
    void beforeValue();
    JsonWriter& signedNumber(std::int64_t value);
    JsonWriter& unsignedNumber(std::uint64_t value);

    std::string out_;
    bool need_comma_ = false;
    int depth_ = 0;
};

}  // namespace crossdock::core
