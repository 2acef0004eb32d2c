// Version 2: the catalog, and data_versions (what the in-memory snapshots poll).
#include <array>

#include "migrations.h"

namespace crossdock::storage {
namespace {

// Categories and attributes are stored by path and code, not by CategoryTree ids,
// which are positions that change when the tree is rebuilt. Item attributes and
// packs are small encoded lists (see sql_catalog_codec.h): they are only ever read
// and written with their item.
constexpr std::string_view kCatalogSqlite = R"sql(
CREATE TABLE data_versions (
    area     TEXT NOT NULL PRIMARY KEY,
    version  INTEGER NOT NULL
) STRICT;
INSERT INTO data_versions (area, version) VALUES ('catalog', 0), ('pricing', 0);

CREATE TABLE categories (
    position  INTEGER NOT NULL PRIMARY KEY,
    path      TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE category_attributes (
    position        INTEGER NOT NULL PRIMARY KEY,
    category_path   TEXT NOT NULL,
    code            TEXT NOT NULL,
    label           TEXT NOT NULL,
    type            TEXT NOT NULL,
    unit            TEXT NOT NULL,
    allowed_values  TEXT NOT NULL,
    required        INTEGER NOT NULL CHECK (required IN (0, 1)),
    filterable      INTEGER NOT NULL CHECK (filterable IN (0, 1)),
    searchable      INTEGER NOT NULL CHECK (searchable IN (0, 1))
) STRICT;

CREATE TABLE items (
    sku             TEXT NOT NULL PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL,
    brand           TEXT NOT NULL,
    gtin            TEXT NOT NULL,
    mpn             TEXT NOT NULL,
    family          TEXT NOT NULL,
    category_path   TEXT NOT NULL,
    status          TEXT NOT NULL,
    base_uom        TEXT NOT NULL,
    packs           TEXT NOT NULL,
    min_order_qty   INTEGER NOT NULL,
    order_multiple  INTEGER NOT NULL,
    cost            INTEGER,
    attributes      TEXT NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX items_gtin ON items (gtin);

CREATE TABLE stock_levels (
    sku           TEXT NOT NULL,
    warehouse     TEXT NOT NULL,
    on_hand       INTEGER NOT NULL,
    reserved      INTEGER NOT NULL,
    next_receipt  TEXT,
    PRIMARY KEY (sku, warehouse)
) STRICT;

CREATE TABLE assortment_rules (
    assortment  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('category', 'sku')),
    value       TEXT NOT NULL,
    PRIMARY KEY (assortment, kind, value)
) STRICT;

CREATE TABLE customer_assortments (
    customer_id  TEXT NOT NULL,
    position     INTEGER NOT NULL,
    assortment   TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
) STRICT;

CREATE TABLE customer_part_numbers (
    customer_id  TEXT NOT NULL,
    part_number  TEXT NOT NULL,
    sku          TEXT NOT NULL,
    PRIMARY KEY (customer_id, part_number)
) STRICT;
)sql";

constexpr std::string_view kCatalogPostgresql = R"sql(
CREATE TABLE data_versions (
    area     TEXT COLLATE "C" PRIMARY KEY,
    version  BIGINT NOT NULL
);
INSERT INTO data_versions (area, version) VALUES ('catalog', 0), ('pricing', 0);

CREATE TABLE categories (
    position  BIGINT PRIMARY KEY,
    path      TEXT COLLATE "C" NOT NULL UNIQUE
);

CREATE TABLE category_attributes (
    position        BIGINT PRIMARY KEY,
    category_path   TEXT COLLATE "C" NOT NULL,
    code            TEXT NOT NULL,
    label           TEXT NOT NULL,
    type            TEXT NOT NULL,
    unit            TEXT NOT NULL,
    allowed_values  TEXT NOT NULL,
    required        BOOLEAN NOT NULL,
    filterable      BOOLEAN NOT NULL,
    searchable      BOOLEAN NOT NULL
);

CREATE TABLE items (
    sku             TEXT COLLATE "C" PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL,
    brand           TEXT NOT NULL,
    gtin            TEXT NOT NULL,
    mpn             TEXT NOT NULL,
    family          TEXT NOT NULL,
    category_path   TEXT COLLATE "C" NOT NULL,
    status          TEXT NOT NULL,
    base_uom        TEXT NOT NULL,
    packs           TEXT NOT NULL,
    min_order_qty   BIGINT NOT NULL,
    order_multiple  BIGINT NOT NULL,
    cost            BIGINT,
    attributes      TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX items_gtin ON items (gtin);

CREATE TABLE stock_levels (
    sku           TEXT COLLATE "C" NOT NULL,
    warehouse     TEXT COLLATE "C" NOT NULL,
    on_hand       BIGINT NOT NULL,
    reserved      BIGINT NOT NULL,
    next_receipt  TEXT,
    PRIMARY KEY (sku, warehouse)
);

CREATE TABLE assortment_rules (
    assortment  TEXT COLLATE "C" NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('category', 'sku')),
    value       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (assortment, kind, value)
);

CREATE TABLE customer_assortments (
    customer_id  TEXT COLLATE "C" NOT NULL,
    position     BIGINT NOT NULL,
    assortment   TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_part_numbers (
    customer_id  TEXT COLLATE "C" NOT NULL,
    part_number  TEXT COLLATE "C" NOT NULL,
    sku          TEXT NOT NULL,
    PRIMARY KEY (customer_id, part_number)
);
)sql";

constexpr std::array kMigrations{
    Migration{2, "catalog", kCatalogSqlite, kCatalogPostgresql},
};

}  // namespace

std::span<const Migration> catalogMigrations() { return kMigrations; }

}  // namespace crossdock::storage
