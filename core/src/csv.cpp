#include "crossdock/core/csv.h"

#include <algorithm>

namespace crossdock::core {

CsvReader::CsvReader(std::istream& in, std::string source) : in_(in), source_(std::move(source)) {}

std::string CsvReader::position() const { return source_ + ":" + std::to_string(record_line_); }

// Straight to the stream buffer: istream::get() builds a sentry per character,
// which dominated the import of a million rows.
int CsvReader::get() {
    int c = in_.rdbuf()->sbumpc();
    if (c == '\n') ++line_;
    return c;
}

int CsvReader::peek() { return in_.rdbuf()->sgetc(); }

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
    if (!started_) {
        started_ = true;
        if (peek() == 0xEF) {  // UTF-8 BOM
            get();
            int second = get();
            int third = get();
            if (!(second == 0xBB && third == 0xBF)) {
                return makeError(ErrorCode::InvalidArgument,
                                 "file starts with bytes that are not a UTF-8 BOM", source_ + ":1");
            }
        }
    }
    // Skip blank lines.
    while (peek() == '\r' || peek() == '\n') get();
    fields.clear();
    if (peek() == std::char_traits<char>::eof()) return false;
    record_line_ = line_;
    std::string field;
    bool quoted = false;      // inside a quoted field
    bool was_quoted = false;  // the current field was quoted (only separators may follow the closing quote)
    for (;;) {
        int c = get();
        if (quoted) {
            if (c == std::char_traits<char>::eof()) {
                return makeError(ErrorCode::InvalidArgument, "quoted field is never closed", position());
            }
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    field.push_back('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push_back(static_cast<char>(c));
            }
            continue;
        }
        if (c == ',' || c == '\n' || c == '\r' || c == std::char_traits<char>::eof()) {
            fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            if (c == ',') continue;
            if (c == '\r' && peek() == '\n') get();
            return true;
        }
        if (was_quoted) {
            return makeError(
                ErrorCode::InvalidArgument,
                "unexpected character after closing quote in field " + std::to_string(fields.size() + 1),
                source_ + ":" + std::to_string(line_));
        }
        if (c == '"') {
            if (!field.empty()) {
                return makeError(ErrorCode::InvalidArgument,
                                 "quote inside an unquoted field " + std::to_string(fields.size() + 1),
                                 source_ + ":" + std::to_string(line_));
            }
            quoted = true;
            was_quoted = true;
            continue;
        }
        field.push_back(static_cast<char>(c));
    }
}

Result<CsvHeader> CsvHeader::check(const std::vector<std::string>& header,
                                   const std::vector<std::string_view>& required,
                                   const std::vector<std::string_view>& optional,
                                   const std::vector<std::string_view>& open_prefixes,
                                   const std::string& where) {
    CsvHeader out;
    for (const auto& raw : header) {
        std::string column = raw;
        // Tolerate surrounding spaces in header names; nothing else is normalized.
        column.erase(0, column.find_first_not_of(' '));
        column.erase(column.find_last_not_of(' ') + 1);
        auto known = [&](const auto& list) {
            return std::find(list.begin(), list.end(), column) != list.end();
        };
        bool open = std::any_of(open_prefixes.begin(), open_prefixes.end(), [&](std::string_view p) {
            return column.starts_with(p) && column.size() > p.size();
        });
        if (!known(required) && !known(optional) && !open) {
            return makeError(ErrorCode::InvalidArgument, "unknown column '" + column + "'", where);
        }
        if (std::find(out.columns_.begin(), out.columns_.end(), column) != out.columns_.end()) {
            return makeError(ErrorCode::InvalidArgument, "column '" + column + "' appears twice", where);
        }
        out.columns_.push_back(std::move(column));
    }
    for (auto column : required) {
        if (!out.index(column)) {
            return makeError(ErrorCode::InvalidArgument,
                             "missing required column '" + std::string(column) + "'", where);
        }
    }
    return out;
}

std::optional<std::size_t> CsvHeader::index(std::string_view column) const {
    auto it = std::find(columns_.begin(), columns_.end(), column);
    if (it == columns_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - columns_.begin());
}

std::string_view CsvHeader::field(const std::vector<std::string>& row, std::string_view column) const {
    auto i = index(column);
    if (!i || *i >= row.size()) return {};
    return row[*i];
}

}  // namespace crossdock::core
