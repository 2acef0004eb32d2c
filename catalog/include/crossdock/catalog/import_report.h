#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "crossdock/core/error.h"

namespace crossdock::catalog {

/// Settings shared by the CSV importers. Defaults suit `crossdock import`.
struct ImportOptions {
    /// Stop reading after this many errors (ImportReport::error_limit_reached). ≥ 1.
    std::size_t max_errors = 100;
    /// Call on_progress after every this many data rows (0: never).
    std::size_t progress_every = 10'000;
    /// Receives the number of data rows read so far. Runs on the importing thread.
    std::function<void(std::size_t rows)> on_progress;
    /// Catalog import only. false (the default): a category_path that is not in the
    /// tree is an error ("unknown category"); categories come from a categories
    /// import or a BMEcat group system. true: missing paths (and their ancestors)
    /// are created without attributes and listed in CatalogCsvImporter::createdCategories().
    bool create_missing_categories = false;
};

/// The outcome of one import run: counts and every error found (up to the limit).
/// Errors are InvalidArgument, `where` = "file:line" or "file:line field X".
struct ImportReport {
    std::size_t rows = 0;      ///< data rows read (the header is not counted)
    std::size_t accepted = 0;  ///< rows without any error
    std::vector<core::Error> errors;
    bool error_limit_reached = false;  ///< stopped at max_errors: the file may hold more

    bool ok() const { return errors.empty(); }
    /// One line for a summary: "1200 rows, 1200 valid" or "1200 rows, 1197 valid,
    /// 3 errors" (+ ", stopped at the error limit").
    std::string summary() const;
};

}  // namespace crossdock::catalog
