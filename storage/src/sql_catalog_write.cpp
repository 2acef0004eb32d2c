#include "sql_catalog_write.h"

#include <algorithm>

#include "catalog_codec.h"
#include "codec.h"
#include "sql_catalog_repository.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

void saveCategories(Poco::Data::Session& session, const Database& db, const catalog::CategoryTree& tree) {
    session << "DELETE FROM categories", now;
    Statement insert(session);
    std::int64_t position = 0;
    std::string path;
    insert << db.sql("INSERT INTO categories (position, path) VALUES (?, ?)"), use(position), use(path);
    for (catalog::CategoryId id = 0; id < tree.size(); ++id) {
        position = static_cast<std::int64_t>(id);
        path = tree.category(id).path;
        insert.execute();
    }
}

void saveAttributes(Poco::Data::Session& session, const Database& db, const catalog::CategoryTree& tree) {
    session << "DELETE FROM category_attributes", now;
    for (catalog::AttributeId id = 0; id < tree.attributeCount(); ++id) {
        const catalog::AttributeDefinition& a = tree.attribute(id);
        const std::string category_path = tree.category(a.category).path;
        const std::string type(catalog::toString(a.type));
        const std::string values = joinValues(a.allowed_values);
        Statement insert(session);
        insert << db.sql(
            "INSERT INTO category_attributes (position, category_path, code, label, type, unit, "
            "allowed_values, required, filterable, searchable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            keywords::bind(static_cast<std::int64_t>(id)), useRef(category_path), useRef(a.code),
            useRef(a.label), useRef(type), useRef(a.unit), useRef(values), useRef(a.required),
            useRef(a.filterable), useRef(a.searchable);
        insert.execute();
    }
}

}  // namespace

SqlCatalogWrite::SqlCatalogWrite(const Database& db)
    : db_(db), session_(db.session()), transaction_(session_, db.backend(), kCatalogWriteLock) {}

void SqlCatalogWrite::saveTree(const catalog::CategoryTree& tree) {
    guarded(db_, "catalog.saveTree", [&] {
        saveCategories(session_, db_, tree);
        saveAttributes(session_, db_, tree);
    });
}

void SqlCatalogWrite::prepareItemUpsert() {
    upsert_item_ = std::make_unique<Statement>(session_);
    *upsert_item_ << db_.sql(
        "INSERT INTO items (sku, name, description, brand, gtin, mpn, family, category_path, status, "
        "base_uom, "
        "packs, min_order_qty, order_multiple, cost, attributes, updated_at, tax_rate) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET "
        "name = excluded.name, description = excluded.description, brand = excluded.brand, "
        "gtin = excluded.gtin, mpn = excluded.mpn, family = excluded.family, "
        "category_path = excluded.category_path, status = excluded.status, base_uom = excluded.base_uom, "
        "packs = excluded.packs, min_order_qty = excluded.min_order_qty, "
        "order_multiple = excluded.order_multiple, cost = excluded.cost, attributes = excluded.attributes, "
        "updated_at = excluded.updated_at, tax_rate = excluded.tax_rate"),
        use(row_.sku), use(row_.name), use(row_.description), use(row_.brand), use(row_.gtin), use(row_.mpn),
        use(row_.family), use(row_.category_path), use(row_.status), use(row_.base_uom), use(row_.packs),
        use(row_.min_order_qty), use(row_.order_multiple), use(row_.cost), use(row_.attributes),
        use(row_.updated_at), use(row_.tax_rate);
}

void SqlCatalogWrite::putItem(const catalog::Item& item, const catalog::CategoryTree& tree) {
    guarded(db_, "catalog.putItem", [&] {
        if (!upsert_item_) prepareItemUpsert();
        row_.sku = item.sku;
        row_.name = item.name;
        row_.description = item.description;
        row_.brand = item.brand;
        row_.gtin = item.gtin;
        row_.mpn = item.mpn;
        row_.family = item.family;
        row_.category_path = item.category == catalog::kNoCategory ? "" : tree.category(item.category).path;
        row_.status = std::string(catalog::toString(item.status));
        row_.base_uom = item.units.baseUnit();
        row_.packs = encodePacks(item.units);
        row_.min_order_qty = item.min_order_qty.raw();
        row_.order_multiple = item.order_multiple.raw();
        row_.cost =
            item.cost ? Poco::Nullable<std::int64_t>(item.cost->raw()) : Poco::Nullable<std::int64_t>();
        row_.tax_rate = item.tax_rate ? Poco::Nullable<std::int64_t>(item.tax_rate->raw())
                                      : Poco::Nullable<std::int64_t>();
        row_.attributes = encodeAttributes(item, tree);
        row_.updated_at = nowMicros();
        upsert_item_->execute();
    });
}

void SqlCatalogWrite::setStock(const std::string& sku, const catalog::StockLevel& level) {
    guarded(db_, "catalog.setStock", [&] {
        Poco::Nullable<std::string> receipt;
        if (level.next_receipt) receipt = level.next_receipt->toString();
        session_ << db_.sql(
            "INSERT INTO stock_levels (sku, warehouse, on_hand, reserved, next_receipt) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sku, warehouse) DO UPDATE SET "
            "on_hand = excluded.on_hand, reserved = excluded.reserved, "
            "next_receipt = excluded.next_receipt"),
            useRef(sku), useRef(level.warehouse), keywords::bind(level.on_hand.raw()),
            keywords::bind(level.reserved.raw()), useRef(receipt), now;
    });
}

void SqlCatalogWrite::replaceAssortments(const std::vector<catalog::AssortmentRule>& rules) {
    guarded(db_, "catalog.replaceAssortments", [&] {
        std::vector<std::string> names;
        for (const auto& rule : rules) {
            if (std::find(names.begin(), names.end(), rule.assortment) == names.end())
                names.push_back(rule.assortment);
        }
        for (const std::string& name : names) {
            session_ << db_.sql("DELETE FROM assortment_rules WHERE assortment = ?"), useRef(name), now;
        }
        for (const auto& rule : rules) {
            session_ << db_.sql(
                "INSERT INTO assortment_rules (assortment, kind, value) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING"),
                useRef(rule.assortment), useRef(rule.kind), useRef(rule.value), now;
        }
    });
}

void SqlCatalogWrite::assignAssortments(const catalog::CustomerAssortments& assignment) {
    guarded(db_, "catalog.assignAssortments", [&] {
        session_ << db_.sql("DELETE FROM customer_assortments WHERE customer_id = ?"),
            useRef(assignment.customer_id), now;
        for (std::size_t i = 0; i < assignment.assortments.size(); ++i) {
            session_ << db_.sql(
                "INSERT INTO customer_assortments (customer_id, position, assortment) "
                "VALUES (?, ?, ?)"),
                useRef(assignment.customer_id), keywords::bind(static_cast<std::int64_t>(i)),
                useRef(assignment.assortments[i]), now;
        }
    });
}

void SqlCatalogWrite::putPartNumber(const catalog::PartNumberRow& row) {
    guarded(db_, "catalog.putPartNumber", [&] {
        session_ << db_.sql(
            "INSERT INTO customer_part_numbers (customer_id, part_number, sku) VALUES (?, ?, ?) "
            "ON CONFLICT (customer_id, part_number) DO UPDATE SET sku = excluded.sku"),
            useRef(row.customer_id), useRef(row.part_number), useRef(row.sku), now;
    });
}

void SqlCatalogWrite::commit() {
    guarded(db_, "catalog.commit", [&] {
        upsert_item_.reset();
        bumpDataVersion(session_, db_, "catalog");
        transaction_.commit();
    });
}

}  // namespace crossdock::storage
