// server.max_body_bytes: a declared Content-Length over the limit is refused before
// the body is read; a chunked body is cut off as soon as it crosses the limit.
#include <cctype>
#include <string>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <boost/test/unit_test.hpp>

#include "test_environment.h"

using namespace crossdock::integration;

namespace {

/// Reads from `socket` until the peer closes or the receive timeout (a test
/// failure condition) strikes; returns what arrived.
std::string readUntilClosed(Poco::Net::StreamSocket& socket) {
    std::string received;
    char buffer[4096];
    try {
        while (true) {
            const int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            received.append(buffer, static_cast<std::size_t>(n));
        }
    } catch (const Poco::Exception& e) {
        BOOST_TEST_MESSAGE("receive ended with " << e.displayText());
    }
    return received;
}

void sendAll(Poco::Net::StreamSocket& socket, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        const int n = socket.sendBytes(data.data() + sent, static_cast<int>(data.size() - sent));
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
}

Poco::Net::StreamSocket connect(std::uint16_t port) {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(30, 0));
    return socket;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(declared_oversized_body_is_413_before_reading) {
    auto socket = connect(TestEnvironment::get().port());
    // Declares 1 GiB but sends only 1 KiB: the answer can only come from the headers.
    sendAll(socket,
            "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: 1073741824\r\nX-Request-Id: it-too-large\r\n\r\n" +
                std::string(1024, ' '));
    const std::string answer = readUntilClosed(socket);
    BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0, answer);
    std::string lowered = answer;
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    BOOST_TEST(lowered.find("connection: close") != std::string::npos, answer);
    BOOST_TEST(answer.find("X-Request-Id: it-too-large") != std::string::npos, answer);
    BOOST_TEST(answer.find("\"code\":\"payload_too_large\"") != std::string::npos, answer);
}

BOOST_AUTO_TEST_CASE(expect_continue_gets_413_without_100) {
    auto socket = connect(TestEnvironment::get().port());
    sendAll(socket,
            "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");
    const std::string answer = readUntilClosed(socket);
    BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0, answer);
}

BOOST_AUTO_TEST_CASE(chunked_body_is_cut_at_the_limit) {
    auto socket = connect(TestEnvironment::get().port());
    sendAll(socket,
            "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n");
    // 1.25 MiB in 64 KiB chunks, never terminated: the server must answer on its own.
    const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
    for (int i = 0; i < 20; ++i) sendAll(socket, chunk);
    const std::string answer = readUntilClosed(socket);
    BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0, answer.substr(0, 200));
}

BOOST_AUTO_TEST_CASE(body_at_the_limit_is_read) {
    // Within the limit, a large body is read and parsed: this one is malformed at its end.
    const std::string body = "[" + std::string(1024 * 1024 - 2, ' ') + "x";
    auto answer = request(TestEnvironment::get().port(),
                          {.method = "POST", .path = "/api/v1/auth/token", .body = body});
    BOOST_TEST(answer.status == 400);
    BOOST_TEST(answer.errorCode() == "malformed_json");
}

BOOST_AUTO_TEST_SUITE_END()
