#include <array>

#include "migrations.h"

namespace crossdock::storage {

// The PostgreSQL side, in migrations_sales_postgresql.cpp (kept apart for file size).
extern const std::string_view kSalesPostgresql;

namespace {

// Sales: quotes (current version + locked versions, one line table for both), orders with
// their lines and transitions, shipments, invoices, the transactional outbox, id sequences
// and idempotency keys. Money and quantities are raw Decimal integers (1/10,000ths); dates
// are ISO text (they sort); timestamps are microseconds. Customer ids are not foreign keys:
// customers may be created by the catalog/pricing import as well as by accounts.
constexpr std::string_view kSalesSqlite = R"sql(
CREATE TABLE sales_sequences (
    name   TEXT NOT NULL PRIMARY KEY,
    value  INTEGER NOT NULL
) STRICT;

CREATE TABLE quotes (
    id                    INTEGER NOT NULL PRIMARY KEY,
    number                TEXT NOT NULL UNIQUE,
    customer_id           TEXT NOT NULL,
    rep_id                INTEGER NOT NULL,
    requested_by          INTEGER NOT NULL,
    version               INTEGER NOT NULL,
    status                TEXT NOT NULL,
    currency              TEXT NOT NULL,
    valid_until           TEXT NOT NULL,
    notes                 TEXT NOT NULL,
    terms                 TEXT NOT NULL,
    total                 INTEGER NOT NULL,
    expiring_notice_sent  INTEGER NOT NULL CHECK (expiring_notice_sent IN (0, 1)),
    order_id              INTEGER,
    created_at            INTEGER NOT NULL,
    row_version           INTEGER NOT NULL
) STRICT;
CREATE INDEX quotes_customer_id ON quotes (customer_id, id);
CREATE INDEX quotes_status_valid_until ON quotes (status, valid_until);

CREATE TABLE quote_versions (
    quote_id     INTEGER NOT NULL REFERENCES quotes (id),
    version      INTEGER NOT NULL,
    status       TEXT NOT NULL,
    currency     TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    notes        TEXT NOT NULL,
    terms        TEXT NOT NULL,
    total        INTEGER NOT NULL,
    PRIMARY KEY (quote_id, version)
) STRICT;

CREATE TABLE quote_lines (
    quote_id      INTEGER NOT NULL REFERENCES quotes (id),
    version       INTEGER NOT NULL,
    line_no       INTEGER NOT NULL,
    sku           TEXT NOT NULL,
    quantity      INTEGER NOT NULL,
    uom           TEXT NOT NULL,
    list_price    INTEGER NOT NULL,
    unit_price    INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    cost          INTEGER,
    target_price  INTEGER,
    explanation   TEXT NOT NULL,
    extended      INTEGER NOT NULL,
    PRIMARY KEY (quote_id, version, line_no)
) STRICT;

CREATE TABLE quote_transitions (
    quote_id     INTEGER NOT NULL REFERENCES quotes (id),
    seq          INTEGER NOT NULL,
    action       TEXT NOT NULL,
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    by_user      INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (quote_id, seq)
) STRICT;

CREATE TABLE orders (
    id                 INTEGER NOT NULL PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    customer_id        TEXT NOT NULL,
    po_number          TEXT NOT NULL,
    source             TEXT NOT NULL,
    status             TEXT NOT NULL,
    held_from          TEXT,
    hold_reasons       TEXT NOT NULL,
    currency           TEXT NOT NULL,
    ship_to            TEXT NOT NULL,
    requested_date     TEXT,
    notes              TEXT NOT NULL,
    total              INTEGER NOT NULL,
    quote_id           INTEGER,
    quote_number       TEXT NOT NULL,
    quote_version      INTEGER NOT NULL,
    source_message_id  INTEGER UNIQUE,
    requested_by       INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    row_version        INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX orders_customer_po ON orders (customer_id, po_number) WHERE po_number <> '';
CREATE INDEX orders_customer_id ON orders (customer_id, id);
CREATE INDEX orders_status ON orders (status, id);

CREATE TABLE order_lines (
    order_id              INTEGER NOT NULL REFERENCES orders (id),
    line_no               INTEGER NOT NULL,
    line_ref              TEXT NOT NULL,
    sku                   TEXT NOT NULL,
    customer_part_number  TEXT NOT NULL,
    quantity              INTEGER NOT NULL,
    uom                   TEXT NOT NULL,
    unit_price            INTEGER NOT NULL,
    extended              INTEGER NOT NULL,
    incoming_price        INTEGER,
    explanation           TEXT NOT NULL,
    status                TEXT NOT NULL,
    message               TEXT NOT NULL,
    backordered_quantity  INTEGER NOT NULL,
    shipped_quantity      INTEGER NOT NULL,
    invoiced_quantity     INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
) STRICT;

CREATE TABLE order_transitions (
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    seq          INTEGER NOT NULL,
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    by_user      INTEGER NOT NULL,
    at           INTEGER NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
) STRICT;

CREATE TABLE shipments (
    id               INTEGER NOT NULL PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    customer_id      TEXT NOT NULL,
    carrier          TEXT NOT NULL,
    tracking_number  TEXT NOT NULL,
    ship_date        TEXT NOT NULL,
    created_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX shipments_order_id ON shipments (order_id, id);

CREATE TABLE shipment_packages (
    shipment_id  INTEGER NOT NULL REFERENCES shipments (id),
    seq          INTEGER NOT NULL,
    sscc         TEXT NOT NULL UNIQUE,
    weight_kg    INTEGER,
    PRIMARY KEY (shipment_id, seq)
) STRICT;

CREATE TABLE shipment_lines (
    shipment_id    INTEGER NOT NULL REFERENCES shipments (id),
    seq            INTEGER NOT NULL,
    order_line_no  INTEGER NOT NULL,
    sku            TEXT NOT NULL,
    quantity       INTEGER NOT NULL,
    uom            TEXT NOT NULL,
    PRIMARY KEY (shipment_id, seq)
) STRICT;

CREATE TABLE invoices (
    id            INTEGER NOT NULL PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    order_id      INTEGER NOT NULL REFERENCES orders (id),
    order_number  TEXT NOT NULL,
    customer_id   TEXT NOT NULL,
    po_number     TEXT NOT NULL,
    currency      TEXT NOT NULL,
    issue_date    TEXT NOT NULL,
    line_total    INTEGER NOT NULL,
    tax_total     INTEGER NOT NULL,
    total         INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX invoices_order_id ON invoices (order_id, id);

CREATE TABLE invoice_lines (
    invoice_id        INTEGER NOT NULL REFERENCES invoices (id),
    seq               INTEGER NOT NULL,
    order_line_no     INTEGER NOT NULL,
    sku               TEXT NOT NULL,
    quantity          INTEGER NOT NULL,
    uom               TEXT NOT NULL,
    unit_price        INTEGER NOT NULL,
    tax_rate_percent  INTEGER NOT NULL,
    extended          INTEGER NOT NULL,
    PRIMARY KEY (invoice_id, seq)
) STRICT;

CREATE TABLE invoice_taxes (
    invoice_id      INTEGER NOT NULL REFERENCES invoices (id),
    seq             INTEGER NOT NULL,
    rate_percent    INTEGER NOT NULL,
    taxable_amount  INTEGER NOT NULL,
    tax_amount      INTEGER NOT NULL,
    PRIMARY KEY (invoice_id, seq)
) STRICT;

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    event_type       TEXT NOT NULL,
    aggregate_type   TEXT NOT NULL,
    aggregate_id     INTEGER NOT NULL,
    customer_id      TEXT NOT NULL,
    occurred_at      INTEGER NOT NULL,
    attributes       TEXT NOT NULL,
    state            TEXT NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT NOT NULL,
    delivered_at     INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
CREATE INDEX outbox_aggregate ON outbox (aggregate_type, aggregate_id, id);

CREATE TABLE idempotency_keys (
    scope       TEXT NOT NULL,
    key         TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status      INTEGER NOT NULL,
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
) STRICT;
)sql";

const std::array kMigrations{
    Migration{4, "sales", kSalesSqlite, kSalesPostgresql},
};

}  // namespace

std::span<const Migration> salesMigrations() { return kMigrations; }

}  // namespace crossdock::storage
