// The outbound delivery job: plain HTTP(S) POST of each due message to its partner's URL.
#include <memory>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>

#include "event_log.h"
#include "state/edi_services.h"

namespace crossdock::server {
namespace {

constexpr std::size_t kBatch = 20;

std::unique_ptr<Poco::Net::HTTPClientSession> sessionFor(const Poco::URI& uri) {
    if (uri.getScheme() == "https") {
        static const Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
        return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
    }
    return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

// "" on success (2xx), else what went wrong.
std::string post(const std::string& url, const edi::Message& message, std::chrono::seconds timeout) {
    try {
        const Poco::URI uri(url);
        auto session = sessionFor(uri);
        session->setTimeout(Poco::Timespan(static_cast<long>(timeout.count()), 0));
        std::string target = uri.getPathAndQuery();
        if (target.empty()) target = "/";
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, target,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/edi-x12");
        request.setContentLength64(static_cast<Poco::Int64>(message.raw.size()));
        request.set("X-Crossdock-Message-Id", std::to_string(message.id));
        request.set("X-Crossdock-Document-Type", message.document_type);
        session->sendRequest(request) << message.raw;
        Poco::Net::HTTPResponse response;
        std::istream& body = session->receiveResponse(response);
        body.ignore(std::numeric_limits<std::streamsize>::max());
        const int status = static_cast<int>(response.getStatus());
        if (status >= 200 && status < 300) return {};
        return "HTTP " + std::to_string(status) + " " + response.getReason();
    } catch (const Poco::Exception& e) {
        return e.displayText();
    } catch (const std::exception& e) {
        return e.what();
    }
}

void deliverOne(EdiServices& services, const core::Clock& clock, edi::Message& message) {
    auto& messages = *services.repositories.messages;
    auto partner = services.repositories.partners->find(message.partner_id);
    if (!partner || !partner->delivery) {
        message.status = edi::MessageStatus::Ready;  // nowhere to send it: kept for the partner to fetch
        (void)messages.update(message);
        return;
    }
    const std::string error = post(partner->delivery->url, message, services.options.delivery_timeout);
    if (error.empty()) {
        messages.markSent(message.id, clock.now());
        return;
    }
    std::optional<edi::TimePoint> retry_at;
    if (message.attempts + 1 < services.options.delivery_max_attempts) {
        auto wait = services.options.delivery_backoff * (1 << std::min(message.attempts, 16));
        retry_at = clock.now() + wait;
    }
    messages.markDeliveryFailed(message.id, error, retry_at);
    logEvent("warn", "edi delivery of message " + std::to_string(message.id) + " to " + partner->id +
                         " failed: " + error);
}

}  // namespace

void deliverDueMessages(EdiServices& services, const core::Clock& clock, const std::function<bool()>& stop) {
    const auto now = clock.now();
    const auto lease = now + services.options.delivery_timeout * 2 + std::chrono::seconds(10);
    auto due = services.repositories.messages->claimDueOutbound(now, lease, kBatch);
    for (edi::Message& message : due) {
        if (stop()) return;
        deliverOne(services, clock, message);
    }
}

}  // namespace crossdock::server
