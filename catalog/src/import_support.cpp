#include "import_support.h"

namespace crossdock::catalog {

std::string ImportReport::summary() const {
    std::string out = std::to_string(rows) + " rows, " + std::to_string(accepted) + " valid";
    if (!errors.empty())
        out += ", " + std::to_string(errors.size()) + (errors.size() == 1 ? " error" : " errors");
    if (error_limit_reached) out += ", stopped at the error limit";
    return out;
}

namespace detail {

void ErrorCollector::add(std::string message, std::string where) {
    if (full()) {
        report_.error_limit_reached = true;
        return;
    }
    report_.errors.push_back(
        core::makeError(core::ErrorCode::InvalidArgument, std::move(message), std::move(where)));
}

std::string fieldWhere(const std::string& position, std::string_view field) {
    return position + " field " + std::string(field);
}

std::string quote(std::string_view text) {
    constexpr std::size_t kMaxQuoted = 64;
    if (text.size() <= kMaxQuoted) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kMaxQuoted)) + "...'";
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        auto end = text.find(';', start);
        out.emplace_back(
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::string csvField(std::string_view field) {
    bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                        (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs_quotes) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void writeCsvLine(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += csvField(fields[i]);
    }
    out.push_back('\n');
}

std::string fieldCountMessage(std::size_t fields, std::size_t columns) {
    return "row has " + std::to_string(fields) + (fields == 1 ? " field" : " fields") + ", the header has " +
           std::to_string(columns);
}

void reportProgress(const ImportOptions& options, std::size_t rows) {
    if (options.progress_every != 0 && options.on_progress && rows % options.progress_every == 0) {
        options.on_progress(rows);
    }
}

}  // namespace detail
}  // namespace crossdock::catalog
