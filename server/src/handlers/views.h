#pragma once
// JSON views of account objects, shared by the handlers that answer with them.

#include <chrono>
#include <string>

#include "crossdock/accounts/caller.h"
#include "crossdock/accounts/company.h"
#include "crossdock/accounts/user.h"
#include "crossdock/core/json.h"

namespace crossdock::server {

/// {"id","customer_id","name","currency","status"} (id and customer_id are equal).
void writeCompany(core::JsonWriter& out, const accounts::Company& company);
/// The same members without the enclosing braces, for objects that extend a company.
void writeCompanyFields(core::JsonWriter& out, const accounts::Company& company);

/// {"id","email","role","company_id","active"}: never the password hash.
void writeUser(core::JsonWriter& out, const accounts::User& user);

/// {"role","user_id","email","company_id","partner_id"} (absent values are null).
void writeCaller(core::JsonWriter& out, const accounts::Caller& caller);

/// ISO 8601 UTC with seconds: "2026-11-21T22:18:03Z".
std::string formatUtc(std::chrono::system_clock::time_point t);

}  // namespace crossdock::server
