#include "crossdock/catalog/catalog_csv_importer.h"

#include "catalog_csv_layout.h"
#include "crossdock/core/csv.h"
#include "import_support.h"
#include "item_row_parser.h"

namespace crossdock::catalog {

CatalogCsvImporter::CatalogCsvImporter(const CategoryTree& tree, ImportOptions options)
    : tree_(&tree), options_(std::move(options)) {
    if (options_.create_missing_categories) {
        // Work on a copy: the caller's tree must not change before the import is committed.
        own_tree_.emplace(tree);
        tree_ = &*own_tree_;
    }
}

const CategoryTree& CatalogCsvImporter::tree() const { return *tree_; }

ImportReport CatalogCsvImporter::run(std::istream& in, const std::string& source, const ItemSink& sink) {
    ImportReport report;
    detail::ErrorCollector errors(report, options_.max_errors);
    core::CsvReader reader(in, source);
    std::vector<std::string> row;
    auto first = reader.next(row);
    if (!first || !*first) {
        if (!first) {
            errors.add(first.error().message, first.error().where);
        } else {
            errors.add("empty file: expected a header row", source + ":1");
        }
        return report;
    }
    auto layout = detail::CatalogLayout::fromHeader(row, reader.position());
    if (!layout) {
        errors.add(layout.error().message, layout.error().where);
        return report;
    }
    const std::size_t categories_before = tree_->size();
    CategoryTree* creatable = own_tree_ ? &*own_tree_ : nullptr;
    detail::ItemRowParser parser(*layout, *tree_, creatable, errors);
    Item item;
    for (;;) {
        if (errors.full()) {
            report.error_limit_reached = true;
            break;
        }
        auto more = reader.next(row);
        if (!more) {
            // After bad quoting the reader cannot tell where the next record starts.
            errors.add(more.error().message, more.error().where);
            break;
        }
        if (!*more) break;
        ++report.rows;
        const std::string position = reader.position();
        if (row.size() != layout->width) {
            errors.add(detail::fieldCountMessage(row.size(), layout->width), position);
        } else if (parser.parse(row, position, reader.recordLine(), item)) {
            ++report.accepted;
            if (sink && report.ok()) sink(std::move(item));
        }
        detail::reportProgress(options_, report.rows);
    }
    if (own_tree_) {
        for (std::size_t id = categories_before; id < own_tree_->size(); ++id) {
            created_.push_back(static_cast<CategoryId>(id));
        }
        own_tree_->reindex();
    }
    return report;
}

CatalogChangeSet CatalogCsvImporter::importAll(std::istream& in, const std::string& source) {
    CatalogChangeSet changes;
    changes.report = run(in, source, [&](Item&& item) { changes.items.push_back(std::move(item)); });
    if (!changes.report.ok()) changes.items.clear();
    changes.created_categories = created_;
    return changes;
}

}  // namespace crossdock::catalog
