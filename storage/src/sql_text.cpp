#include "sql_text.h"

#include <cctype>

namespace crossdock::storage {
namespace {

// Offsets in `sql` of every `wanted` character that is code, not inside a literal or a comment.
std::vector<std::size_t> findInCode(std::string_view sql, char wanted) {
    std::vector<std::size_t> found;
    std::size_t i = 0;
    auto skip_to = [&](std::size_t end, std::size_t extra) {
        i = end == std::string_view::npos ? sql.size() : end + extra;
    };
    while (i < sql.size()) {
        char c = sql[i];
        char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        if (c == '\'' || c == '"') {
            skip_to(sql.find(c, i + 1), 1);  // a doubled quote closes and reopens: same result
        } else if (c == '-' && next == '-') {
            skip_to(sql.find('\n', i + 2), 1);
        } else if (c == '/' && next == '*') {
            skip_to(sql.find("*/", i + 2), 2);
        } else {
            if (c == wanted) found.push_back(i);
            ++i;
        }
    }
    return found;
}

std::string_view trim(std::string_view text) {
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

// True when `text` holds nothing but whitespace and comments.
bool isBlank(std::string_view text) {
    std::string_view code = trim(text);
    while (!code.empty()) {
        if (code.starts_with("--")) {
            auto end = code.find('\n');
            code = end == std::string_view::npos ? std::string_view{} : trim(code.substr(end + 1));
        } else if (code.starts_with("/*")) {
            auto end = code.find("*/");
            code = end == std::string_view::npos ? std::string_view{} : trim(code.substr(end + 2));
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string numberPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    std::size_t copied = 0;
    int number = 0;
    for (std::size_t at : findInCode(sql, '?')) {
        out.append(sql.substr(copied, at - copied));
        out += '$';
        out += std::to_string(++number);
        copied = at + 1;
    }
    out.append(sql.substr(copied));
    return out;
}

std::vector<std::string> splitStatements(std::string_view script) {
    std::vector<std::string> statements;
    std::size_t start = 0;
    auto add = [&](std::size_t end) {
        std::string_view piece = script.substr(start, end - start);
        if (!isBlank(piece)) statements.emplace_back(trim(piece));
        start = end + 1;
    };
    for (std::size_t at : findInCode(script, ';')) add(at);
    if (start < script.size()) add(script.size());
    return statements;
}

}  // namespace crossdock::storage
