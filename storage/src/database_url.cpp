#include "crossdock/storage/database_url.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string_view>

namespace crossdock::storage {
namespace {

constexpr std::string_view kExpected = "expected sqlite:PATH or postgresql://user:password@host:port/dbname";

// Messages never quote pieces of the authority: with an unencoded '/' or '@' in the password,
// any of them may hold part of it.
[[noreturn]] void fail(const std::string& what) {
    throw std::invalid_argument("database URL: " + what + " (" + std::string(kExpected) + ")");
}

// Whitespace and control characters (a decoded %00 would cut a C string short).
bool isSpaceOrControl(char c) {
    auto byte = static_cast<unsigned char>(c);
    return std::isspace(byte) != 0 || byte < 0x20 || byte == 0x7F;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view text, const std::string& field) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) fail("bad percent escape in the " + field);
        int high = hexValue(text[i + 1]);
        int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0) fail("bad percent escape in the " + field);
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

// Poco 1.11 splits the connection string on every space before libpq sees it, so even a
// quoted value cannot hold one.
void rejectUnpassable(const std::string& value, const std::string& field) {
    if (std::any_of(value.begin(), value.end(), isSpaceOrControl)) {
        fail("the " + field +
             " contains whitespace or a control character, which Poco's PostgreSQL connector cannot pass on");
    }
}

DatabaseUrl parseSqlite(std::string_view path) {
    if (path.empty()) fail("sqlite: needs a file path");
    if (path.starts_with("//")) fail("write sqlite:relative/path or sqlite:/absolute/path, without //");
    if (path == ":memory:") {
        fail("sqlite::memory: is not supported: each pooled connection would get its own database");
    }
    if (path.starts_with("file:")) fail("sqlite: takes a file path, not a file: URI");
    DatabaseUrl url;
    url.backend = Backend::Sqlite;
    url.path = std::string(path);
    return url;
}

int parsePort(std::string_view text) {
    int port = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || port < 1 || port > 65535) {
        fail("the port must be a number from 1 to 65535");
    }
    return port;
}

void parseHostPort(std::string_view text, DatabaseUrl& url) {
    std::string_view port_text;
    if (text.starts_with('[')) {
        auto close = text.find(']');
        if (close == std::string_view::npos) fail("an IPv6 host lacks its closing ]");
        url.host = std::string(text.substr(1, close - 1));
        std::string_view after = text.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') fail("unexpected text after the IPv6 host");
            port_text = after.substr(1);
            if (port_text.empty()) fail("the port must be a number from 1 to 65535");
        }
    } else {
        auto colon = text.find(':');
        url.host = std::string(text.substr(0, colon));
        if (colon != std::string_view::npos) {
            port_text = text.substr(colon + 1);
            if (port_text.find(':') != std::string_view::npos) fail("an IPv6 host must be in [brackets]");
            if (port_text.empty()) fail("the port must be a number from 1 to 65535");
        }
    }
    if (url.host.empty()) fail("postgresql:// needs a host");
    rejectUnpassable(url.host, "host");
    if (!port_text.empty()) url.port = parsePort(port_text);
}

void parseAuthority(std::string_view authority, DatabaseUrl& url) {
    auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        std::string_view userinfo = authority.substr(0, at);
        auto colon = userinfo.find(':');
        url.user = percentDecode(userinfo.substr(0, colon), "user");
        if (colon != std::string_view::npos) {
            url.password = percentDecode(userinfo.substr(colon + 1), "password");
        }
        rejectUnpassable(url.user, "user");
        rejectUnpassable(url.password, "password");
        authority = authority.substr(at + 1);
    }
    parseHostPort(authority, url);
}

bool isParameterKey(std::string_view key) {
    auto valid = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    return !key.empty() && std::all_of(key.begin(), key.end(), valid);
}

void parseQuery(std::string_view query, DatabaseUrl& url) {
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) fail("a query parameter lacks '=value'");
        std::string key = percentDecode(pair.substr(0, eq), "parameter name");
        if (!isParameterKey(key)) fail("bad parameter name '" + key + "'");
        for (const char* reserved : {"host", "hostaddr", "port", "user", "password", "dbname"}) {
            if (key == reserved) fail("set " + key + " in the URL itself, not as a parameter");
        }
        std::string value = percentDecode(pair.substr(eq + 1), "parameter " + key);
        rejectUnpassable(value, "parameter " + key);
        url.parameters.emplace_back(std::move(key), std::move(value));
    }
}

DatabaseUrl parsePostgres(std::string_view rest) {
    DatabaseUrl url;
    url.backend = Backend::PostgreSql;
    auto slash = rest.find('/');
    if (slash == std::string_view::npos) fail("postgresql:// needs /dbname after the host");
    std::string_view path = rest.substr(slash + 1);
    if (path.find('@') != std::string_view::npos) {
        fail("characters such as / @ : in the user or password must be percent-encoded");
    }
    parseAuthority(rest.substr(0, slash), url);
    auto question = path.find('?');
    url.database = percentDecode(path.substr(0, question), "database name");
    if (url.database.empty()) fail("postgresql:// needs /dbname after the host");
    rejectUnpassable(url.database, "database name");
    if (question != std::string_view::npos) parseQuery(path.substr(question + 1), url);
    return url;
}

// libpq's keyword='value' quoting: backslash escapes quote and backslash.
std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

const char* toString(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

DatabaseUrl parseDatabaseUrl(const std::string& url) {
    std::string_view text = url;
    if (text.empty()) fail("empty");
    if (text.starts_with("sqlite:")) return parseSqlite(text.substr(7));
    if (text.starts_with("postgresql://")) return parsePostgres(text.substr(13));
    if (text.starts_with("postgres://")) return parsePostgres(text.substr(11));
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon > 20) fail("no scheme");
    fail("unsupported scheme '" + std::string(text.substr(0, colon)) + "'");
}

std::string DatabaseUrl::display() const {
    if (backend == Backend::Sqlite) return "sqlite:" + path;
    std::string out = "postgresql://";
    if (!user.empty() || !password.empty()) {
        out += percentEncode(user);
        if (!password.empty()) out += ":***";
        out += '@';
    }
    out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    out += ":" + std::to_string(port) + "/" + percentEncode(database);
    char separator = '?';
    for (const auto& [key, value] : parameters) {
        bool secret = key.find("password") != std::string::npos;
        out += separator + key + "=" + (secret ? std::string("***") : percentEncode(value));
        separator = '&';
    }
    return out;
}

std::string DatabaseUrl::connectionString() const {
    if (backend == Backend::Sqlite) return path;
    std::string out = "host=" + quoted(host) + " port=" + std::to_string(port);
    out += " dbname=" + quoted(database);
    if (!user.empty()) out += " user=" + quoted(user);
    if (!password.empty()) out += " password=" + quoted(password);
    bool has_application_name = false;
    bool has_connect_timeout = false;
    for (const auto& [key, value] : parameters) {
        out += " " + key + "=" + quoted(value);
        has_application_name = has_application_name || key == "application_name";
        has_connect_timeout = has_connect_timeout || key == "connect_timeout";
    }
    if (!has_application_name) out += " application_name='crossdock'";
    if (!has_connect_timeout) out += " connect_timeout='10'";
    return out;
}

}  // namespace crossdock::storage
