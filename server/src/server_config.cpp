// Reading and validating the serve configuration.
#include "server_config.h"

#include "state/edi_config.h"
#include "state/sales_config.h"

#include <charconv>
#include <limits>

namespace crossdock::server {

namespace {

class Reader {
public:
    explicit Reader(const Poco::Util::AbstractConfiguration& config) : config_(config) {}

    /// Reads an integer key into `out` when present; remembers the first error.
    template <typename T>
    void integer(const std::string& key, T& out, std::int64_t min, std::int64_t max) {
        if (!config_.hasProperty(key)) return;
        const std::string text = config_.getRawString(key);
        std::int64_t value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
            fail(key + " must be an integer in " + std::to_string(min) + ".." + std::to_string(max) +
                 ", got '" + text + "'");
            return;
        }
        out = static_cast<T>(value);
    }

    void seconds(const std::string& key, std::chrono::seconds& out, std::int64_t min, std::int64_t max) {
        std::int64_t value = out.count();
        integer(key, value, min, max);
        out = std::chrono::seconds(value);
    }

    void text(const std::string& key, std::string& out) {
        if (config_.hasProperty(key)) out = config_.getString(key);
    }

    void fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
    }

    const std::string& error() const { return error_; }

private:
    const Poco::Util::AbstractConfiguration& config_;
    std::string error_;
};

constexpr std::int64_t kOneYear = 366LL * 24 * 3600;

}  // namespace

core::Result<ServerConfig> loadServerConfig(const Poco::Util::AbstractConfiguration& config) {
    ServerConfig c;
    Reader r(config);
    r.text("server.host", c.host);
    r.integer("server.port", c.port, 0, 65535);
    r.text("db.url", c.db_url);
    r.integer("db.max_sessions", c.db_max_sessions, 1, 1024);
    r.integer("server.threads", c.threads, 1, 4096);
    r.integer("server.queue", c.queue, 1, 65536);
    r.seconds("server.keep_alive_timeout_seconds", c.keep_alive_timeout, 1, 3600);
    r.seconds("server.request_timeout_seconds", c.request_timeout, 1, 3600);
    r.seconds("server.shutdown_grace_seconds", c.shutdown_grace, 0, 3600);
    r.integer("server.max_body_bytes", c.max_body_bytes, 1, std::numeric_limits<std::int32_t>::max());
    r.text("tls.certificate", c.tls_certificate);
    r.text("tls.private_key", c.tls_private_key);
    r.text("log.access", c.access_log);
    c.web_root = CROSSDOCK_WEB_DIR;
    r.text("web.root", c.web_root);
    r.seconds("auth.token_ttl_seconds", c.auth.token_ttl, 1, kOneYear);
    r.integer("auth.max_failed_logins", c.auth.max_failed_logins, 1, 1'000'000);
    r.seconds("auth.failed_login_window_seconds", c.auth.failed_login_window, 1, kOneYear);
    std::int64_t cache_ms = c.auth.cache_ttl.count();
    r.integer("auth.cache_ttl_ms", cache_ms, 0, 60'000);
    c.auth.cache_ttl = std::chrono::milliseconds(cache_ms);
    std::int64_t refresh_ms = c.runtime.refresh_interval.count();
    r.integer("runtime.refresh_interval_ms", refresh_ms, 10, 3'600'000);
    c.runtime.refresh_interval = std::chrono::milliseconds(refresh_ms);
    if (auto sales_error = readSalesOptions(config, c.runtime.sales); !sales_error.empty())
        r.fail(sales_error);
    if (auto edi_error = readEdiOptions(config, c.runtime.edi); !edi_error.empty()) r.fail(edi_error);
    if (c.host.empty()) r.fail("server.host must not be empty");
    if (c.db_url.empty()) r.fail("db.url must not be empty");
    if (c.tls_certificate.empty() != c.tls_private_key.empty()) {
        r.fail("tls.certificate and tls.private_key must be set together");
    }
    if (!r.error().empty()) return core::makeError(core::ErrorCode::InvalidArgument, r.error());
    return c;
}

}  // namespace crossdock::server
