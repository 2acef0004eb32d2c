#include "state/edi_config.h"

#include <charconv>
#include <cstdint>

namespace crossdock::server {
namespace {

// Reads an integer key in [min, max] into `out`; "" or the error.
std::string integer(const Poco::Util::AbstractConfiguration& config, const std::string& key,
                    std::int64_t& out, std::int64_t min, std::int64_t max) {
    if (!config.hasProperty(key)) return {};
    const std::string text = config.getRawString(key);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        return key + " must be an integer in " + std::to_string(min) + ".." + std::to_string(max) +
               ", got '" + text + "'";
    }
    out = value;
    return {};
}

std::string identifier(const Poco::Util::AbstractConfiguration& config, const std::string& key,
                       std::string& out, std::size_t min, std::size_t max) {
    if (!config.hasProperty(key)) return {};
    const std::string text = config.getString(key);
    if (text.size() < min || text.size() > max || text.find_first_of("*~>^:\r\n") != std::string::npos) {
        return key + " must be " + std::to_string(min) + ".." + std::to_string(max) +
               " characters without X12 delimiters, got '" + text + "'";
    }
    out = text;
    return {};
}

std::string readIdentity(const Poco::Util::AbstractConfiguration& config, edi::PipelineOptions& pipeline) {
    std::string error = identifier(config, "edi.x12.isa_qualifier", pipeline.us.isa_qualifier, 2, 2);
    if (error.empty()) error = identifier(config, "edi.x12.isa_id", pipeline.us.isa_id, 1, 15);
    if (error.empty()) error = identifier(config, "edi.x12.gs_id", pipeline.us.gs_id, 2, 15);
    if (error.empty() && config.hasProperty("edi.x12.line_suffix")) {
        const std::string suffix = config.getString("edi.x12.line_suffix");
        if (suffix == "lf") {
            pipeline.line_suffix = "\n";
        } else if (suffix == "crlf") {
            pipeline.line_suffix = "\r\n";
        } else if (suffix == "none") {
            pipeline.line_suffix.clear();
        } else {
            error = "edi.x12.line_suffix must be lf, crlf or none, got '" + suffix + "'";
        }
    }
    return error;
}

}  // namespace

std::string readEdiOptions(const Poco::Util::AbstractConfiguration& config, EdiOptions& options) {
    if (auto error = readIdentity(config, options.pipeline); !error.empty()) return error;
    std::int64_t days = options.pipeline.duplicate_window.count() / 24;
    std::int64_t max_bytes = static_cast<std::int64_t>(options.max_inbound_bytes);
    std::int64_t interval = options.delivery_interval.count();
    std::int64_t attempts = options.delivery_max_attempts;
    std::int64_t backoff = options.delivery_backoff.count();
    std::int64_t timeout = options.delivery_timeout.count();
    std::int64_t poll = options.inbound_poll.count();
    std::int64_t claim_timeout = options.pipeline.claim_timeout.count();
    for (const std::string& error :
         {integer(config, "edi.duplicate_window_days", days, 1, 3650),
          integer(config, "edi.max_inbound_bytes", max_bytes, 1, std::int64_t{1} << 32),
          integer(config, "edi.delivery.interval_ms", interval, 10, 3'600'000),
          integer(config, "edi.delivery.max_attempts", attempts, 1, 100),
          integer(config, "edi.delivery.backoff_seconds", backoff, 1, 86'400),
          integer(config, "edi.delivery.timeout_seconds", timeout, 1, 3600),
          integer(config, "edi.inbound.poll_ms", poll, 10, 86'400'000),
          integer(config, "edi.inbound.claim_timeout_seconds", claim_timeout, 5, 86'400)}) {
        if (!error.empty()) return error;
    }
    options.pipeline.duplicate_window = std::chrono::hours(24 * days);
    options.max_inbound_bytes = static_cast<std::size_t>(max_bytes);
    options.delivery_interval = std::chrono::milliseconds(interval);
    options.delivery_max_attempts = static_cast<int>(attempts);
    options.delivery_backoff = std::chrono::seconds(backoff);
    options.delivery_timeout = std::chrono::seconds(timeout);
    options.inbound_poll = std::chrono::milliseconds(poll);
    options.pipeline.claim_timeout = std::chrono::seconds(claim_timeout);
    return {};
}

}  // namespace crossdock::server
