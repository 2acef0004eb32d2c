// Version 3: price lists, tier entries, rule lists and customers' chains.
#include <array>

#include "migrations.h"

namespace crossdock::storage {
namespace {

// Dates are ISO text ('' for none), money and quantities raw Decimals (4 digits).
constexpr std::string_view kPricingSqlite = R"sql(
CREATE TABLE price_lists (
    id          TEXT NOT NULL PRIMARY KEY,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL
) STRICT;

CREATE TABLE price_entries (
    list_id     TEXT NOT NULL REFERENCES price_lists (id),
    sku         TEXT NOT NULL,
    uom         TEXT NOT NULL,
    min_qty     INTEGER NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL,
    unit_price  INTEGER NOT NULL,
    PRIMARY KEY (list_id, sku, uom, min_qty, valid_from)
) STRICT;

CREATE TABLE price_rule_lists (
    list_id         TEXT NOT NULL PRIMARY KEY REFERENCES price_lists (id),
    source          TEXT NOT NULL,
    source_list_id  TEXT NOT NULL,
    rules           TEXT NOT NULL
) STRICT;

CREATE TABLE customer_pricing (
    customer_id  TEXT NOT NULL PRIMARY KEY,
    currency     TEXT NOT NULL,
    chain        TEXT NOT NULL,
    strategy     TEXT NOT NULL
) STRICT;
)sql";

constexpr std::string_view kPricingPostgresql = R"sql(
CREATE TABLE price_lists (
    id          TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL
);

CREATE TABLE price_entries (
    list_id     TEXT COLLATE "C" NOT NULL REFERENCES price_lists (id),
    sku         TEXT COLLATE "C" NOT NULL,
    uom         TEXT COLLATE "C" NOT NULL,
    min_qty     BIGINT NOT NULL,
    valid_from  TEXT COLLATE "C" NOT NULL,
    valid_to    TEXT NOT NULL,
    unit_price  BIGINT NOT NULL,
    PRIMARY KEY (list_id, sku, uom, min_qty, valid_from)
);

CREATE TABLE price_rule_lists (
    list_id         TEXT COLLATE "C" PRIMARY KEY REFERENCES price_lists (id),
    source          TEXT NOT NULL,
    source_list_id  TEXT NOT NULL,
    rules           TEXT NOT NULL
);

CREATE TABLE customer_pricing (
    customer_id  TEXT COLLATE "C" PRIMARY KEY,
    currency     TEXT NOT NULL,
    chain        TEXT NOT NULL,
    strategy     TEXT NOT NULL
);
)sql";

constexpr std::array kMigrations{
    Migration{3, "pricing", kPricingSqlite, kPricingPostgresql},
};

}  // namespace

std::span<const Migration> pricingMigrations() { return kMigrations; }

}  // namespace crossdock::storage
