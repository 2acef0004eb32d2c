// The webhook job: outbox events POSTed as signed JSON to the configured URLs.
#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>

#include "crossdock/core/json.h"
#include "event_log.h"
#include "state/sales_services.h"

namespace crossdock::server {
namespace {

constexpr std::size_t kBatch = 20;
constexpr auto kLease = std::chrono::minutes(5);

std::unique_ptr<Poco::Net::HTTPClientSession> sessionFor(const Poco::URI& uri) {
    if (uri.getScheme() == "https") {
        static const Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
        return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
    }
    return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

// "" on a 2xx answer, else what went wrong.
std::string post(const std::string& url, const sales::OutboxRecord& record, const std::string& body,
                 const std::string& signature, std::chrono::seconds timeout) {
    try {
        const Poco::URI uri(url);
        auto session = sessionFor(uri);
        session->setTimeout(Poco::Timespan(static_cast<long>(timeout.count()), 0));
        std::string target = uri.getPathAndQuery();
        if (target.empty()) target = "/";
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
        request.set("X-Crossdock-Event", std::string(sales::toString(record.event.type)));
        request.set("X-Crossdock-Delivery", std::to_string(record.id));
        request.set("X-Crossdock-Signature", signature);
        session->sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& answer = session->receiveResponse(response);
        answer.ignore(std::numeric_limits<std::streamsize>::max());
        const int status = static_cast<int>(response.getStatus());
        if (status >= 200 && status < 300) return {};
        return url + ": HTTP " + std::to_string(status) + " " + response.getReason();
    } catch (const Poco::Exception& e) {
        return url + ": " + e.displayText();
    }
}

std::string isoTime(core::TimePoint at) {
    char buffer[48];
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    return std::string(formatTimestamp(static_cast<long long>(ms), buffer));
}

}  // namespace

std::string webhookBody(const sales::OutboxRecord& record) {
    const sales::OutboxEvent& e = record.event;
    core::Json attributes = core::Json::object();
    for (const auto& [key, value] : e.attributes) attributes.set(key, value);
    core::Json body = core::Json::object();
    body.set("id", record.id);
    body.set("type", std::string(sales::toString(e.type)));
    body.set("aggregate_type", e.aggregate_type);
    body.set("aggregate_id", e.aggregate_id);
    body.set("customer_id", e.customer_id);
    body.set("occurred_at", isoTime(e.occurred_at));
    body.set("attempt", record.attempts + 1);
    body.set("attributes", std::move(attributes));
    return core::toJsonString(body);
}

std::string webhookSignature(const std::string& secret, const std::string& body) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "sha256=";
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 0x0f]);
    }
    return out;
}

std::size_t deliverWebhooks(SalesServices& services, const core::Clock& clock,
                            const std::function<bool()>& stop_requested) {
    const WebhookOptions& options = services.options.webhooks;
    const core::TimePoint now = clock.now();
    std::size_t delivered = 0;
    const auto claimed = services.outbox->claimDue(now, now + kLease, kBatch);
    for (std::size_t i = 0; i < claimed.size(); ++i) {
        if (stop_requested && stop_requested()) {
            for (std::size_t j = i; j < claimed.size(); ++j) services.outbox->release(claimed[j].id, now);
            break;
        }
        const sales::OutboxRecord& record = claimed[i];
        const std::string body = webhookBody(record);
        const std::string signature = webhookSignature(options.secret, body);
        std::string error;
        for (const std::string& url : options.urls) {
            std::string failure = post(url, record, body, signature, options.timeout);
            if (!failure.empty()) error += (error.empty() ? "" : "; ") + failure;
        }
        if (error.empty()) {
            services.outbox->markDelivered(record.id, clock.now());
            ++delivered;
            continue;
        }
        if (record.attempts + 1 >= options.max_attempts) {
            services.outbox->markFailed(record.id, error, std::nullopt);
            logEvent("warn", "webhook event " + std::to_string(record.id) + " dead-lettered: " + error);
            continue;
        }
        auto delay = options.backoff * (std::int64_t{1} << std::min(record.attempts, 20));
        services.outbox->markFailed(record.id, error, clock.now() + delay);
    }
    return delivered;
}

}  // namespace crossdock::server
