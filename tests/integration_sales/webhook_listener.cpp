#include "webhook_listener.h"

#include <thread>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace crossdock::integration {

struct WebhookListener::Impl {
    mutable std::mutex mutex;
    std::vector<ReceivedHook> hooks;
    int fail_next = 0;
    std::unique_ptr<Poco::Net::HTTPServer> server;
    std::uint16_t port = 0;
};

namespace {

class HookHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit HookHandler(WebhookListener::Impl& impl) : impl_(impl) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        ReceivedHook hook;
        Poco::StreamCopier::copyToString(request.stream(), hook.body);
        hook.event = request.get("X-Crossdock-Event", "");
        hook.delivery = request.get("X-Crossdock-Delivery", "");
        hook.signature = request.get("X-Crossdock-Signature", "");
        {
            std::lock_guard lock(impl_.mutex);
            hook.answered = impl_.fail_next > 0 ? 500 : 204;
            if (impl_.fail_next > 0) --impl_.fail_next;
            impl_.hooks.push_back(hook);
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(hook.answered));
        response.setContentLength(0);
        response.send();
    }

private:
    WebhookListener::Impl& impl_;
};

class HookFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HookFactory(WebhookListener::Impl& impl) : impl_(impl) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new HookHandler(impl_);
    }

private:
    WebhookListener::Impl& impl_;
};

}  // namespace

WebhookListener::WebhookListener() : impl_(std::make_unique<Impl>()) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    impl_->port = socket.address().port();
    auto params = new Poco::Net::HTTPServerParams;
    params->setKeepAlive(false);
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(new HookFactory(*impl_), socket, params);
    impl_->server->start();
}

WebhookListener::~WebhookListener() { impl_->server->stopAll(true); }

std::uint16_t WebhookListener::port() const { return impl_->port; }

void WebhookListener::failNext(int count) {
    std::lock_guard lock(impl_->mutex);
    impl_->fail_next = count;
}

std::vector<ReceivedHook> WebhookListener::received() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->hooks;
}

bool WebhookListener::waitFor(const std::string& needle, std::chrono::seconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        for (const ReceivedHook& hook : received()) {
            if (hook.answered < 300 && hook.body.find(needle) != std::string::npos) return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

std::string hmacSha256Hex(const std::string& secret, const std::string& body) {
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

}  // namespace crossdock::integration
