#include "http_client.h"

#include <cctype>

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <boost/test/unit_test.hpp>

namespace crossdock::integration {

namespace {

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string HttpAnswer::header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
        if (equalsIgnoreCase(key, name)) return value;
    }
    return {};
}

core::Json HttpAnswer::json() const {
    auto parsed = core::parseJson(body);
    BOOST_TEST_REQUIRE(parsed.ok(), "not JSON (" << status << "): " << body);
    return *parsed;
}

std::string HttpAnswer::errorCode() const {
    auto parsed = core::parseJson(body);
    if (!parsed) return {};
    const core::Json* error = parsed->find("error");
    if (error == nullptr || error->find("code") == nullptr || !error->find("code")->isString()) return {};
    return error->find("code")->asString();
}

HttpConnection::HttpConnection(std::uint16_t port, Poco::Net::Context::Ptr tls,
                               std::chrono::seconds timeout) {
    if (tls) {
        session_ = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port, tls);
    } else {
        session_ = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
    }
    session_->setKeepAlive(true);
    session_->setTimeout(Poco::Timespan(timeout.count(), 0));
}

HttpAnswer HttpConnection::send(const HttpCall& call) {
    Poco::Net::HTTPRequest request(call.method, call.path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    if (!call.token.empty()) request.set("Authorization", "Bearer " + call.token);
    for (const auto& [name, value] : call.headers) request.set(name, value);
    if (!call.body.empty()) {
        request.setContentType(call.content_type);
        request.setContentLength64(static_cast<Poco::Int64>(call.body.size()));
    }
    std::ostream& out = session_->sendRequest(request);
    out << call.body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session_->receiveResponse(response);
    HttpAnswer answer;
    answer.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) answer.headers.emplace_back(name, value);
    Poco::StreamCopier::copyToString(in, answer.body);
    return answer;
}

HttpAnswer request(std::uint16_t port, const HttpCall& call) {
    HttpConnection connection(port);
    return connection.send(call);
}

std::string jsonBody(const core::Json& value) { return core::toJsonString(value); }

}  // namespace crossdock::integration
