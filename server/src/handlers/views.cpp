// JSON renderings of accounts objects.
#include "views.h"

#include <cstdio>
#include <ctime>

namespace crossdock::server {

namespace {

void optionalString(core::JsonWriter& out, std::string_view name, const std::optional<std::string>& value) {
    out.key(name);
    if (value) {
        out.string(*value);
    } else {
        out.null();
    }
}

}  // namespace

void writeCompanyFields(core::JsonWriter& out, const accounts::Company& company) {
    out.field("id", company.id)
        .field("customer_id", company.id)
        .field("name", company.name)
        .field("currency", company.currency)
        .field("status", company.status);
}

void writeCompany(core::JsonWriter& out, const accounts::Company& company) {
    out.beginObject();
    writeCompanyFields(out, company);
    out.endObject();
}

void writeUser(core::JsonWriter& out, const accounts::User& user) {
    out.beginObject()
        .field("id", user.id)
        .field("email", user.email)
        .field("role", accounts::toString(user.role));
    optionalString(out, "company_id", user.company_id);
    out.field("active", user.active).endObject();
}

void writeCaller(core::JsonWriter& out, const accounts::Caller& caller) {
    out.beginObject().field("role", accounts::toString(caller.role)).key("user_id");
    if (caller.user_id != 0) {
        out.number(caller.user_id);
    } else {
        out.null();
    }
    optionalString(out, "email",
                   caller.email.empty() ? std::nullopt : std::optional<std::string>(caller.email));
    optionalString(out, "company_id", caller.company_id);
    optionalString(out, "partner_id",
                   caller.partner_id.empty() ? std::nullopt : std::optional<std::string>(caller.partner_id));
    out.endObject();
}

std::string formatUtc(std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return buffer;
}

}  // namespace crossdock::server
