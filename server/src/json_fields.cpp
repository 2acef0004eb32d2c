// Field readers for JSON request bodies: every error names the field it is about.
#include "crossdock/server/json_fields.h"

namespace crossdock::server {

namespace {

std::string pathOf(std::string_view key) { return "$." + std::string(key); }

core::Error fieldError(std::string_view key, std::string message) {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message), pathOf(key));
}

core::Error notAnObject() {
    return core::makeError(core::ErrorCode::InvalidArgument, "request body must be a JSON object", "$");
}

core::Error missing(std::string_view key) {
    return fieldError(key, "missing required field \"" + std::string(key) + "\"");
}

core::Error wrongType(std::string_view key, std::string_view wanted) {
    return fieldError(key, "field \"" + std::string(key) + "\" must be " + std::string(wanted));
}

/// The member, nullptr when absent or null; an error when body is not an object.
core::Result<const core::Json*> member(const core::Json& body, std::string_view key) {
    if (!body.isObject()) return notAnObject();
    const core::Json* value = body.find(key);
    if (value != nullptr && value->isNull()) value = nullptr;
    return value;
}

/// `error` from reading field `key`, prefixed with the field's name and positioned at it.
core::Error inField(std::string_view key, core::Error error) {
    error.message = "field \"" + std::string(key) + "\": " + error.message;
    error.where = pathOf(key);
    return error;
}

}  // namespace

core::Status requireObject(const core::Json& body) {
    if (!body.isObject()) return notAnObject();
    return {};
}

core::Result<std::string> requiredString(const core::Json& body, std::string_view key) {
    auto value = optionalString(body, key);
    if (!value) return value.takeError();
    if (!value->has_value()) return missing(key);
    return std::move(**value);
}

core::Result<std::optional<std::string>> optionalString(const core::Json& body, std::string_view key) {
    auto found = member(body, key);
    if (!found) return found.takeError();
    if (*found == nullptr) return std::optional<std::string>{};
    if (!(*found)->isString()) return wrongType(key, "a string");
    return std::optional<std::string>((*found)->asString());
}

core::Result<std::int64_t> requiredInt64(const core::Json& body, std::string_view key) {
    auto found = member(body, key);
    if (!found) return found.takeError();
    if (*found == nullptr) return missing(key);
    if (!(*found)->isNumber()) return wrongType(key, "an integer");
    auto value = (*found)->asInt64();
    if (!value) return inField(key, value.takeError());
    return *value;
}

core::Result<core::Decimal> requiredDecimal(const core::Json& body, std::string_view key) {
    auto found = member(body, key);
    if (!found) return found.takeError();
    if (*found == nullptr) return missing(key);
    if (!(*found)->isNumber() && !(*found)->isString()) return wrongType(key, "a number or a decimal string");
    auto value = (*found)->asDecimal();
    if (!value) return inField(key, value.takeError());
    return *value;
}

core::Result<std::optional<std::vector<std::string>>> optionalStringArray(const core::Json& body,
                                                                          std::string_view key) {
    auto found = member(body, key);
    if (!found) return found.takeError();
    if (*found == nullptr) return std::optional<std::vector<std::string>>{};
    if (!(*found)->isArray()) return wrongType(key, "an array of strings");
    std::vector<std::string> values;
    for (const auto& item : (*found)->items()) {
        if (!item.isString()) return wrongType(key, "an array of strings");
        values.push_back(item.asString());
    }
    return std::optional<std::vector<std::string>>(std::move(values));
}

}  // namespace crossdock::server
