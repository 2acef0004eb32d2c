#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/result.h"

namespace crossdock::core {

/// Streaming RFC 4180 reader: comma-separated, fields optionally in double
/// quotes (a quote inside doubled), CRLF or LF line ends, newlines allowed
/// inside quoted fields, a leading UTF-8 BOM skipped. Memory is bounded by the
/// longest record. Not thread-safe.
class CsvReader {
public:
    /// Reads from `in` (not owned; must outlive the reader). `source` names the
    /// input in error positions ("catalog.csv").
    CsvReader(std::istream& in, std::string source);

    /// Reads the next record into `fields`. Returns true with a record, false
    /// at the end of input, or InvalidArgument for malformed quoting (where:
    /// "catalog.csv:12"). Blank lines are skipped.
    Result<bool> next(std::vector<std::string>& fields);

    /// Line number (1-based) where the last record returned by next() began.
    std::size_t recordLine() const { return record_line_; }
    const std::string& source() const { return source_; }
    /// "source:line" of the last record.
    std::string position() const;

private:
    int get();
    int peek();

    std::istream& in_;
    std::string source_;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    bool started_ = false;
};

/// A CSV file's header row, checked against the columns an importer knows.
class CsvHeader {
public:
    /// Checks `header` (the first record): every `required` column present,
    /// no column twice, no column outside required ∪ optional unless it starts
    /// with one of `open_prefixes` ("attr:"). Errors name the column and the
    /// position `where` ("catalog.csv:1").
    static Result<CsvHeader> check(const std::vector<std::string>& header,
                                   const std::vector<std::string_view>& required,
                                   const std::vector<std::string_view>& optional,
                                   const std::vector<std::string_view>& open_prefixes,
                                   const std::string& where);

    /// Index of `column`, or nullopt when the file does not have it.
    std::optional<std::size_t> index(std::string_view column) const;
    /// The field of `column` in `row`, or empty when the file lacks the column.
    std::string_view field(const std::vector<std::string>& row, std::string_view column) const;
    const std::vector<std::string>& columns() const { return columns_; }

private:
    std::vector<std::string> columns_;
};

}  // namespace crossdock::core
