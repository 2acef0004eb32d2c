#include "sql_user_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include "codec.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

// The id is read as text: see parseInt64. `active` is BOOLEAN on PostgreSQL (Poco reads 't'/'f'
// only into a bool) and INTEGER 0/1 on SQLite; a bool reads both.
using UserRow =
    Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<std::string>, std::string, bool>;

accounts::User toUser(const UserRow& row) {
    accounts::User user;
    user.id = parseInt64(row.get<0>());
    user.email = row.get<1>();
    auto role = accounts::parseRole(row.get<2>());
    if (!role) throw StorageError("users: user " + row.get<0>() + " has unknown role '" + row.get<2>() + "'");
    user.role = *role;
    if (!row.get<3>().isNull()) user.company_id = row.get<3>().value();
    user.password_hash = row.get<4>();
    user.active = row.get<5>();
    return user;
}

bool companyExists(Poco::Data::Session& session, const Database& db, const std::string& company_id) {
    int count = 0;
    session << db.sql("SELECT COUNT(*) FROM companies WHERE id = ?"), useRef(company_id), into(count), now;
    return count > 0;
}

}  // namespace

// The company check comes first and the insert relies on ON CONFLICT for the email, so that
// both expected failures are answers, not exceptions. Companies are never deleted, so the
// company cannot vanish between the check and the insert.
core::Result<std::int64_t> SqlUserRepository::create(const accounts::User& user) {
    return guarded(db_, "users.create", [&]() -> core::Result<std::int64_t> {
        Poco::Data::Session session = db_.session();
        if (user.company_id && !companyExists(session, db_, *user.company_id)) {
            return core::makeError(core::ErrorCode::NotFound, "no company " + *user.company_id);
        }
        Poco::Nullable<std::string> company_id;
        if (user.company_id) company_id = *user.company_id;
        std::vector<std::string> ids;
        session << db_.sql(
            "INSERT INTO users (email, role, company_id, password_hash, active, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id"),
            useRef(user.email), keywords::bind(std::string(accounts::toString(user.role))),
            useRef(company_id), useRef(user.password_hash), useRef(user.active), keywords::bind(nowMicros()),
            into(ids), now;
        if (ids.empty())
            return core::makeError(core::ErrorCode::Conflict, "a user with this email already exists");
        return parseInt64(ids.front());
    });
}

std::optional<accounts::User> SqlUserRepository::findById(std::int64_t id) const {
    return findWhere("users.findById", "id = ?", keywords::bind(id));
}

std::optional<accounts::User> SqlUserRepository::findByEmail(const std::string& email) const {
    return findWhere("users.findByEmail", "email = ?", keywords::bind(email));
}

core::Status SqlUserRepository::setPasswordHash(std::int64_t id, const std::string& password_hash) {
    return guarded(db_, "users.setPasswordHash", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        Statement update(session);
        update << db_.sql("UPDATE users SET password_hash = ? WHERE id = ?"), useRef(password_hash),
            useRef(id);
        if (update.execute() == 0)
            return core::makeError(core::ErrorCode::NotFound, "no user " + std::to_string(id));
        return {};
    });
}

std::optional<accounts::User> SqlUserRepository::findWhere(const char* operation,
                                                           const std::string& condition,
                                                           Poco::Data::AbstractBinding::Ptr value) const {
    return guarded(db_, operation, [&]() -> std::optional<accounts::User> {
        Poco::Data::Session session = db_.session();
        std::vector<UserRow> rows;
        session << db_.sql("SELECT id, email, role, company_id, password_hash, active FROM users WHERE " +
                           condition),
            value, into(rows), now;
        if (rows.empty()) return std::nullopt;
        return toUser(rows.front());
    });
}

}  // namespace crossdock::storage
