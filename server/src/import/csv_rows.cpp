#include "import/csv_rows.h"

namespace crossdock::server {

namespace {
constexpr std::size_t kMaxErrors = 100;
constexpr std::size_t kProgressEvery = 10'000;
}  // namespace

core::Error CsvRow::error(std::string_view column, std::string message) const {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message),
                           where + " field " + std::string(column));
}

catalog::ImportReport readCsvRows(std::istream& in, const std::string& source,
                                  const std::vector<std::string_view>& required,
                                  const std::vector<std::string_view>& optional,
                                  const std::function<std::vector<core::Error>(const CsvRow&)>& on_row,
                                  const ImportProgress& progress) {
    catalog::ImportReport report;
    core::CsvReader reader(in, source);
    std::vector<std::string> fields;
    auto first = reader.next(fields);
    if (!first || !*first) {
        report.errors.push_back(
            first ? core::makeError(core::ErrorCode::InvalidArgument, "the file is empty", source + ":1")
                  : first.error());
        return report;
    }
    auto header = core::CsvHeader::check(fields, required, optional, {}, reader.position());
    if (!header) {
        report.errors.push_back(header.error());
        return report;
    }
    while (true) {
        auto more = reader.next(fields);
        if (!more) {
            report.errors.push_back(more.error());  // malformed quoting: the rest cannot be read reliably
            break;
        }
        if (!*more) break;
        if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
        ++report.rows;
        CsvRow row{fields, *header, source + ":" + std::to_string(reader.recordLine())};
        std::vector<core::Error> errors = on_row(row);
        if (errors.empty()) ++report.accepted;
        for (core::Error& error : errors) {
            if (report.errors.size() == kMaxErrors) {
                report.error_limit_reached = true;
                return report;
            }
            report.errors.push_back(std::move(error));
        }
        if (progress && report.rows % kProgressEvery == 0) progress(report.rows);
    }
    return report;
}

core::Result<std::optional<core::Date>> optionalDate(const CsvRow& row, std::string_view column) {
    const std::string_view text = row[column];
    if (text.empty()) return std::optional<core::Date>();
    auto date = core::Date::parse(text);
    if (!date) return row.error(column, "'" + std::string(text) + "' is not an ISO date (YYYY-MM-DD)");
    return std::optional<core::Date>(*date);
}

}  // namespace crossdock::server
