#pragma once

#include <istream>
#include <string>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/import_report.h"

namespace crossdock::catalog {

/// What a category import adds, for storage to write in one transaction.
struct CategoryChanges {
    std::vector<CategoryId> added_categories;     ///< new ids, each after its parent
    std::vector<AttributeId> defined_attributes;  ///< new or redefined, in file order, once each
};

/// Reads a categories CSV (docs/catalog.md): `category_path` required; optional
/// `code,label,type,unit,values,required,filterable,searchable`. Each row creates
/// its category (and missing ancestors); a row with a `code` also defines that
/// attribute on the category (see CategoryTree::defineAttribute()). Streams the
/// input; collects every error up to options.max_errors. Changes go to a copy of
/// the tree given at construction: on errors, drop the importer and nothing has
/// changed. One run() per importer. Not thread-safe.
class CategoryCsvImporter {
public:
    explicit CategoryCsvImporter(CategoryTree base, ImportOptions options = {});

    /// Imports `in`, naming it `source` in error positions ("categories.csv").
    /// The report is ok() when every row was valid.
    ImportReport run(std::istream& in, const std::string& source);

    /// The base tree with this file's changes (complete only when run() was ok()),
    /// reindexed.
    const CategoryTree& tree() const { return tree_; }
    /// Moves the tree out (the importer is spent afterwards).
    CategoryTree takeTree() { return std::move(tree_); }
    const CategoryChanges& changes() const { return changes_; }

private:
    CategoryTree tree_;
    ImportOptions options_;
    CategoryChanges changes_;
};

}  // namespace crossdock::catalog
