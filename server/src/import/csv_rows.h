#pragma once
// Reading an import CSV row by row with its header checked and errors collected.

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/catalog/import_report.h"
#include "crossdock/core/csv.h"
#include "crossdock/core/date.h"
#include "crossdock/server/data_import.h"

namespace crossdock::server {

/// One data row: its fields, the checked header and its position ("file:12").
struct CsvRow {
    const std::vector<std::string>& fields;
    const core::CsvHeader& header;
    std::string where;

    std::string_view operator[](std::string_view column) const { return header.field(fields, column); }
    /// An InvalidArgument error at "file:12 field <column>".
    core::Error error(std::string_view column, std::string message) const;
};

/// Checks the header (required / optional columns), then calls `on_row` for each
/// data row; on_row returns errors it finds. The report counts rows, accepted rows
/// (those without error) and keeps at most 100 errors.
catalog::ImportReport readCsvRows(std::istream& in, const std::string& source,
                                  const std::vector<std::string_view>& required,
                                  const std::vector<std::string_view>& optional,
                                  const std::function<std::vector<core::Error>(const CsvRow&)>& on_row,
                                  const ImportProgress& progress);

/// "" → nullopt; otherwise an ISO date or an error at `column`.
core::Result<std::optional<core::Date>> optionalDate(const CsvRow& row, std::string_view column);

}  // namespace crossdock::server
