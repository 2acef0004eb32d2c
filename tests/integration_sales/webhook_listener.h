#pragma once
// A tiny HTTP server in the test process that records webhook POSTs.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace crossdock::integration {

/// One received webhook.
struct ReceivedHook {
    std::string event;      ///< X-Crossdock-Event
    std::string delivery;   ///< X-Crossdock-Delivery
    std::string signature;  ///< X-Crossdock-Signature
    std::string body;
    int answered = 0;  ///< the status we answered
};

/// Listens on 127.0.0.1 (a free port). Answers 500 to the first `failures` requests of
/// each delivery id listed by failNext(), 204 otherwise. Thread-safe.
class WebhookListener {
public:
    WebhookListener();
    ~WebhookListener();

    std::uint16_t port() const;
    /// The next `count` requests answer 500.
    void failNext(int count);
    /// Every request so far.
    std::vector<ReceivedHook> received() const;
    /// Waits until a request whose body contains `needle` has been answered 2xx; true when one came.
    bool waitFor(const std::string& needle, std::chrono::seconds timeout) const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

/// "sha256=<hex>" of HMAC-SHA256(secret, body).
std::string hmacSha256Hex(const std::string& secret, const std::string& body);

}  // namespace crossdock::integration
