#pragma once
// Small helpers shared by the sales integration cases.

#include <chrono>
#include <string>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/json.h"
#include "sales_environment.h"

namespace crossdock::integration {

inline constexpr const char* kRep = "rep@crossdock.local";
inline constexpr const char* kManager = "manager@crossdock.local";
inline constexpr const char* kAdmin = "admin@crossdock.local";
inline constexpr const char* kAcmeBuyer = "buyer@acme.test";
inline constexpr const char* kGlobexBuyer = "buyer@globex.test";
inline constexpr const char* kSku = "SCR-MS-M3X6-SS";

inline std::string todayPlus(int days) {
    return core::Date::fromTimePoint(std::chrono::system_clock::now()).addDays(days).toString();
}

inline std::string str(const core::Json& json, std::string_view key) {
    const core::Json* found = json.find(key);
    return found != nullptr && found->isString() ? found->asString() : std::string();
}

inline std::int64_t num(const core::Json& json, std::string_view key) {
    const core::Json* found = json.find(key);
    return found != nullptr && found->isNumber() ? found->asInt64().valueOr(-1) : -1;
}

inline std::string idPath(const std::string& base, const HttpAnswer& answer) {
    return base + "/" + std::to_string(num(answer.json(), "id"));
}

}  // namespace crossdock::integration
