#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// One problem of one record: the catalog CSV column it concerns and the message,
/// worded exactly as the CSV importer words it (docs/catalog.md "Error messages").
struct RecordError {
    std::string column;  ///< "sku", "pack_qty", "attr:colour", ...
    std::string message;
};

/// The catalog CSV importer's row rules for records that come from another format
/// (BMEcat): the same SKU, name, category, unit, pack, order multiple, GTIN, status,
/// attribute, family and duplicate-SKU checks, over the same column names. The
/// duplicate and family checks span every record given to one validator.
/// Categories must exist in `tree` (create them first). Not thread-safe.
class CatalogRecordValidator {
public:
    /// `columns` are catalog CSV column names, checked as a CSV header is (unknown or
    /// repeated columns, required ones missing, pack pairs, attr: codes): the header
    /// error (where = `where`) otherwise. `tree` must outlive the validator.
    static core::Result<std::unique_ptr<CatalogRecordValidator>> create(
        const CategoryTree& tree, const std::vector<std::string>& columns, const std::string& where);
    ~CatalogRecordValidator();
    CatalogRecordValidator(const CatalogRecordValidator&) = delete;
    CatalogRecordValidator& operator=(const CatalogRecordValidator&) = delete;

    /// Validates one record, `fields[i]` being the value of `columns[i]` (empty = not
    /// given). `line` is the record's line ("first on line N" in duplicate messages).
    /// Fills `item` and returns true, or appends every problem to `errors` and returns false.
    bool validate(const std::vector<std::string>& fields, std::size_t line, Item& item,
                  std::vector<RecordError>& errors);

private:
    struct Impl;
    explicit CatalogRecordValidator(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace crossdock::catalog
