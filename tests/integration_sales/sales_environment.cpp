#include "sales_environment.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include <boost/test/unit_test.hpp>

namespace crossdock::integration {

SalesEnvironment& SalesEnvironment::get() {
    static SalesEnvironment environment;
    return environment;
}

SalesEnvironment::SalesEnvironment() {
    std::string pattern = (std::filesystem::temp_directory_path() / "crossdock-sales-it-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    const char* external = std::getenv("CROSSDOCK_TEST_DB");
    db_url_ = external != nullptr && *external != '\0' ? external : "sqlite:" + (dir_ / "t.db").string();
    const std::string command = shellQuote(CROSSDOCK_BINARY) + " init --demo --samples " +
                                shellQuote(CROSSDOCK_SAMPLES) + " --db " + shellQuote(db_url_) + " 2>" +
                                shellQuote((dir_ / "init.log").string());
    if (runCommand(command) != 0) {
        throw std::runtime_error("crossdock init --demo failed:\n" + readFile(dir_ / "init.log"));
    }
    webhooks_ = std::make_unique<WebhookListener>();
}

ServerProcess& SalesEnvironment::server() {
    if (!server_) {
        std::map<std::string, std::string> settings{
            {"sales.webhooks.urls", "http://127.0.0.1:" + std::to_string(webhooks_->port()) + "/hooks"},
            {"sales.webhooks.secret", kWebhookSecret},
            {"sales.webhooks.interval_ms", "100"},
            {"sales.webhooks.backoff_ms", "100"},
            {"sales.webhooks.max_attempts", "3"},
            {"sales.quotes.expiry_interval_ms", "200"},
            {"sales.tax.default_rate_percent", "8.875"},
        };
        server_ = std::make_unique<ServerProcess>("sales", dir_, db_url_, settings);
    }
    return *server_;
}

const std::string& SalesEnvironment::token(const std::string& email) {
    auto it = tokens_.find(email);
    if (it != tokens_.end()) return it->second;
    core::Json body = core::Json::object();
    body.set("email", email);
    body.set("password", kDemoPassword);
    auto answer =
        request(server().port(), {.method = "POST", .path = "/api/v1/auth/token", .body = jsonBody(body)});
    BOOST_TEST_REQUIRE(answer.status == 200, "login of " << email << ": " << answer.body);
    return tokens_[email] = answer.json().find("token")->asString();
}

HttpAnswer SalesEnvironment::call(const std::string& token, const std::string& method,
                                  const std::string& path, const std::string& body,
                                  std::vector<std::pair<std::string, std::string>> headers) {
    return request(server().port(),
                   {.method = method, .path = path, .body = body, .token = token, .headers = headers});
}

void SalesEnvironment::runSql(const std::string& sql) {
    std::string command;
    if (db_url_.rfind("sqlite:", 0) == 0) {
        command = "sqlite3 -cmd '.timeout 10000' " + shellQuote(db_url_.substr(7)) + " " + shellQuote(sql);
    } else {
        command = "psql -q -v ON_ERROR_STOP=1 " + shellQuote(db_url_) + " -c " + shellQuote(sql);
    }
    BOOST_TEST_REQUIRE(runCommand(command + " >/dev/null") == 0, "SQL failed: " << sql);
}

void SalesEnvironment::stopServer() {
    if (!server_) return;
    const int code = server_->stop();
    BOOST_TEST(code == 0, "sales server log:\n" << server_->log());
    server_.reset();
}

void SalesEnvironment::shutDown() {
    if (server_) {
        const int code = server_->stop();
        if (code != 0) BOOST_TEST_MESSAGE("sales server log:\n" << server_->log());
        BOOST_TEST(code == 0);
        server_.reset();
    }
    webhooks_.reset();
    if (std::getenv("CROSSDOCK_KEEP_TEST_DIR") == nullptr) {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
}

std::string uniqueSuffix() {
    static std::atomic<int> counter{0};
    static const auto start = std::chrono::system_clock::now().time_since_epoch().count() % 1'000'000;
    return std::to_string(start) + "-" + std::to_string(++counter);
}

struct SalesEnvironmentShutdown {
    void setup() {}
    void teardown() { SalesEnvironment::get().shutDown(); }
};
BOOST_TEST_GLOBAL_FIXTURE(SalesEnvironmentShutdown);

}  // namespace crossdock::integration
