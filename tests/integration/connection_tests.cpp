// Connection handling: idle keep-alive connections must not starve new ones, and
// SIGTERM lets a request in flight finish before the process exits 0.
#include <signal.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <boost/test/unit_test.hpp>

#include "test_environment.h"

using namespace crossdock::integration;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(connections)

BOOST_AUTO_TEST_CASE(new_connection_is_served_while_64_keep_alive_connections_idle) {
    const auto port = TestEnvironment::get().port();
    std::vector<std::unique_ptr<HttpConnection>> idle;
    for (int i = 0; i < 64; ++i) {
        idle.push_back(std::make_unique<HttpConnection>(port));
        auto answer = idle.back()->send({.method = "GET", .path = "/healthz"});
        BOOST_TEST_REQUIRE(answer.status == 200);
        BOOST_TEST_REQUIRE(answer.header("Connection") != "close");
    }
    // Each idle connection holds a server thread now. A generous timeout is the
    // failure condition: a starved server would not answer at all.
    HttpConnection fresh(port, nullptr, 20s);
    auto answer = fresh.send({.method = "GET", .path = "/healthz"});
    BOOST_TEST(answer.status == 200);
    // The idle connections are still usable.
    BOOST_TEST(idle.front()->send({.method = "GET", .path = "/healthz"}).status == 200);
    BOOST_TEST(idle.back()->send({.method = "GET", .path = "/healthz"}).status == 200);
}

BOOST_AUTO_TEST_CASE(sigterm_lets_the_request_in_flight_finish) {
    auto& env = TestEnvironment::get();
    ServerProcess server("graceful", env.dir(), env.dbUrl());
    const std::string body = R"({"email":"nobody@test.local","password":"whatever-password"})";
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
    socket.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string head =
        "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n";
    const std::string first = head + body.substr(0, 10);
    socket.sendBytes(first.data(), static_cast<int>(first.size()));
    std::this_thread::sleep_for(300ms);  // the server is now reading the body
    server.signal(SIGTERM);
    std::this_thread::sleep_for(300ms);
    const std::string rest = body.substr(10);
    socket.sendBytes(rest.data(), static_cast<int>(rest.size()));
    std::string answer;
    char buffer[4096];
    while (answer.find("\r\n\r\n") == std::string::npos || answer.find('}') == std::string::npos) {
        const int n = socket.receiveBytes(buffer, sizeof buffer);
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    BOOST_TEST(answer.rfind("HTTP/1.1 401", 0) == 0, answer);
    BOOST_TEST(answer.find("\"code\":\"unauthenticated\"") != std::string::npos, answer);
    const int code = server.waitForExit(30s);
    BOOST_TEST(code == 0, "exit code " << code << "\n" << server.log());
    BOOST_TEST(server.log().find("received SIGTERM") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
