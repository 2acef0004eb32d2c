#include "migrations.h"

#include <array>

namespace crossdock::storage {
namespace {

constexpr std::string_view kAccountsSqlite = R"sql(
CREATE TABLE companies (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    email          TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL,
    company_id     TEXT REFERENCES companies (id),
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX users_company_id ON users (company_id);

CREATE TABLE auth_tokens (
    token_hash  TEXT NOT NULL PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX auth_tokens_user_id ON auth_tokens (user_id);
CREATE INDEX auth_tokens_expires_at ON auth_tokens (expires_at);

CREATE TABLE api_keys (
    key_hash    TEXT NOT NULL PRIMARY KEY,
    partner_id  TEXT NOT NULL UNIQUE,
    company_id  TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE failed_logins (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    email  TEXT NOT NULL,
    at     INTEGER NOT NULL
) STRICT;
CREATE INDEX failed_logins_email_at ON failed_logins (email, at);
)sql";

constexpr std::string_view kAccountsPostgresql = R"sql(
CREATE TABLE companies (
    id          TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL,
    company_id     TEXT COLLATE "C" REFERENCES companies (id),
    password_hash  TEXT NOT NULL,
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     BIGINT NOT NULL
);
CREATE INDEX users_company_id ON users (company_id);

CREATE TABLE auth_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX auth_tokens_user_id ON auth_tokens (user_id);
CREATE INDEX auth_tokens_expires_at ON auth_tokens (expires_at);

CREATE TABLE api_keys (
    key_hash    TEXT PRIMARY KEY,
    partner_id  TEXT NOT NULL UNIQUE,
    company_id  TEXT COLLATE "C",
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  BIGINT NOT NULL
);

CREATE TABLE failed_logins (
    id     BIGSERIAL PRIMARY KEY,
    email  TEXT NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX failed_logins_email_at ON failed_logins (email, at);
)sql";

// Version 6, "customer terms" (the sales engineer's change, touching companies and items):
// a customer's credit limit (raw Decimal in the company's currency; NULL = no limit), its
// assigned sales rep (a user id; NULL = unassigned) and its tax exemption; an item's own tax
// rate in percent (raw Decimal; NULL = the configured default, sales.tax.default_rate_percent).
constexpr std::string_view kCustomerTermsSqlite = R"sql(
ALTER TABLE companies ADD COLUMN credit_limit INTEGER;
ALTER TABLE companies ADD COLUMN rep_id INTEGER REFERENCES users (id);
ALTER TABLE companies ADD COLUMN tax_exempt INTEGER NOT NULL DEFAULT 0 CHECK (tax_exempt IN (0, 1));
ALTER TABLE items ADD COLUMN tax_rate INTEGER;
)sql";

constexpr std::string_view kCustomerTermsPostgresql = R"sql(
ALTER TABLE companies ADD COLUMN credit_limit BIGINT;
ALTER TABLE companies ADD COLUMN rep_id BIGINT REFERENCES users (id);
ALTER TABLE companies ADD COLUMN tax_exempt BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE items ADD COLUMN tax_rate BIGINT;
)sql";

constexpr std::array kMigrations{
    Migration{1, "accounts", kAccountsSqlite, kAccountsPostgresql},
    Migration{6, "customer terms", kCustomerTermsSqlite, kCustomerTermsPostgresql},
};

}  // namespace

std::span<const Migration> accountsMigrations() { return kMigrations; }

}  // namespace crossdock::storage
