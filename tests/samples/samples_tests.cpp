// The demo data in samples/ is valid: the categories and catalog go through the
// real CSV importers, prices.csv + customers.csv build a pricing snapshot over the
// imported items, every demo customer gets prices, and partners.json is
// well-formed and points at existing SKUs.

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crossdock/catalog/catalog_csv_importer.h"
#include "crossdock/catalog/category_csv_importer.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/csv.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/json.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"
#include "crossdock/pricing/resolver.h"
#include "crossdock/pricing/snapshot.h"

namespace crossdock::core {

inline std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) {
    return os << d.toShortString();
}

}  // namespace crossdock::core

namespace {

using namespace crossdock;

const std::string kDir = CROSSDOCK_SAMPLES_DIR;

std::ifstream openSample(const std::string& name) {
    std::ifstream in(kDir + "/" + name, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in.good(), "cannot open samples/" << name);
    return in;
}

std::string describe(const catalog::ImportReport& report) {
    std::ostringstream out;
    out << report.summary();
    for (const auto& error : report.errors) out << "\n  " << error.describe();
    return out.str();
}

template <typename T>
std::string why(const core::Result<T>& result) {
    return result.ok() ? std::string() : result.error().describe();
}

core::Decimal dec(std::string_view text) {
    auto parsed = core::Decimal::parse(text);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "bad decimal " << text);
    return *parsed;
}

core::Date date(std::string_view text) {
    auto parsed = core::Date::parse(text);
    BOOST_REQUIRE_MESSAGE(parsed.ok(), "bad date " << text);
    return *parsed;
}

/// A CSV file as header + rows of strings, read with core's reader and header check.
struct Table {
    core::CsvHeader header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
};

Table readTable(const std::string& name, const std::vector<std::string_view>& required,
                const std::vector<std::string_view>& optional) {
    auto in = openSample(name);
    core::CsvReader reader(in, name);
    std::vector<std::string> fields;
    auto first = reader.next(fields);
    BOOST_REQUIRE_MESSAGE(first.ok() && *first, name << ": no header " << why(first));
    auto header = core::CsvHeader::check(fields, required, optional, {}, name + ":1");
    BOOST_REQUIRE_MESSAGE(header.ok(), why(header));
    Table table{*header, {}, {}};
    for (;;) {
        auto more = reader.next(fields);
        BOOST_REQUIRE_MESSAGE(more.ok(), why(more));
        if (!*more) break;
        BOOST_REQUIRE_EQUAL(fields.size(), table.header.columns().size());
        table.rows.push_back(fields);
        table.lines.push_back(reader.recordLine());
    }
    return table;
}

/// The demo world, loaded once for all test cases.
struct World {
    catalog::CategoryTree tree;
    catalog::ImportReport category_report;
    catalog::CatalogChangeSet catalog;
    std::map<std::string, const catalog::Item*, std::less<>> items;
    Table prices;
    Table lists;
    Table customers;

    World() {
        {
            catalog::CategoryCsvImporter importer{catalog::CategoryTree{}};
            auto in = openSample("categories.csv");
            category_report = importer.run(in, "categories.csv");
            tree = importer.takeTree();
        }
        {
            catalog::CatalogCsvImporter importer(tree);
            auto in = openSample("catalog.csv");
            catalog = importer.importAll(in, "catalog.csv");
        }
        for (const auto& item : catalog.items) items.emplace(item.sku, &item);
        prices = readTable("prices.csv", {"price_list", "currency", "sku", "uom", "min_qty", "unit_price"},
                           {"valid_from", "valid_to"});
        lists = readTable("price_lists.csv", {"price_list", "name", "currency", "kind"},
                          {"valid_from", "valid_to"});
        customers = readTable("customers.csv", {"customer_id", "name", "currency", "price_lists"},
                              {"price_strategy", "assortments", "credit_limit", "rep", "tax_exempt"});
    }

    std::shared_ptr<const pricing::ItemLookup> itemLookup() const {
        auto lookup = std::make_shared<pricing::InMemoryItemLookup>();
        for (const auto& item : catalog.items) {
            pricing::ItemFacts facts{item.sku, tree.category(item.category).path, item.brand, item.cost,
                                     item.units};
            lookup->put(std::move(facts));
        }
        return lookup;
    }

    pricing::PricingData pricingData() const {
        pricing::PricingData data;
        for (const auto& row : lists.rows) {
            pricing::PriceList list;
            list.id = std::string(lists.header.field(row, "price_list"));
            list.name = std::string(lists.header.field(row, "name"));
            list.currency = std::string(lists.header.field(row, "currency"));
            auto kind = pricing::parseListKind(lists.header.field(row, "kind"));
            BOOST_REQUIRE_MESSAGE(kind.has_value(), "price_lists.csv: bad kind for " << list.id);
            list.kind = *kind;
            if (auto from = lists.header.field(row, "valid_from"); !from.empty())
                list.valid_from = date(from);
            if (auto to = lists.header.field(row, "valid_to"); !to.empty()) list.valid_to = date(to);
            data.lists.push_back(std::move(list));
        }
        for (const auto& row : prices.rows) {
            pricing::PriceEntry entry;
            entry.list_id = std::string(prices.header.field(row, "price_list"));
            entry.currency = std::string(prices.header.field(row, "currency"));
            entry.sku = std::string(prices.header.field(row, "sku"));
            entry.uom = std::string(prices.header.field(row, "uom"));
            entry.min_qty = dec(prices.header.field(row, "min_qty"));
            entry.unit_price = dec(prices.header.field(row, "unit_price"));
            if (auto from = prices.header.field(row, "valid_from"); !from.empty())
                entry.valid_from = date(from);
            if (auto to = prices.header.field(row, "valid_to"); !to.empty()) entry.valid_to = date(to);
            data.entries.push_back(std::move(entry));
        }
        for (const auto& row : customers.rows) {
            pricing::CustomerPricing customer;
            customer.customer_id = std::string(customers.header.field(row, "customer_id"));
            customer.currency = std::string(customers.header.field(row, "currency"));
            std::string_view chain = customers.header.field(row, "price_lists");
            while (!chain.empty()) {
                auto cut = chain.find(';');
                customer.chain.emplace_back(chain.substr(0, cut));
                chain = cut == std::string_view::npos ? std::string_view{} : chain.substr(cut + 1);
            }
            if (auto strategy = customers.header.field(row, "price_strategy"); !strategy.empty()) {
                auto parsed = pricing::parseStrategy(strategy);
                BOOST_REQUIRE_MESSAGE(parsed.has_value(), "customers.csv: bad strategy " << strategy);
                customer.strategy = *parsed;
            }
            data.customers.push_back(std::move(customer));
        }
        return data;
    }
};

const World& world() {
    static const World instance;
    return instance;
}

std::shared_ptr<const pricing::PriceSnapshot> snapshot() {
    static const std::shared_ptr<const pricing::PriceSnapshot> built = [] {
        auto result = pricing::buildSnapshot(world().pricingData(), world().itemLookup());
        BOOST_REQUIRE_MESSAGE(result.ok(), why(result));
        return *result;
    }();
    return built;
}

/// Inside the demo contract's validity (2026-01-01..2027-12-31).
const core::Date kAt = core::Date::fromDays(20'800);  // 2026-12-13

pricing::PricedLine resolve(std::string_view customer, std::string_view sku, std::string_view uom,
                            std::string_view quantity) {
    pricing::Resolver resolver(snapshot());
    auto line = resolver.resolve({customer, sku, uom, dec(quantity), kAt});
    BOOST_REQUIRE_MESSAGE(line.ok(),
                          customer << " " << quantity << " " << uom << " of " << sku << ": " << why(line));
    return *line;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(samples)

BOOST_AUTO_TEST_CASE(categories_import_without_errors) {
    const auto& w = world();
    BOOST_TEST_REQUIRE(w.category_report.ok(), describe(w.category_report));
    BOOST_TEST(w.tree.size() >= 40u);
    BOOST_TEST(w.tree.attributeCount() >= 40u);
    BOOST_TEST(w.tree.find("Hardware > Fasteners > Screws > Machine Screws").has_value());
    BOOST_TEST(w.tree.find("Safety > Gloves > Disposable Gloves").has_value());
}

BOOST_AUTO_TEST_CASE(catalog_imports_without_errors) {
    const auto& w = world();
    BOOST_TEST_REQUIRE(w.catalog.report.ok(), describe(w.catalog.report));
    BOOST_TEST(w.catalog.items.size() >= 250u);
    BOOST_TEST(w.catalog.items.size() == w.catalog.report.rows);
    std::set<std::string> roots;
    for (const auto& item : w.catalog.items) {
        const auto& path = w.tree.category(item.category).path;
        roots.insert(path.substr(0, path.find(" > ")));
    }
    BOOST_TEST(roots.size() == 6u);
}

BOOST_AUTO_TEST_CASE(demo_skus_the_e2e_tests_rely_on) {
    const auto& w = world();
    BOOST_TEST_REQUIRE(w.catalog.report.ok());
    auto nut = w.items.find("NUT-HEX-M8-ZP");
    BOOST_TEST_REQUIRE((nut != w.items.end()));
    BOOST_TEST(nut->second->order_multiple == dec("12"));
    BOOST_TEST(nut->second->units.factor("CS").value_or(core::Decimal{}) == dec("144"));
    BOOST_TEST(nut->second->checkOrderQuantity(dec("24"), "EA").ok());
    BOOST_TEST(!nut->second->checkOrderQuantity(dec("13"), "EA").ok());
    auto bolt = w.items.find("BLT-HEX-M10X50-ZP");
    BOOST_TEST_REQUIRE((bolt != w.items.end()));
    BOOST_TEST(bolt->second->order_multiple == dec("12"));
    BOOST_TEST(bolt->second->units.factor("CS").value_or(core::Decimal{}) == dec("12"));
    std::size_t inactive = 0;
    for (const auto& item : w.catalog.items) inactive += item.status != catalog::ItemStatus::Active ? 1u : 0u;
    BOOST_TEST(inactive >= 2u);
}

BOOST_AUTO_TEST_CASE(prices_refer_to_known_skus_and_lists) {
    const auto& w = world();
    BOOST_TEST_REQUIRE(w.catalog.report.ok());
    std::map<std::string, std::string, std::less<>> list_currency;
    for (const auto& row : w.lists.rows)
        list_currency.emplace(w.lists.header.field(row, "price_list"), w.lists.header.field(row, "currency"));
    std::set<std::string, std::less<>> base_priced;
    for (std::size_t i = 0; i < w.prices.rows.size(); ++i) {
        const auto& row = w.prices.rows[i];
        auto where = "prices.csv:" + std::to_string(w.prices.lines[i]);
        auto sku = w.prices.header.field(row, "sku");
        auto list = w.prices.header.field(row, "price_list");
        BOOST_TEST(w.items.count(sku) == 1u, where << ": unknown SKU " << sku);
        auto found = list_currency.find(list);
        BOOST_TEST_REQUIRE((found != list_currency.end()),
                           where << ": list " << list << " not in price_lists.csv");
        BOOST_TEST(found->second == w.prices.header.field(row, "currency"), where);
        auto price = dec(w.prices.header.field(row, "unit_price"));
        BOOST_TEST(price > core::Decimal{}, where);
        if (list == "BASE") base_priced.emplace(sku);
    }
    for (const auto& item : w.catalog.items)
        if (item.status == catalog::ItemStatus::Active)
            BOOST_TEST(base_priced.count(item.sku) == 1u, "active SKU " << item.sku << " has no BASE price");
}

BOOST_AUTO_TEST_CASE(pricing_snapshot_builds) {
    auto built = snapshot();
    BOOST_TEST(built->customerCount() == 3u);
    BOOST_TEST(built->listCount() == world().lists.rows.size());
    BOOST_TEST(built->entryCount() == world().prices.rows.size());
}

BOOST_AUTO_TEST_CASE(every_demo_customer_gets_prices) {
    for (std::string_view customer : {"ACME", "GLOBEX", "NORDWIND"}) {
        for (std::string_view sku : {"SCR-MS-M6X20-SS", "BLT-HEX-M10X50-ZP", "SAF-GLV-NIT-L",
                                     "PLB-VLV-BAL-1IN-BR", "ELC-LED-A19-9-27", "JAN-CHM-ABS-KG"}) {
            auto* item = world().items.find(sku)->second;
            auto line = resolve(customer, sku, item->units.baseUnit(), item->min_order_qty.toShortString());
            BOOST_TEST(line.unit_price > core::Decimal{});
            BOOST_TEST(line.currency.code == (customer == "NORDWIND" ? "EUR" : "USD"));
        }
    }
}

BOOST_AUTO_TEST_CASE(acme_contract_beats_globex) {
    auto acme = resolve("ACME", "SCR-MS-M6X20-SS", "EA", "10");
    auto globex = resolve("GLOBEX", "SCR-MS-M6X20-SS", "EA", "10");
    BOOST_TEST(acme.list_id == "ACME-CONTRACT");
    BOOST_TEST(globex.list_id != "ACME-CONTRACT");
    BOOST_TEST(acme.unit_price != globex.unit_price);
    BOOST_TEST(acme.unit_price < globex.unit_price);
    // GOLD (ACME's group) prices fasteners outside the contract.
    BOOST_TEST(resolve("ACME", "SCR-MS-M8X40-ZP", "EA", "1").list_id == "GOLD");
    // The case price of the dozen-multiple nut comes from the contract's CS entry.
    BOOST_TEST(resolve("ACME", "NUT-HEX-M8-ZP", "CS", "1").list_id == "ACME-CONTRACT");
}

BOOST_AUTO_TEST_CASE(tiers_and_default_lists) {
    // BASE tiers: a GLOBEX order of 1000 screws pays BASE's third tier (lowest strategy).
    auto small = resolve("GLOBEX", "SCR-MS-M6X20-SS", "EA", "1");
    auto large = resolve("GLOBEX", "SCR-MS-M6X20-SS", "EA", "1000");
    BOOST_TEST(large.unit_price < small.unit_price);
    BOOST_TEST(large.list_id == "BASE");
    // NORDWIND falls back to BASE-EUR for what EU-DEALER does not price.
    BOOST_TEST(resolve("NORDWIND", "SCR-MS-M6X20-SS", "EA", "1").list_id == "EU-DEALER");
    BOOST_TEST(resolve("NORDWIND", "SAF-GLV-NIT-L", "BX", "1").list_id == "BASE-EUR");
}

BOOST_AUTO_TEST_CASE(partners_json_is_well_formed) {
    auto in = openSample("partners.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = core::parseJson(text);
    BOOST_TEST_REQUIRE(parsed.ok(), why(parsed));
    BOOST_TEST_REQUIRE(parsed->isArray());
    BOOST_TEST(parsed->size() == 2u);
    std::set<std::string> customer_ids;
    for (const auto& row : world().customers.rows)
        customer_ids.emplace(world().customers.header.field(row, "customer_id"));
    for (const auto& partner : parsed->items()) {
        BOOST_TEST_REQUIRE(partner.isObject());
        for (std::string_view key : {"id", "name", "customer_id", "formats", "item_xref", "uom_map"})
            BOOST_TEST(partner.contains(key), "partner lacks " << key);
        BOOST_TEST(customer_ids.count(partner.find("customer_id")->asString()) == 1u);
        BOOST_TEST(partner.find("formats")->isArray());
        BOOST_TEST((partner.contains("x12") || partner.contains("edifact")));
        const auto* xref = partner.find("item_xref");
        BOOST_TEST_REQUIRE(xref->isArray());
        BOOST_TEST(xref->size() >= 3u);
        for (const auto& entry : xref->items()) {
            BOOST_TEST_REQUIRE(entry.find("partner_item") != nullptr);
            const auto* sku = entry.find("sku");
            BOOST_TEST_REQUIRE(sku != nullptr);
            BOOST_TEST(world().items.count(sku->asString()) == 1u, "unknown SKU " << sku->asString());
        }
        BOOST_TEST(partner.find("uom_map")->isObject());
    }
}

BOOST_AUTO_TEST_SUITE_END()
