#pragma once

// Helpers shared by the CSV importers and the exporter. Private to the module.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/catalog/import_report.h"

namespace crossdock::catalog::detail {

/// Appends errors to a report until the limit; later ones only set the flag.
class ErrorCollector {
public:
    ErrorCollector(ImportReport& report, std::size_t max_errors)
        : report_(report), max_errors_(max_errors == 0 ? 1 : max_errors) {}

    /// Adds an InvalidArgument error at `where`.
    void add(std::string message, std::string where);
    /// True once the limit is reached: the caller stops reading.
    bool full() const { return report_.errors.size() >= max_errors_; }
    std::size_t count() const { return report_.errors.size(); }

private:
    ImportReport& report_;
    std::size_t max_errors_;
};

/// "catalog.csv:12 field gtin".
std::string fieldWhere(const std::string& position, std::string_view field);

/// `text` in single quotes, cut to 64 characters ("'abc'", "'aaaa...'").
std::string quote(std::string_view text);

/// Splits "a;b;c" at ';' (no trimming). An empty text gives an empty list.
std::vector<std::string> splitList(std::string_view text);

/// `field` as one RFC 4180 CSV field: quoted (quotes doubled) when it holds a
/// comma, a quote, CR or LF, or starts or ends with a space.
std::string csvField(std::string_view field);

/// Writes `fields` as one CSV line ending in "\n".
void writeCsvLine(std::string& out, const std::vector<std::string>& fields);

/// "row has 4 fields, the header has 5" (singular for 1).
std::string fieldCountMessage(std::size_t fields, std::size_t columns);

/// Calls options.on_progress when `rows` is a multiple of options.progress_every.
void reportProgress(const ImportOptions& options, std::size_t rows);

}  // namespace crossdock::catalog::detail
