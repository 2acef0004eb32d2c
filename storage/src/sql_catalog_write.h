#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "crossdock/catalog/catalog_repository.h"
#include "database.h"
#include "transaction.h"

namespace crossdock::storage {

/// One catalog write transaction. The item upsert is prepared once and executed per
/// item, so a million-row import costs one statement execution per row.
class SqlCatalogWrite final : public catalog::CatalogWrite {
public:
    explicit SqlCatalogWrite(const Database& db);

    void saveTree(const catalog::CategoryTree& tree) override;
    void putItem(const catalog::Item& item, const catalog::CategoryTree& tree) override;
    void setStock(const std::string& sku, const catalog::StockLevel& level) override;
    void replaceAssortments(const std::vector<catalog::AssortmentRule>& rules) override;
    void assignAssortments(const catalog::CustomerAssortments& assignment) override;
    void putPartNumber(const catalog::PartNumberRow& row) override;
    void commit() override;

private:
    // The bound values of the prepared item upsert.
    struct ItemRow {
        std::string sku, name, description, brand, gtin, mpn, family, category_path, status, base_uom, packs;
        std::int64_t min_order_qty = 0, order_multiple = 0;
        Poco::Nullable<std::int64_t> cost;
        std::string attributes;
        std::int64_t updated_at = 0;
        Poco::Nullable<std::int64_t> tax_rate;
    };

    void prepareItemUpsert();

    const Database& db_;
    Poco::Data::Session session_;
    WriteTransaction transaction_;
    ItemRow row_;
    std::unique_ptr<Poco::Data::Statement> upsert_item_;
};

}  // namespace crossdock::storage
