// Users: creation with role and company scope rules, and reading one user.
#include <charconv>

#include "crossdock/accounts/password.h"
#include "crossdock/server/json_fields.h"
#include "handlers.h"
#include "views.h"

namespace crossdock::server {

namespace {

using accounts::Role;
using core::ErrorCode;
using core::makeError;

constexpr std::size_t kMinPasswordChars = 10;
constexpr std::size_t kMaxPasswordBytes = 1024;

struct NewUser {
    std::string email;
    std::string password;
    Role role = Role::Buyer;
    std::optional<std::string> company_id;
};

std::size_t utf8Characters(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

core::Result<NewUser> newUserFromBody(const core::Json& body) {
    NewUser user;
    auto email = requiredString(body, "email");
    if (!email) return email.takeError();
    auto normalized = accounts::normalizeEmail(*email);
    if (!normalized) return makeError(ErrorCode::InvalidArgument, normalized.error().message, "$.email");
    user.email = std::move(*normalized);
    auto password = requiredString(body, "password");
    if (!password) return password.takeError();
    if (utf8Characters(*password) < kMinPasswordChars || password->size() > kMaxPasswordBytes) {
        return makeError(ErrorCode::InvalidArgument, "password must have at least 10 characters",
                         "$.password");
    }
    user.password = std::move(*password);
    auto role = requiredString(body, "role");
    if (!role) return role.takeError();
    auto parsed = accounts::parseRole(*role);
    if (!parsed || *parsed == Role::Partner) {
        return makeError(ErrorCode::InvalidArgument,
                         "role must be admin, sales_manager, sales_rep, buyer_admin or buyer", "$.role");
    }
    user.role = *parsed;
    auto company = optionalString(body, "company_id");
    if (!company) return company.takeError();
    user.company_id = std::move(*company);
    return user;
}

/// Applies who may create whom: admin anyone; buyer_admin only buyers of their own
/// company (company_id defaults to it). Then the shape rules of roles and companies.
core::Status checkScope(const accounts::Caller& caller, NewUser& user) {
    if (caller.role == Role::BuyerAdmin) {
        if (!accounts::isBuyer(user.role)) {
            return makeError(ErrorCode::PermissionDenied,
                             "a buyer_admin may only create buyer and buyer_admin users");
        }
        if (!user.company_id) user.company_id = caller.company_id;
        if (!caller.company_id || user.company_id != caller.company_id) {
            return makeError(ErrorCode::PermissionDenied,
                             "a buyer_admin may only create users of their own company");
        }
    } else if (caller.role != Role::Admin) {
        return makeError(ErrorCode::PermissionDenied, "only admin and buyer_admin may create users");
    }
    if (accounts::isBuyer(user.role) && !user.company_id) {
        return makeError(ErrorCode::InvalidArgument, "company_id is required for buyer roles",
                         "$.company_id");
    }
    if (!accounts::isBuyer(user.role) && user.company_id) {
        return makeError(ErrorCode::InvalidArgument, "staff users belong to no company: omit company_id",
                         "$.company_id");
    }
    return {};
}

std::string userText(const accounts::User& user) {
    core::JsonWriter out(160);
    writeUser(out, user);
    return out.take();
}

core::Result<Response> createUser(accounts::UserRepository& users, const RequestContext& ctx) {
    auto input = newUserFromBody(ctx.json());
    if (!input) return input.takeError();
    if (auto allowed = checkScope(ctx.caller(), *input); !allowed) return allowed.takeError();
    accounts::User user;
    user.email = input->email;
    user.role = input->role;
    user.company_id = input->company_id;
    user.password_hash = accounts::hashPassword(input->password);
    auto id = users.create(user);
    if (!id) {
        if (id.error().code == ErrorCode::Conflict) {
            return makeError(ErrorCode::Conflict, "a user with this email already exists", "$.email");
        }
        if (id.error().code == ErrorCode::NotFound) {
            return makeError(ErrorCode::InvalidArgument, "company_id names no customer", "$.company_id");
        }
        return id.takeError();
    }
    user.id = *id;
    Response response = Response::jsonText(201, userText(user));
    response.headers.set("Location", "/api/v1/users/" + std::to_string(user.id));
    return response;
}

core::Result<Response> getUser(const accounts::UserRepository& users, const RequestContext& ctx) {
    const core::Error not_found = makeError(ErrorCode::NotFound, "user not found");
    const std::string& text = ctx.param("id");
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return not_found;
    auto user = users.findById(id);
    if (!user) return not_found;
    const auto scope = ctx.caller().scope();
    if (scope && (!user->company_id || *user->company_id != *scope)) return not_found;
    return Response::jsonText(200, userText(*user));
}

}  // namespace

void registerUserRoutes(Router& router, accounts::UserRepository& users) {
    router.add({.method = "POST",
                .pattern = "/api/v1/users",
                .handler = [&users](const RequestContext& ctx) { return createUser(users, ctx); },
                .body = BodyKind::Json,
                .action = accounts::Action::CreateUser});
    router.add({.method = "GET",
                .pattern = "/api/v1/users/{id}",
                .handler = [&users](const RequestContext& ctx) { return getUser(users, ctx); },
                .action = accounts::Action::ReadCompany});
}

}  // namespace crossdock::server
