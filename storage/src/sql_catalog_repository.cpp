#include "sql_catalog_repository.h"

#include <stdexcept>

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include "catalog_codec.h"
#include "codec.h"
#include "sql_catalog_write.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

constexpr std::int64_t kItemBatch = 20'000;

using AttributeRow = Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string,
                                 bool, bool, bool>;
// sku, name, description, brand, gtin, mpn, family, category_path, status, base_uom, packs,
// min_order_qty, order_multiple, cost, attributes, tax_rate (64-bit values as text: see parseInt64).
using ItemRow =
    Poco::Tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string,
                std::string, std::string, std::string, std::string, std::string, std::string,
                Poco::Nullable<std::string>, std::string, Poco::Nullable<std::string>>;

catalog::CategoryTree loadTree(Poco::Data::Session& session) {
    catalog::CategoryTree tree;
    std::vector<std::string> paths;
    session << "SELECT path FROM categories ORDER BY position", into(paths), now;
    for (const std::string& path : paths) {
        if (auto added = tree.addPath(path); !added) {
            throw std::runtime_error("categories: " + path + ": " + added.error().message);
        }
    }
    std::vector<AttributeRow> rows;
    session
        << "SELECT category_path, code, label, type, unit, allowed_values, required, filterable, searchable "
           "FROM category_attributes ORDER BY position",
        into(rows), now;
    for (const AttributeRow& row : rows) {
        catalog::AttributeDefinition definition;
        definition.code = row.get<1>();
        definition.label = row.get<2>();
        auto type = catalog::parseAttributeType(row.get<3>());
        auto category = tree.find(row.get<0>());
        if (!type || !category) throw std::runtime_error("category_attributes: bad row for " + row.get<1>());
        definition.type = *type;
        definition.unit = row.get<4>();
        definition.allowed_values = splitValues(row.get<5>());
        definition.required = row.get<6>();
        definition.filterable = row.get<7>();
        definition.searchable = row.get<8>();
        if (auto defined = tree.defineAttribute(*category, std::move(definition)); !defined) {
            throw std::runtime_error("category_attributes: " + row.get<1>() + ": " + defined.error().message);
        }
    }
    tree.reindex();
    return tree;
}

catalog::Item toItem(const ItemRow& row, const catalog::CategoryTree& tree) {
    const std::string where = "items " + row.get<0>();
    catalog::Item item;
    item.sku = row.get<0>();
    item.name = row.get<1>();
    item.description = row.get<2>();
    item.brand = row.get<3>();
    item.gtin = row.get<4>();
    item.mpn = row.get<5>();
    item.family = row.get<6>();
    if (!row.get<7>().empty()) {
        auto category = tree.find(row.get<7>());
        if (!category) throw std::runtime_error(where + ": unknown category " + row.get<7>());
        item.category = *category;
    }
    auto status = catalog::parseItemStatus(row.get<8>());
    if (!status) throw std::runtime_error(where + ": " + status.error().message);
    item.status = *status;
    item.units = decodePacks(row.get<9>(), row.get<10>(), where);
    item.min_order_qty = core::Decimal::fromRaw(parseInt64(row.get<11>()));
    item.order_multiple = core::Decimal::fromRaw(parseInt64(row.get<12>()));
    if (!row.get<13>().isNull()) item.cost = core::Decimal::fromRaw(parseInt64(row.get<13>().value()));
    decodeAttributes(item, tree, row.get<14>(), where);
    if (!row.get<15>().isNull()) item.tax_rate = core::Decimal::fromRaw(parseInt64(row.get<15>().value()));
    return item;
}

std::vector<catalog::Item> loadItems(Poco::Data::Session& session, const Database& db,
                                     const catalog::CategoryTree& tree) {
    std::vector<catalog::Item> items;
    std::string after;
    while (true) {
        std::vector<ItemRow> rows;
        session << db.sql(
            "SELECT sku, name, description, brand, gtin, mpn, family, category_path, status, "
            "base_uom, packs, min_order_qty, order_multiple, cost, attributes, tax_rate FROM items "
            "WHERE sku > ? ORDER BY sku LIMIT ?"),
            useRef(after), keywords::bind(kItemBatch), into(rows), now;
        for (const ItemRow& row : rows) items.push_back(toItem(row, tree));
        if (rows.size() < static_cast<std::size_t>(kItemBatch)) break;
        after = rows.back().get<0>();
    }
    return items;
}

using StockRow = Poco::Tuple<std::string, std::string, std::string, std::string, Poco::Nullable<std::string>>;

std::vector<std::pair<std::string, catalog::StockLevel>> loadStock(Poco::Data::Session& session) {
    std::vector<StockRow> rows;
    session
        << "SELECT sku, warehouse, on_hand, reserved, next_receipt FROM stock_levels ORDER BY sku, warehouse",
        into(rows), now;
    std::vector<std::pair<std::string, catalog::StockLevel>> stock;
    for (const StockRow& row : rows) {
        catalog::StockLevel level;
        level.warehouse = row.get<1>();
        level.on_hand = core::Decimal::fromRaw(parseInt64(row.get<2>()));
        level.reserved = core::Decimal::fromRaw(parseInt64(row.get<3>()));
        if (!row.get<4>().isNull()) {
            auto date = core::Date::parse(row.get<4>().value());
            if (!date) throw std::runtime_error("stock_levels " + row.get<0>() + ": bad next_receipt");
            level.next_receipt = *date;
        }
        stock.emplace_back(row.get<0>(), std::move(level));
    }
    return stock;
}

void loadAssortments(Poco::Data::Session& session, catalog::CatalogData& data) {
    std::vector<Poco::Tuple<std::string, std::string, std::string>> rules;
    session << "SELECT assortment, kind, value FROM assortment_rules ORDER BY assortment, kind, value",
        into(rules), now;
    for (const auto& rule : rules)
        data.assortment_rules.push_back({rule.get<0>(), rule.get<1>(), rule.get<2>()});
    std::vector<Poco::Tuple<std::string, std::string>> assigned;
    session << "SELECT customer_id, assortment FROM customer_assortments ORDER BY customer_id, position",
        into(assigned), now;
    for (const auto& row : assigned) {
        if (data.customer_assortments.empty() ||
            data.customer_assortments.back().customer_id != row.get<0>()) {
            data.customer_assortments.push_back({row.get<0>(), {}});
        }
        data.customer_assortments.back().assortments.push_back(row.get<1>());
    }
    std::vector<Poco::Tuple<std::string, std::string, std::string>> parts;
    session << "SELECT customer_id, part_number, sku FROM customer_part_numbers ORDER BY customer_id, "
               "part_number",
        into(parts), now;
    for (const auto& part : parts) data.part_numbers.push_back({part.get<0>(), part.get<1>(), part.get<2>()});
}

}  // namespace

std::int64_t readDataVersion(Poco::Data::Session& session, const Database& db, const std::string& area) {
    std::string version;
    session << db.sql("SELECT version FROM data_versions WHERE area = ?"), useRef(area), into(version), now;
    return version.empty() ? 0 : parseInt64(version);
}

void bumpDataVersion(Poco::Data::Session& session, const Database& db, const std::string& area) {
    session << db.sql("UPDATE data_versions SET version = version + 1 WHERE area = ?"), useRef(area), now;
}

catalog::CatalogData SqlCatalogRepository::load() const {
    return guarded(db_, "catalog.load", [&] {
        Poco::Data::Session session = db_.session();
        // One read transaction, so that the tables agree with each other and with the version.
        session.begin();
        catalog::CatalogData data;
        data.version = readDataVersion(session, db_, "catalog");
        data.tree = loadTree(session);
        data.items = loadItems(session, db_, data.tree);
        data.stock = loadStock(session);
        loadAssortments(session, data);
        session.commit();
        return data;
    });
}

std::unique_ptr<catalog::CatalogWrite> SqlCatalogRepository::begin() {
    return guarded(db_, "catalog.begin", [&]() -> std::unique_ptr<catalog::CatalogWrite> {
        return std::make_unique<SqlCatalogWrite>(db_);
    });
}

std::int64_t SqlCatalogRepository::version() const {
    return guarded(db_, "catalog.version", [&] {
        Poco::Data::Session session = db_.session();
        return readDataVersion(session, db_, "catalog");
    });
}

}  // namespace crossdock::storage
