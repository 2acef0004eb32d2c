#include "sql_credential_repository.h"

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

// 64-bit columns are read as text: see parseInt64.
using TokenRow = Poco::Tuple<std::string, std::string, std::string>;
using ApiKeyRow = Poco::Tuple<std::string, std::string, Poco::Nullable<std::string>, bool>;

}  // namespace

void SqlCredentialRepository::saveToken(const accounts::TokenRecord& token) {
    guarded(db_, "credentials.saveToken", [&] {
        Poco::Data::Session session = db_.session();
        session << db_.sql(
            "INSERT INTO auth_tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, "
            "expires_at = excluded.expires_at"),
            useRef(token.token_hash), useRef(token.user_id), keywords::bind(toMicros(token.expires_at)), now;
    });
}

std::optional<accounts::TokenRecord> SqlCredentialRepository::findToken(const std::string& token_hash) const {
    return guarded(db_, "credentials.findToken", [&]() -> std::optional<accounts::TokenRecord> {
        Poco::Data::Session session = db_.session();
        std::vector<TokenRow> rows;
        session << db_.sql("SELECT token_hash, user_id, expires_at FROM auth_tokens WHERE token_hash = ?"),
            useRef(token_hash), into(rows), now;
        if (rows.empty()) return std::nullopt;
        const TokenRow& row = rows.front();
        return accounts::TokenRecord{row.get<0>(), parseInt64(row.get<1>()),
                                     fromMicros(parseInt64(row.get<2>()))};
    });
}

std::size_t SqlCredentialRepository::deleteExpiredTokens(accounts::TimePoint now_time) {
    return guarded(db_, "credentials.deleteExpiredTokens", [&] {
        Poco::Data::Session session = db_.session();
        Statement remove(session);
        remove << db_.sql("DELETE FROM auth_tokens WHERE expires_at < ?"), keywords::bind(toMicros(now_time));
        return remove.execute();
    });
}

// An upsert on partner_id: one statement, so two instances saving a key for the same partner
// at once cannot both insert.
void SqlCredentialRepository::saveApiKey(const accounts::ApiKeyRecord& key) {
    guarded(db_, "credentials.saveApiKey", [&] {
        Poco::Data::Session session = db_.session();
        Poco::Nullable<std::string> company_id;
        if (key.company_id) company_id = *key.company_id;
        session << db_.sql(
            "INSERT INTO api_keys (key_hash, partner_id, company_id, active, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (partner_id) DO UPDATE SET "
            "key_hash = excluded.key_hash, company_id = excluded.company_id, "
            "active = excluded.active, created_at = excluded.created_at"),
            useRef(key.key_hash), useRef(key.partner_id), useRef(company_id), useRef(key.active),
            keywords::bind(nowMicros()), now;
    });
}

std::optional<accounts::ApiKeyRecord> SqlCredentialRepository::findApiKey(const std::string& key_hash) const {
    return guarded(db_, "credentials.findApiKey", [&]() -> std::optional<accounts::ApiKeyRecord> {
        Poco::Data::Session session = db_.session();
        std::vector<ApiKeyRow> rows;
        session << db_.sql(
            "SELECT key_hash, partner_id, company_id, active FROM api_keys WHERE key_hash = ?"),
            useRef(key_hash), into(rows), now;
        if (rows.empty()) return std::nullopt;
        const ApiKeyRow& row = rows.front();
        accounts::ApiKeyRecord key{row.get<0>(), row.get<1>(), std::nullopt, row.get<3>()};
        if (!row.get<2>().isNull()) key.company_id = row.get<2>().value();
        return key;
    });
}

void SqlCredentialRepository::recordFailedLogin(const std::string& email, accounts::TimePoint at) {
    guarded(db_, "credentials.recordFailedLogin", [&] {
        Poco::Data::Session session = db_.session();
        session << db_.sql("INSERT INTO failed_logins (email, at) VALUES (?, ?)"), useRef(email),
            keywords::bind(toMicros(at)), now;
    });
}

std::size_t SqlCredentialRepository::countFailedLogins(const std::string& email,
                                                       accounts::TimePoint since) const {
    return guarded(db_, "credentials.countFailedLogins", [&] {
        Poco::Data::Session session = db_.session();
        std::string count;
        session << db_.sql("SELECT COUNT(*) FROM failed_logins WHERE email = ? AND at >= ?"), useRef(email),
            keywords::bind(toMicros(since)), into(count), now;
        return static_cast<std::size_t>(parseInt64(count));
    });
}

}  // namespace crossdock::storage
