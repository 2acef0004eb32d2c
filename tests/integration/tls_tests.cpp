// HTTPS with tls.certificate / tls.private_key: a self-signed certificate made with
// the openssl CLI, trusted by the client; TLS 1.1 is refused.
#include <boost/test/unit_test.hpp>

#include <Poco/Net/Context.h>

#include "test_environment.h"

using namespace crossdock::integration;

namespace {

struct TlsFixture {
    TlsFixture() {
        auto& env = TestEnvironment::get();
        cert = env.dir() / "cert.pem";
        key = env.dir() / "key.pem";
        const std::string command =
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
            " -days 2 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost"
            " -keyout " +
            shellQuote(key.string()) + " -out " + shellQuote(cert.string()) + " >/dev/null 2>&1";
        BOOST_TEST_REQUIRE(runCommand(command) == 0, "openssl could not make a certificate");
        client = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", cert.string(),
                                        Poco::Net::Context::VERIFY_STRICT, 9, false);
        server = std::make_unique<ServerProcess>(
            "tls", env.dir(), env.dbUrl(),
            std::map<std::string, std::string>{{"tls.certificate", cert.string()},
                                               {"tls.private_key", key.string()}},
            client);
    }

    /// Exit status of `openssl s_client` connecting with the given protocol options.
    int handshake(const std::string& protocol_options) const {
        return runCommand("openssl s_client -connect 127.0.0.1:" + std::to_string(server->port()) + " " +
                          protocol_options + " </dev/null >/dev/null 2>&1");
    }

    std::filesystem::path cert;
    std::filesystem::path key;
    Poco::Net::Context::Ptr client;
    std::unique_ptr<ServerProcess> server;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tls, TlsFixture)

BOOST_AUTO_TEST_CASE(serves_https_and_refuses_old_protocols) {
    HttpConnection connection(server->port(), client);
    auto answer = connection.send({.method = "GET", .path = "/healthz"});
    BOOST_TEST(answer.status == 200);
    BOOST_TEST(answer.body == R"({"status":"ok"})");
    // Keep-alive works over TLS too.
    BOOST_TEST(connection.send({.method = "GET", .path = "/api/v1/me"}).status == 401);

    BOOST_TEST(handshake("-tls1_2") == 0);
    BOOST_TEST(handshake("-tls1_3") == 0);
    // SECLEVEL=0 lets this client offer TLS 1.1: the refusal must come from the server.
    BOOST_TEST(handshake("-tls1_1 -cipher DEFAULT@SECLEVEL=0") != 0);

    BOOST_TEST(server->stop() == 0, server->log());
}

BOOST_AUTO_TEST_SUITE_END()
