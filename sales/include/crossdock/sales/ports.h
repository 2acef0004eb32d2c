#pragma once

// What sales needs from the modules beside and below it, as narrow interfaces.
// Sales never includes catalog or pricing internals: the lead writes adapters
// (catalog snapshot → ItemLookup, pricing::Resolver → LinePricer, accounts and
// receivables → CustomerDirectory); tests use in-memory fakes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/core/unit.h"

namespace crossdock::sales {

/// Whether an item may be sold, as the catalog says.
enum class ItemStatus { Active, Discontinued, Draft };

/// The facts of one item as one customer sees it: what order validation and
/// quote pricing read. A value type.
struct ItemFacts {
    std::string sku;
    std::string customer_part_number;  ///< the customer's own number for the item; may be empty
    bool visible = true;               ///< within the customer's assortments
    ItemStatus status = ItemStatus::Active;
    core::UnitConversions units{"EA"};  ///< base unit and packaging levels
    /// Smallest quantity one line may ask for, in base units (> 0).
    core::Decimal min_order_qty = core::Decimal::fromRaw(core::Decimal::kOne);
    /// Ordered quantities are multiples of this, in base units (> 0).
    core::Decimal order_multiple = core::Decimal::fromRaw(core::Decimal::kOne);
    /// Available to promise, in base units (on hand − reserved, may be ≤ 0);
    /// nullopt when the item is not stock-tracked (never backordered).
    std::optional<core::Decimal> available;
    std::optional<core::Decimal> cost;  ///< purchase cost per base unit, when known
};

/// Finds items for a customer. Implementations read an immutable snapshot and are
/// safe to call from several threads at once.
class ItemLookup {
public:
    virtual ~ItemLookup() = default;

    /// The item whose SKU is `code` exactly; failing that, the item the customer
    /// knows by the part number `code`. nullopt when neither exists. Items outside
    /// the customer's assortments come back with visible == false: sales answers
    /// NotFound for them exactly as for unknown codes.
    virtual std::optional<ItemFacts> find(const std::string& customer_id, std::string_view code) const = 0;
};

/// One unit price as the pricing engine resolved it.
struct PricedLine {
    core::Decimal unit_price;  ///< per one requested unit, 4 fraction digits, in `currency`
    std::string currency;      ///< ISO 4217; the customer's currency
    std::string explanation;   ///< human-readable: which list, which tier, which rule
};

/// Prices one line for one customer (pricing::Resolver behind an adapter).
/// Thread-safe; never touches the database on the hot path.
class LinePricer {
public:
    virtual ~LinePricer() = default;

    /// The unit price of `quantity` × `uom` of `sku` for `customer_id` on `date`.
    /// NotFound when no list in the customer's chain prices the SKU in that unit;
    /// InvalidArgument for a unit the item does not have.
    virtual core::Result<PricedLine> price(const std::string& customer_id, const std::string& sku,
                                           const std::string& uom, core::Decimal quantity,
                                           core::Date date) const = 0;
};

/// What sales needs to know about a customer company.
struct CustomerFacts {
    std::string id;
    std::string currency = "USD";               ///< ISO 4217; orders, quotes and invoices are in it
    std::int64_t rep_id = 0;                    ///< the account's sales rep (user id); 0 when unassigned
    std::optional<core::Decimal> credit_limit;  ///< nullopt: no limit
    /// What the customer owes or has committed: open invoices plus orders not yet
    /// invoiced, in `currency`. Compared with credit_limit when an order arrives.
    core::Decimal open_exposure;
    bool active = true;  ///< suspended customers cannot order
};

/// Customer facts by id. Thread-safe.
class CustomerDirectory {
public:
    virtual ~CustomerDirectory() = default;
    /// The customer with this id, or nullopt.
    virtual std::optional<CustomerFacts> find(const std::string& customer_id) const = 0;
};

/// Tax rates for invoicing. Thread-safe.
class TaxRates {
public:
    virtual ~TaxRates() = default;
    /// The tax rate in percent (0..100, up to 4 fraction digits: 8.875) that applies
    /// to `sku` sold to `customer_id`. NotFound when no rate is configured.
    virtual core::Result<core::Decimal> ratePercent(const std::string& customer_id,
                                                    const std::string& sku) const = 0;
};

/// Allocates ids for new aggregates, so that an id is known before the row is
/// written (outbox events carry it). Storage implements it with a database
/// sequence: ids are positive, unique per `name` across every instance sharing the
/// database, increasing; gaps are allowed (an id whose write failed is not reused).
class IdSequence {
public:
    virtual ~IdSequence() = default;
    /// The next id of the sequence `name` ("quote", "order", "shipment", "invoice").
    virtual std::int64_t next(std::string_view name) = 0;
};

}  // namespace crossdock::sales
