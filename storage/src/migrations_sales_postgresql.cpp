// PostgreSQL DDL of the sales migration (version 4); the SQLite side and the list are in
// migrations_sales.cpp. Same tables and constraints: BIGINT for 64-bit integers and money,
// BOOLEAN flags, COLLATE "C" on text keys that lists page through.
#include <string_view>

namespace crossdock::storage {

extern const std::string_view kSalesPostgresql;
const std::string_view kSalesPostgresql = R"sql(
CREATE TABLE sales_sequences (
    name   TEXT COLLATE "C" PRIMARY KEY,
    value  BIGINT NOT NULL
);

CREATE TABLE quotes (
    id                    BIGINT PRIMARY KEY,
    number                TEXT NOT NULL UNIQUE,
    customer_id           TEXT COLLATE "C" NOT NULL,
    rep_id                BIGINT NOT NULL,
    requested_by          BIGINT NOT NULL,
    version               INTEGER NOT NULL,
    status                TEXT NOT NULL,
    currency              TEXT NOT NULL,
    valid_until           TEXT COLLATE "C" NOT NULL,
    notes                 TEXT NOT NULL,
    terms                 TEXT NOT NULL,
    total                 BIGINT NOT NULL,
    expiring_notice_sent  BOOLEAN NOT NULL,
    order_id              BIGINT,
    created_at            BIGINT NOT NULL,
    row_version           BIGINT NOT NULL
);
CREATE INDEX quotes_customer_id ON quotes (customer_id, id);
CREATE INDEX quotes_status_valid_until ON quotes (status, valid_until);

CREATE TABLE quote_versions (
    quote_id     BIGINT NOT NULL REFERENCES quotes (id),
    version      INTEGER NOT NULL,
    status       TEXT NOT NULL,
    currency     TEXT NOT NULL,
    valid_until  TEXT NOT NULL,
    notes        TEXT NOT NULL,
    terms        TEXT NOT NULL,
    total        BIGINT NOT NULL,
    PRIMARY KEY (quote_id, version)
);

CREATE TABLE quote_lines (
    quote_id      BIGINT NOT NULL REFERENCES quotes (id),
    version       INTEGER NOT NULL,
    line_no       INTEGER NOT NULL,
    sku           TEXT NOT NULL,
    quantity      BIGINT NOT NULL,
    uom           TEXT NOT NULL,
    list_price    BIGINT NOT NULL,
    unit_price    BIGINT NOT NULL,
    reason        TEXT NOT NULL,
    cost          BIGINT,
    target_price  BIGINT,
    explanation   TEXT NOT NULL,
    extended      BIGINT NOT NULL,
    PRIMARY KEY (quote_id, version, line_no)
);

CREATE TABLE quote_transitions (
    quote_id     BIGINT NOT NULL REFERENCES quotes (id),
    seq          INTEGER NOT NULL,
    action       TEXT NOT NULL,
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    by_user      BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (quote_id, seq)
);

CREATE TABLE orders (
    id                 BIGINT PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    customer_id        TEXT COLLATE "C" NOT NULL,
    po_number          TEXT COLLATE "C" NOT NULL,
    source             TEXT NOT NULL,
    status             TEXT NOT NULL,
    held_from          TEXT,
    hold_reasons       TEXT NOT NULL,
    currency           TEXT NOT NULL,
    ship_to            TEXT NOT NULL,
    requested_date     TEXT,
    notes              TEXT NOT NULL,
    total              BIGINT NOT NULL,
    quote_id           BIGINT,
    quote_number       TEXT NOT NULL,
    quote_version      INTEGER NOT NULL,
    source_message_id  BIGINT UNIQUE,
    requested_by       BIGINT NOT NULL,
    created_at         BIGINT NOT NULL,
    row_version        BIGINT NOT NULL
);
CREATE UNIQUE INDEX orders_customer_po ON orders (customer_id, po_number) WHERE po_number <> '';
CREATE INDEX orders_customer_id ON orders (customer_id, id);
CREATE INDEX orders_status ON orders (status, id);

CREATE TABLE order_lines (
    order_id              BIGINT NOT NULL REFERENCES orders (id),
    line_no               INTEGER NOT NULL,
    line_ref              TEXT NOT NULL,
    sku                   TEXT NOT NULL,
    customer_part_number  TEXT NOT NULL,
    quantity              BIGINT NOT NULL,
    uom                   TEXT NOT NULL,
    unit_price            BIGINT NOT NULL,
    extended              BIGINT NOT NULL,
    incoming_price        BIGINT,
    explanation           TEXT NOT NULL,
    status                TEXT NOT NULL,
    message               TEXT NOT NULL,
    backordered_quantity  BIGINT NOT NULL,
    shipped_quantity      BIGINT NOT NULL,
    invoiced_quantity     BIGINT NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_transitions (
    order_id     BIGINT NOT NULL REFERENCES orders (id),
    seq          INTEGER NOT NULL,
    from_status  TEXT NOT NULL,
    to_status    TEXT NOT NULL,
    by_user      BIGINT NOT NULL,
    at           BIGINT NOT NULL,
    note         TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE shipments (
    id               BIGINT PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    order_id         BIGINT NOT NULL REFERENCES orders (id),
    customer_id      TEXT COLLATE "C" NOT NULL,
    carrier          TEXT NOT NULL,
    tracking_number  TEXT NOT NULL,
    ship_date        TEXT NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX shipments_order_id ON shipments (order_id, id);

CREATE TABLE shipment_packages (
    shipment_id  BIGINT NOT NULL REFERENCES shipments (id),
    seq          INTEGER NOT NULL,
    sscc         TEXT NOT NULL UNIQUE,
    weight_kg    BIGINT,
    PRIMARY KEY (shipment_id, seq)
);

CREATE TABLE shipment_lines (
    shipment_id    BIGINT NOT NULL REFERENCES shipments (id),
    seq            INTEGER NOT NULL,
    order_line_no  INTEGER NOT NULL,
    sku            TEXT NOT NULL,
    quantity       BIGINT NOT NULL,
    uom            TEXT NOT NULL,
    PRIMARY KEY (shipment_id, seq)
);

CREATE TABLE invoices (
    id            BIGINT PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    order_id      BIGINT NOT NULL REFERENCES orders (id),
    order_number  TEXT NOT NULL,
    customer_id   TEXT COLLATE "C" NOT NULL,
    po_number     TEXT NOT NULL,
    currency      TEXT NOT NULL,
    issue_date    TEXT NOT NULL,
    line_total    BIGINT NOT NULL,
    tax_total     BIGINT NOT NULL,
    total         BIGINT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX invoices_order_id ON invoices (order_id, id);

CREATE TABLE invoice_lines (
    invoice_id        BIGINT NOT NULL REFERENCES invoices (id),
    seq               INTEGER NOT NULL,
    order_line_no     INTEGER NOT NULL,
    sku               TEXT NOT NULL,
    quantity          BIGINT NOT NULL,
    uom               TEXT NOT NULL,
    unit_price        BIGINT NOT NULL,
    tax_rate_percent  BIGINT NOT NULL,
    extended          BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, seq)
);

CREATE TABLE invoice_taxes (
    invoice_id      BIGINT NOT NULL REFERENCES invoices (id),
    seq             INTEGER NOT NULL,
    rate_percent    BIGINT NOT NULL,
    taxable_amount  BIGINT NOT NULL,
    tax_amount      BIGINT NOT NULL,
    PRIMARY KEY (invoice_id, seq)
);

CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    event_type       TEXT NOT NULL,
    aggregate_type   TEXT COLLATE "C" NOT NULL,
    aggregate_id     BIGINT NOT NULL,
    customer_id      TEXT COLLATE "C" NOT NULL,
    occurred_at      BIGINT NOT NULL,
    attributes       TEXT NOT NULL,
    state            TEXT NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    last_error       TEXT NOT NULL,
    delivered_at     BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);
CREATE INDEX outbox_aggregate ON outbox (aggregate_type, aggregate_id, id);

CREATE TABLE idempotency_keys (
    scope        TEXT COLLATE "C" NOT NULL,
    key          TEXT COLLATE "C" NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);
)sql";

}  // namespace crossdock::storage
