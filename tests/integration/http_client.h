#pragma once
// A small HTTP(S) client over Poco for the integration tests.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>

#include "crossdock/core/json.h"

namespace crossdock::integration {

/// One answer, fully read.
struct HttpAnswer {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// First header value by case-insensitive name, or "".
    std::string header(const std::string& name) const;
    /// The body parsed as JSON; fails the test when it is not JSON.
    core::Json json() const;
    /// error.code of a JSON error envelope, or "" when absent.
    std::string errorCode() const;
};

/// What to send.
struct HttpCall {
    std::string method = "GET";
    std::string path = "/";
    std::string body{};
    std::string content_type = "application/json";  ///< sent only with a body
    std::string token{};                            ///< Authorization: Bearer, when set
    std::vector<std::pair<std::string, std::string>> headers{};
};

/// A keep-alive connection to one server. Not thread-safe.
class HttpConnection {
public:
    /// Plain HTTP to 127.0.0.1:port, or HTTPS when `tls` is given.
    explicit HttpConnection(std::uint16_t port, Poco::Net::Context::Ptr tls = nullptr,
                            std::chrono::seconds timeout = std::chrono::seconds(30));

    /// Sends `call` and reads the answer. Throws Poco::Exception on I/O failure.
    HttpAnswer send(const HttpCall& call);

    Poco::Net::HTTPClientSession& session() { return *session_; }

private:
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

/// One request on a fresh connection.
HttpAnswer request(std::uint16_t port, const HttpCall& call);

/// A JSON body from `value`.
std::string jsonBody(const core::Json& value);

}  // namespace crossdock::integration
