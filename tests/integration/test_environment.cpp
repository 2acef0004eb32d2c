#include "test_environment.h"

#include <cstdlib>
#include <stdexcept>

#include <Poco/Net/SSLManager.h>
#include <boost/test/unit_test.hpp>

namespace crossdock::integration {

TestEnvironment& TestEnvironment::get() {
    static TestEnvironment environment;
    return environment;
}

TestEnvironment::TestEnvironment() {
    Poco::Net::initializeSSL();
    std::string pattern = (std::filesystem::temp_directory_path() / "crossdock-it-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    const char* external = std::getenv("CROSSDOCK_TEST_DB");
    db_url_ = external != nullptr && *external != '\0' ? external : "sqlite:" + (dir_ / "t.db").string();
    const std::string command = shellQuote(CROSSDOCK_BINARY) + " init --db " + shellQuote(db_url_) +
                                " --admin-email " + kAdminEmail + " --admin-password " + kAdminPassword +
                                " 2>" + shellQuote((dir_ / "init.log").string());
    if (runCommand(command) != 0) {
        throw std::runtime_error("crossdock init failed:\n" + readFile(dir_ / "init.log"));
    }
}

ServerProcess& TestEnvironment::server() {
    if (!server_) server_ = std::make_unique<ServerProcess>("shared", dir_, db_url_);
    return *server_;
}

std::string TestEnvironment::login(const std::string& email, const std::string& password) {
    core::Json body = core::Json::object();
    body.set("email", email);
    body.set("password", password);
    auto answer = request(port(), {.method = "POST", .path = "/api/v1/auth/token", .body = jsonBody(body)});
    BOOST_TEST_REQUIRE(answer.status == 200, "login of " << email << ": " << answer.body);
    return answer.json().find("token")->asString();
}

const std::string& TestEnvironment::adminToken() {
    if (admin_token_.empty()) admin_token_ = login(kAdminEmail, kAdminPassword);
    return admin_token_;
}

int TestEnvironment::stopServer() {
    if (!server_) return 0;
    const int code = server_->stop();
    if (code != 0) BOOST_TEST_MESSAGE("shared server log:\n" << server_->log());
    server_.reset();
    return code;
}

void TestEnvironment::cleanUp() {
    if (std::getenv("CROSSDOCK_KEEP_TEST_DIR") != nullptr) {
        BOOST_TEST_MESSAGE("test directory kept: " << dir_);
        return;
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void ensureCustomer(const std::string& id, const std::string& name) {
    auto& env = TestEnvironment::get();
    core::Json body = core::Json::object();
    body.set("customer_id", id);
    body.set("name", name);
    body.set("currency", "USD");
    auto answer = request(
        env.port(),
        {.method = "POST", .path = "/api/v1/customers", .body = jsonBody(body), .token = env.adminToken()});
    BOOST_TEST_REQUIRE((answer.status == 201 || answer.status == 409), answer.body);
}

std::int64_t createUser(const std::string& email, const std::string& password, const std::string& role,
                        const std::string& company_id) {
    auto& env = TestEnvironment::get();
    core::Json body = core::Json::object();
    body.set("email", email);
    body.set("password", password);
    body.set("role", role);
    if (!company_id.empty()) body.set("company_id", company_id);
    auto answer = request(
        env.port(),
        {.method = "POST", .path = "/api/v1/users", .body = jsonBody(body), .token = env.adminToken()});
    BOOST_TEST_REQUIRE(answer.status == 201, "create " << email << ": " << answer.body);
    return *answer.json().find("id")->asInt64();
}

/// Stops the shared server at the end of the run and checks that it exited cleanly.
struct SharedServerShutdown {
    void setup() {}
    void teardown() {
        auto& env = TestEnvironment::get();
        const int code = env.stopServer();
        BOOST_TEST(code == 0, "shared server exit code " << code);
        env.cleanUp();
    }
};

BOOST_TEST_GLOBAL_FIXTURE(SharedServerShutdown);

}  // namespace crossdock::integration
