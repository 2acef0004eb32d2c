#include "sql_pricing_repository.h"

#include <algorithm>
#include <stdexcept>

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "catalog_codec.h"
#include "codec.h"
#include "sql_catalog_repository.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

constexpr std::int64_t kEntryBatch = 50'000;

std::optional<core::Date> dateOf(const std::string& text, const std::string& where) {
    if (text.empty()) return std::nullopt;
    auto date = core::Date::parse(text);
    if (!date) throw std::runtime_error(where + ": bad date '" + text + "'");
    return *date;
}

void loadLists(Poco::Data::Session& session, pricing::PricingData& data) {
    std::vector<Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string>>
        rows;
    session << "SELECT id, name, currency, kind, valid_from, valid_to FROM price_lists ORDER BY id",
        into(rows), now;
    for (const auto& row : rows) {
        const std::string where = "price_lists " + row.get<0>();
        auto kind = pricing::parseListKind(row.get<3>());
        if (!kind) throw std::runtime_error(where + ": bad kind");
        data.lists.push_back({row.get<0>(), row.get<1>(), row.get<2>(), *kind, dateOf(row.get<4>(), where),
                              dateOf(row.get<5>(), where)});
    }
}

// list_id, sku, uom, min_qty, valid_from, valid_to, unit_price; 64-bit values as text.
using EntryRow =
    Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string>;

pricing::PriceEntry toEntry(const EntryRow& row) {
    const std::string where = "price_entries " + row.get<0>() + "/" + row.get<1>();
    pricing::PriceEntry entry;
    entry.list_id = row.get<0>();
    entry.sku = row.get<1>();
    entry.uom = row.get<2>();
    entry.min_qty = core::Decimal::fromRaw(parseInt64(row.get<3>()));
    entry.valid_from = dateOf(row.get<4>(), where);
    entry.valid_to = dateOf(row.get<5>(), where);
    entry.unit_price = core::Decimal::fromRaw(parseInt64(row.get<6>()));
    return entry;
}

void loadEntries(Poco::Data::Session& session, const Database& db, pricing::PricingData& data) {
    // Keyset pagination on the primary key keeps each batch an index range scan.
    std::string list, sku, uom, from;
    std::string min_qty = "-9223372036854775808";
    while (true) {
        std::vector<EntryRow> rows;
        std::int64_t min_qty_value = parseInt64(min_qty);
        session << db.sql(
            "SELECT list_id, sku, uom, min_qty, valid_from, valid_to, unit_price FROM price_entries "
            "WHERE (list_id, sku, uom, min_qty, valid_from) > (?, ?, ?, ?, ?) "
            "ORDER BY list_id, sku, uom, min_qty, valid_from LIMIT ?"),
            useRef(list), useRef(sku), useRef(uom), keywords::bind(min_qty_value), useRef(from),
            keywords::bind(kEntryBatch), into(rows), now;
        for (const EntryRow& row : rows) data.entries.push_back(toEntry(row));
        if (rows.size() < static_cast<std::size_t>(kEntryBatch)) break;
        const EntryRow& last = rows.back();
        list = last.get<0>(), sku = last.get<1>(), uom = last.get<2>(), min_qty = last.get<3>(),
        from = last.get<4>();
    }
}

pricing::RuleList decodeRules(const std::string& list_id, const std::string& source,
                              const std::string& source_list, const std::string& text) {
    pricing::RuleList rules{
        list_id, source == "cost" ? pricing::RuleSource::Cost : pricing::RuleSource::List, source_list, {}};
    for (const std::string& record : splitValues(text, '\x1e')) {
        const std::vector<std::string> parts = splitValues(record);
        auto scope = parts.size() == 4 ? pricing::parseRuleScope(parts[0]) : std::nullopt;
        auto percent =
            parts.size() == 4 ? core::Decimal::parse(parts[3]) : core::Result<core::Decimal>(core::Decimal());
        if (!scope || !percent)
            throw std::runtime_error("price_rule_lists " + list_id + ": bad rule '" + record + "'");
        pricing::PriceRule rule;
        rule.scope = *scope;
        rule.value = parts[1];
        rule.adjustment.kind =
            parts[2] == "off" ? pricing::Adjustment::Kind::PercentOff : pricing::Adjustment::Kind::Markup;
        rule.adjustment.percent = *percent;
        rules.rules.push_back(std::move(rule));
    }
    return rules;
}

void loadRulesAndCustomers(Poco::Data::Session& session, pricing::PricingData& data) {
    std::vector<Poco::Tuple<std::string, std::string, std::string, std::string>> rules;
    session << "SELECT list_id, source, source_list_id, rules FROM price_rule_lists ORDER BY list_id",
        into(rules), now;
    for (const auto& row : rules) {
        data.rule_lists.push_back(decodeRules(row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>()));
    }
    std::vector<Poco::Tuple<std::string, std::string, std::string, std::string>> customers;
    session << "SELECT customer_id, currency, chain, strategy FROM customer_pricing ORDER BY customer_id",
        into(customers), now;
    for (const auto& row : customers) {
        auto strategy = pricing::parseStrategy(row.get<3>());
        if (!strategy) throw std::runtime_error("customer_pricing " + row.get<0>() + ": bad strategy");
        data.customers.push_back({row.get<0>(), row.get<1>(), splitValues(row.get<2>(), ';'), *strategy});
    }
}

}  // namespace

pricing::PricingData SqlPricingRepository::load() const {
    return guarded(db_, "pricing.load", [&] {
        Poco::Data::Session session = db_.session();
        session.begin();
        pricing::PricingData data;
        loadLists(session, data);
        loadEntries(session, db_, data);
        loadRulesAndCustomers(session, data);
        session.commit();
        return data;
    });
}

std::vector<pricing::PriceList> SqlPricingRepository::lists() const {
    return guarded(db_, "pricing.lists", [&] {
        Poco::Data::Session session = db_.session();
        pricing::PricingData data;
        loadLists(session, data);
        return data.lists;
    });
}

std::vector<pricing::PriceEntry> SqlPricingRepository::entries(const std::string& list_id,
                                                               const std::string& sku,
                                                               const std::string& after_sku,
                                                               std::size_t limit) const {
    return guarded(db_, "pricing.entries", [&] {
        Poco::Data::Session session = db_.session();
        std::vector<EntryRow> rows;
        const std::string columns =
            "SELECT list_id, sku, uom, min_qty, valid_from, valid_to, unit_price FROM price_entries ";
        if (!sku.empty()) {
            session << db_.sql(columns +
                               "WHERE list_id = ? AND sku = ? ORDER BY sku, uom, min_qty, valid_from"),
                useRef(list_id), useRef(sku), into(rows), now;
        } else {
            // The page's SKUs first, then all their entries, so a SKU never straddles two pages.
            const auto max_skus = static_cast<std::int64_t>(std::min<std::size_t>(limit, 100'000));
            session << db_.sql(columns +
                               "WHERE list_id = ? AND sku IN (SELECT DISTINCT sku FROM price_entries "
                               "WHERE list_id = ? AND sku > ? ORDER BY sku LIMIT ?) "
                               "ORDER BY sku, uom, min_qty, valid_from"),
                useRef(list_id), useRef(list_id), useRef(after_sku), keywords::bind(max_skus), into(rows),
                now;
        }
        std::vector<pricing::PriceEntry> entries;
        for (const EntryRow& row : rows) entries.push_back(toEntry(row));
        return entries;
    });
}

std::int64_t SqlPricingRepository::version() const {
    return guarded(db_, "pricing.version", [&] {
        Poco::Data::Session session = db_.session();
        return readDataVersion(session, db_, "pricing");
    });
}

}  // namespace crossdock::storage
