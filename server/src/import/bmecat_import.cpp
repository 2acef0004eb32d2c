#include "import/bmecat_import.h"

#include "crossdock/edi/bmecat/bmecat_importer.h"
#include "crossdock/server/runtime.h"
#include "state/catalog_state.h"

namespace crossdock::server {

catalog::ImportReport importBmecat(Runtime& runtime, std::istream& in, const std::string& source,
                                   const ImportSettings& settings) {
    auto snapshot = runtime.catalog().current();
    edi::bmecat::BmecatOptions options;
    options.import.on_progress = settings.progress;
    options.schema_dir = settings.bmecat_schema_dir;
    options.stored_category = [&snapshot](const std::string& sku) {
        const catalog::Item* item = snapshot->index.find(sku);
        if (item == nullptr || item->category == catalog::kNoCategory) return std::string();
        return snapshot->tree().category(item->category).path;
    };
    edi::bmecat::BmecatImporter importer(snapshot->tree(), options);
    auto write = runtime.catalog().repository().begin();
    edi::bmecat::BmecatSinks sinks;
    sinks.categories = [&](const catalog::CategoryTree& tree,
                           const std::vector<catalog::CategoryId>& created) {
        if (!created.empty()) write->saveTree(tree);
    };
    sinks.items = [&](catalog::Item&& item) { write->putItem(item, importer.tree()); };
    catalog::ImportReport report = importer.run(in, source, sinks);
    if (!report.ok()) return report;
    // T_UPDATE_PRODUCTS mode="delete": the item stays (orders refer to it) but can no longer be ordered.
    for (const std::string& sku : importer.deletedSkus()) {
        if (const catalog::Item* stored = snapshot->index.find(sku)) {
            catalog::Item item = *stored;
            item.status = catalog::ItemStatus::Discontinued;
            write->putItem(item, snapshot->tree());
        }
    }
    write->commit();
    return report;
}

}  // namespace crossdock::server
