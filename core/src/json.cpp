// The Json value type. Parsing lives in json_parser.cpp, writing in json_writer.cpp,
// number conversions in json_number.cpp.
#include "crossdock/core/json.h"

#include <stdexcept>

namespace crossdock::core {

namespace {

[[noreturn]] void wrongType(std::string_view wanted, Json::Type actual) {
    throw std::logic_error("json: expected " + std::string(wanted) + ", found " +
                           std::string(Json::typeName(actual)));
}

}  // namespace

Json::Json() noexcept = default;
Json::Json(std::nullptr_t) noexcept {}
Json::Json(bool value) : value_(value) {}
Json::Json(const char* text) : value_(std::string(text)) {}
Json::Json(std::string text) : value_(std::move(text)) {}
Json::Json(std::string_view text) : value_(std::string(text)) {}
Json::Json(Array items) : value_(std::move(items)) {}
Json::Json(Object members) : value_(std::move(members)) {}
Json::Json(std::string number_text, NumberTag) : value_(Number{std::move(number_text)}) {}

Json::Json(const Json& other) = default;
Json::Json(Json&& other) noexcept = default;
Json& Json::operator=(const Json& other) = default;
Json& Json::operator=(Json&& other) noexcept = default;
Json::~Json() = default;

Json Json::array(std::initializer_list<Json> items) { return Json(Array(items)); }

Json Json::object() { return Json(Object{}); }

Json Json::number(const Decimal& value) { return Json(value.toShortString(), NumberTag{}); }

Json::Type Json::type() const {
    switch (value_.index()) {
        case 0:
            return Type::Null;
        case 1:
            return Type::Bool;
        case 2:
            return Type::Number;
        case 3:
            return Type::String;
        case 4:
            return Type::Array;
        default:
            return Type::Object;
    }
}

bool Json::asBool() const {
    if (!isBool()) wrongType("bool", type());
    return std::get<bool>(value_);
}

const std::string& Json::asString() const {
    if (!isString()) wrongType("string", type());
    return std::get<std::string>(value_);
}

const std::string& Json::numberText() const {
    if (!isNumber()) wrongType("number", type());
    return std::get<Number>(value_).text;
}

const Json::Array& Json::items() const {
    if (!isArray()) wrongType("array", type());
    return std::get<Array>(value_);
}

Json::Array& Json::items() {
    if (!isArray()) wrongType("array", type());
    return std::get<Array>(value_);
}

const Json::Object& Json::members() const {
    if (!isObject()) wrongType("object", type());
    return std::get<Object>(value_);
}

Json::Object& Json::members() {
    if (!isObject()) wrongType("object", type());
    return std::get<Object>(value_);
}

std::size_t Json::size() const {
    if (const auto* a = std::get_if<Array>(&value_)) return a->size();
    if (const auto* o = std::get_if<Object>(&value_)) return o->size();
    return 0;
}

const Json* Json::find(std::string_view key) const {
    const auto* o = std::get_if<Object>(&value_);
    if (o == nullptr) return nullptr;
    for (const auto& member : *o) {
        if (member.key == key) return &member.value;
    }
    return nullptr;
}

Json* Json::find(std::string_view key) {
    return const_cast<Json*>(static_cast<const Json*>(this)->find(key));
}

Json& Json::set(std::string key, Json value) {
    if (Json* existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    auto& m = members();
    m.push_back(JsonMember{std::move(key), std::move(value)});
    return m.back().value;
}

Json& Json::push(Json value) {
    auto& a = items();
    a.push_back(std::move(value));
    return a.back();
}

bool operator==(const Json& a, const Json& b) {
    if (a.value_.index() != b.value_.index()) return false;
    switch (a.type()) {
        case Json::Type::Null:
            return true;
        case Json::Type::Bool:
            return a.asBool() == b.asBool();
        case Json::Type::Number:
            return a.numberText() == b.numberText();
        case Json::Type::String:
            return a.asString() == b.asString();
        case Json::Type::Array:
            return a.items() == b.items();
        case Json::Type::Object:
            return a.members() == b.members();
    }
    return false;
}

std::string_view Json::typeName(Type type) {
    switch (type) {
        case Type::Null:
            return "null";
        case Type::Bool:
            return "bool";
        case Type::Number:
            return "number";
        case Type::String:
            return "string";
        case Type::Array:
            return "array";
        case Type::Object:
            return "object";
    }
    return "null";
}

}  // namespace crossdock::core
