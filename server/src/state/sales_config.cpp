#include "state/sales_config.h"

#include <charconv>
#include <cstdint>

namespace crossdock::server {
namespace {

class SalesReader {
public:
    explicit SalesReader(const Poco::Util::AbstractConfiguration& config) : config_(config) {}

    void integer(const std::string& key, std::int64_t& out, std::int64_t min, std::int64_t max) {
        if (!config_.hasProperty(key)) return;
        const std::string text = config_.getRawString(key);
        std::int64_t value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
            fail(key + " must be an integer in " + std::to_string(min) + ".." + std::to_string(max) +
                 ", got '" + text + "'");
            return;
        }
        out = value;
    }

    void millis(const std::string& key, std::chrono::milliseconds& out, std::int64_t min, std::int64_t max) {
        std::int64_t value = out.count();
        integer(key, value, min, max);
        out = std::chrono::milliseconds(value);
    }

    void percent(const std::string& key, core::Decimal& out) {
        if (!config_.hasProperty(key)) return;
        const std::string text = config_.getRawString(key);
        auto value = core::Decimal::parse(text);
        if (!value || value->isNegative() || *value > core::Decimal::fromInt(100)) {
            fail(key + " must be a decimal percentage in 0..100, got '" + text + "'");
            return;
        }
        out = *value;
    }

    void list(const std::string& key, std::vector<std::string>& out) {
        if (!config_.hasProperty(key)) return;
        out.clear();
        std::string text = config_.getString(key);
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t comma = text.find(',', start);
            if (comma == std::string::npos) comma = text.size();
            std::string item = text.substr(start, comma - start);
            auto first = item.find_first_not_of(" \t");
            auto last = item.find_last_not_of(" \t");
            if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
            start = comma + 1;
        }
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

}  // namespace

std::string readSalesOptions(const Poco::Util::AbstractConfiguration& config, SalesOptions& o) {
    SalesReader r(config);
    r.percent("sales.quotes.max_discount_percent", o.quotes.approval.max_discount_percent);
    r.percent("sales.quotes.min_margin_percent", o.quotes.approval.min_margin_percent);
    std::int64_t validity = o.quotes.default_validity_days;
    r.integer("sales.quotes.validity_days", validity, 1, 3660);
    o.quotes.default_validity_days = static_cast<int>(validity);
    std::int64_t notice = o.quotes.expiring_notice_days;
    r.integer("sales.quotes.expiring_notice_days", notice, 0, 365);
    o.quotes.expiring_notice_days = static_cast<int>(notice);
    r.millis("sales.quotes.expiry_interval_ms", o.expiry_interval, 10, 86'400'000);
    r.percent("sales.tax.default_rate_percent", o.default_tax_rate_percent);
    r.list("sales.webhooks.urls", o.webhooks.urls);
    r.text("sales.webhooks.secret", o.webhooks.secret);
    r.millis("sales.webhooks.interval_ms", o.webhooks.interval, 10, 3'600'000);
    std::int64_t attempts = o.webhooks.max_attempts;
    r.integer("sales.webhooks.max_attempts", attempts, 1, 100);
    o.webhooks.max_attempts = static_cast<int>(attempts);
    r.millis("sales.webhooks.backoff_ms", o.webhooks.backoff, 1, 86'400'000);
    std::int64_t timeout = o.webhooks.timeout.count();
    r.integer("sales.webhooks.timeout_seconds", timeout, 1, 3600);
    o.webhooks.timeout = std::chrono::seconds(timeout);
    for (const std::string& url : o.webhooks.urls) {
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
            r.fail("sales.webhooks.urls: '" + url + "' is not an http:// or https:// URL");
        }
    }
    if (!o.webhooks.urls.empty() && o.webhooks.secret.empty()) {
        r.fail("sales.webhooks.secret must be set when sales.webhooks.urls is");
    }
    return r.error();
}

}  // namespace crossdock::server
