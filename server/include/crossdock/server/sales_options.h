#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "crossdock/core/decimal.h"
#include "crossdock/sales/quote_service.h"

namespace crossdock::server {

/// Outbox webhooks: every sales event is POSTed as JSON to each URL (sales.webhooks.*).
struct WebhookOptions {
    std::vector<std::string> urls;  ///< sales.webhooks.urls, comma-separated; empty: no delivery job
    /// sales.webhooks.secret: the HMAC-SHA256 key of the X-Crossdock-Signature header.
    std::string secret;
    std::chrono::milliseconds interval{1000};  ///< sales.webhooks.interval_ms: how often the job looks
    int max_attempts = 8;                      ///< sales.webhooks.max_attempts, then dead letter
    std::chrono::milliseconds backoff{5000};   ///< sales.webhooks.backoff_ms, doubled per further attempt
    std::chrono::seconds timeout{10};          ///< sales.webhooks.timeout_seconds of one POST
};

/// Sales settings of a process (config keys in parentheses; docs/sales.md lists them).
struct SalesOptions {
    /// sales.quotes.max_discount_percent (10), sales.quotes.min_margin_percent (5),
    /// sales.quotes.validity_days (30), sales.quotes.expiring_notice_days (3).
    sales::QuoteOptions quotes;
    /// How often the quote expiry job runs (sales.quotes.expiry_interval_ms, default 60000).
    std::chrono::milliseconds expiry_interval{60'000};
    /// The tax rate of every invoice line, in percent (sales.tax.default_rate_percent, 0..100,
    /// default 0).
    core::Decimal default_tax_rate_percent;
    WebhookOptions webhooks;
};

}  // namespace crossdock::server
