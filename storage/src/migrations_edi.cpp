#include <array>

#include "migrations.h"

namespace crossdock::storage {
namespace {

// EDI: partner profiles (the profile JSON, with the X12 sender ids beside it for matching),
// the message log (inbox and outbox; raw bytes as base64 text so that any byte survives on
// both backends), the received interchange control numbers (the database constraint that
// refuses a duplicate interchange, whichever instance receives it), and the outbound
// control number counters.
constexpr std::string_view kEdiSqlite = R"sql(
CREATE TABLE edi_partners (
    id             TEXT NOT NULL PRIMARY KEY,
    name           TEXT NOT NULL,
    customer_id    TEXT NOT NULL,
    x12_qualifier  TEXT,
    x12_isa_id     TEXT,
    profile        TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (x12_qualifier, x12_isa_id)
) STRICT;

CREATE TABLE edi_messages (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    direction        TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    partner_id       TEXT NOT NULL,
    format           TEXT NOT NULL,
    document_type    TEXT NOT NULL,
    control_number   TEXT NOT NULL,
    status           TEXT NOT NULL,
    errors           TEXT NOT NULL,
    order_id         INTEGER,
    related_to       INTEGER REFERENCES edi_messages (id),
    raw_base64       TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    size             INTEGER NOT NULL,
    received_at      INTEGER NOT NULL,
    sent_at          INTEGER,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX edi_messages_partner ON edi_messages (partner_id, id);
CREATE INDEX edi_messages_status ON edi_messages (status, id);
CREATE INDEX edi_messages_related_to ON edi_messages (related_to);
CREATE INDEX edi_messages_due ON edi_messages (direction, status, next_attempt_at);

CREATE TABLE edi_interchanges (
    partner_id      TEXT NOT NULL,
    control_number  TEXT NOT NULL,
    message_id      INTEGER NOT NULL REFERENCES edi_messages (id),
    received_at     INTEGER NOT NULL,
    PRIMARY KEY (partner_id, control_number)
) STRICT;

CREATE TABLE edi_control_numbers (
    partner_id  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    last_value  INTEGER NOT NULL,
    PRIMARY KEY (partner_id, kind)
) STRICT;
)sql";

constexpr std::string_view kEdiPostgresql = R"sql(
CREATE TABLE edi_partners (
    id             TEXT COLLATE "C" PRIMARY KEY,
    name           TEXT NOT NULL,
    customer_id    TEXT COLLATE "C" NOT NULL,
    x12_qualifier  TEXT COLLATE "C",
    x12_isa_id     TEXT COLLATE "C",
    profile        TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    UNIQUE (x12_qualifier, x12_isa_id)
);

CREATE TABLE edi_messages (
    id               BIGSERIAL PRIMARY KEY,
    direction        TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    partner_id       TEXT COLLATE "C" NOT NULL,
    format           TEXT NOT NULL,
    document_type    TEXT NOT NULL,
    control_number   TEXT NOT NULL,
    status           TEXT NOT NULL,
    errors           TEXT NOT NULL,
    order_id         BIGINT,
    related_to       BIGINT REFERENCES edi_messages (id),
    raw_base64       TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    size             BIGINT NOT NULL,
    received_at      BIGINT NOT NULL,
    sent_at          BIGINT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    last_error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX edi_messages_partner ON edi_messages (partner_id, id);
CREATE INDEX edi_messages_status ON edi_messages (status, id);
CREATE INDEX edi_messages_related_to ON edi_messages (related_to);
CREATE INDEX edi_messages_due ON edi_messages (direction, status, next_attempt_at);

CREATE TABLE edi_interchanges (
    partner_id      TEXT COLLATE "C" NOT NULL,
    control_number  TEXT COLLATE "C" NOT NULL,
    message_id      BIGINT NOT NULL REFERENCES edi_messages (id),
    received_at     BIGINT NOT NULL,
    PRIMARY KEY (partner_id, control_number)
);

CREATE TABLE edi_control_numbers (
    partner_id  TEXT COLLATE "C" NOT NULL,
    kind        TEXT NOT NULL,
    last_value  BIGINT NOT NULL,
    PRIMARY KEY (partner_id, kind)
);
)sql";

// Asynchronous inbound processing: POST /edi/inbound answers once the message is stored;
// a background job claims it (status 'processing', by whom, since when) so that two
// servers on one database never process the same message, and a claim whose worker died
// is taken over after a timeout.
constexpr std::string_view kInboundClaimsSqlite = R"sql(
ALTER TABLE edi_messages ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE edi_messages ADD COLUMN claimed_at INTEGER
)sql";

constexpr std::string_view kInboundClaimsPostgresql = R"sql(
ALTER TABLE edi_messages ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE edi_messages ADD COLUMN claimed_at BIGINT
)sql";

constexpr std::array kMigrations{
    Migration{5, "edi", kEdiSqlite, kEdiPostgresql},
    Migration{7, "edi inbound claims", kInboundClaimsSqlite, kInboundClaimsPostgresql},
};

}  // namespace

std::span<const Migration> ediMigrations() { return kMigrations; }

}  // namespace crossdock::storage
