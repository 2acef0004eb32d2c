// The pricing write transaction. Entries go through one prepared upsert, executed
// per entry, so a price file of millions of tiers is one statement per row.
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include "sql_catalog_repository.h"
#include "sql_pricing_repository.h"
#include "transaction.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;

std::string dateText(const std::optional<core::Date>& date) {
    return date ? date->toString() : std::string();
}

std::string encodeRules(const pricing::RuleList& rules) {
    std::string text;
    for (const pricing::PriceRule& rule : rules.rules) {
        if (!text.empty()) text += '\x1e';
        text += std::string(pricing::toString(rule.scope)) + '\x1f' + rule.value + '\x1f' +
                (rule.adjustment.kind == pricing::Adjustment::Kind::PercentOff ? "off" : "markup") + '\x1f' +
                rule.adjustment.percent.toShortString();
    }
    return text;
}

class SqlPricingWrite final : public pricing::PricingWrite {
public:
    explicit SqlPricingWrite(const Database& db)
        : db_(db), session_(db.session()), transaction_(session_, db.backend(), kPricingWriteLock) {}

    void putList(const pricing::PriceList& list) override {
        guarded(db_, "pricing.putList", [&] {
            const std::string kind(pricing::toString(list.kind));
            const std::string from = dateText(list.valid_from), to = dateText(list.valid_to);
            session_ << db_.sql(
                "INSERT INTO price_lists (id, name, currency, kind, valid_from, valid_to) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                "currency = excluded.currency, kind = excluded.kind, "
                "valid_from = excluded.valid_from, valid_to = excluded.valid_to"),
                useRef(list.id), useRef(list.name), useRef(list.currency), useRef(kind), useRef(from),
                useRef(to), now;
        });
    }

    void putEntry(const pricing::PriceEntry& entry) override {
        guarded(db_, "pricing.putEntry", [&] {
            if (!upsert_) prepareUpsert();
            list_id_ = entry.list_id;
            sku_ = entry.sku;
            uom_ = entry.uom;
            min_qty_ = entry.min_qty.raw();
            valid_from_ = dateText(entry.valid_from);
            valid_to_ = dateText(entry.valid_to);
            unit_price_ = entry.unit_price.raw();
            upsert_->execute();
        });
    }

    void clearEntries(const std::string& list_id) override {
        guarded(db_, "pricing.clearEntries", [&] {
            session_ << db_.sql("DELETE FROM price_entries WHERE list_id = ?"), useRef(list_id), now;
        });
    }

    void removeEntry(const pricing::EntryKey& key) override {
        guarded(db_, "pricing.removeEntry", [&] {
            const std::string from = dateText(key.valid_from);
            session_ << db_.sql(
                "DELETE FROM price_entries WHERE list_id = ? AND sku = ? AND uom = ? AND min_qty = ? "
                "AND valid_from = ?"),
                useRef(key.list_id), useRef(key.sku), useRef(key.uom),
                Poco::Data::Keywords::bind(key.min_qty.raw()), useRef(from), now;
        });
    }

    void putRules(const pricing::RuleList& rules) override {
        guarded(db_, "pricing.putRules", [&] {
            const std::string source = rules.source == pricing::RuleSource::List ? "list" : "cost";
            const std::string encoded = encodeRules(rules);
            session_ << db_.sql(
                "INSERT INTO price_rule_lists (list_id, source, source_list_id, rules) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (list_id) DO UPDATE SET source = excluded.source, "
                "source_list_id = excluded.source_list_id, rules = excluded.rules"),
                useRef(rules.list_id), useRef(source), useRef(rules.source_list_id), useRef(encoded), now;
        });
    }

    void putCustomer(const pricing::CustomerPricing& customer) override {
        guarded(db_, "pricing.putCustomer", [&] {
            std::string chain;
            for (const std::string& list : customer.chain) chain += (chain.empty() ? "" : ";") + list;
            const std::string strategy(pricing::toString(customer.strategy));
            session_ << db_.sql(
                "INSERT INTO customer_pricing (customer_id, currency, chain, strategy) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
                "currency = excluded.currency, chain = excluded.chain, strategy = excluded.strategy"),
                useRef(customer.customer_id), useRef(customer.currency), useRef(chain), useRef(strategy), now;
        });
    }

    std::int64_t commit() override {
        return guarded(db_, "pricing.commit", [&] {
            upsert_.reset();
            bumpDataVersion(session_, db_, "pricing");
            const std::int64_t version = readDataVersion(session_, db_, "pricing");
            transaction_.commit();
            return version;
        });
    }

private:
    void prepareUpsert() {
        upsert_ = std::make_unique<Statement>(session_);
        *upsert_ << db_.sql(
            "INSERT INTO price_entries (list_id, sku, uom, min_qty, valid_from, valid_to, unit_price) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (list_id, sku, uom, min_qty, valid_from) "
            "DO UPDATE SET valid_to = excluded.valid_to, unit_price = excluded.unit_price"),
            use(list_id_), use(sku_), use(uom_), use(min_qty_), use(valid_from_), use(valid_to_),
            use(unit_price_);
    }

    const Database& db_;
    Poco::Data::Session session_;
    WriteTransaction transaction_;
    std::unique_ptr<Statement> upsert_;
    std::string list_id_, sku_, uom_, valid_from_, valid_to_;
    std::int64_t min_qty_ = 0, unit_price_ = 0;
};

}  // namespace

std::unique_ptr<pricing::PricingWrite> SqlPricingRepository::begin() {
    return guarded(db_, "pricing.begin", [&]() -> std::unique_ptr<pricing::PricingWrite> {
        return std::make_unique<SqlPricingWrite>(db_);
    });
}

}  // namespace crossdock::storage
