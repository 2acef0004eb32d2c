#pragma once
// The world of the sales integration tests: a temporary directory, a database with the
// demo world (`crossdock init --demo`), a webhook listener, and one server configured to
// deliver webhooks to it and to run the quote expiry job often.

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "http_client.h"
#include "server_process.h"
#include "webhook_listener.h"

namespace crossdock::integration {

inline constexpr const char* kDemoPassword = "crossdock-demo";
inline constexpr const char* kWebhookSecret = "it-webhook-secret";

class SalesEnvironment {
public:
    static SalesEnvironment& get();

    const std::string& dbUrl() const { return db_url_; }
    const std::filesystem::path& dir() const { return dir_; }
    WebhookListener& webhooks() { return *webhooks_; }
    ServerProcess& server();

    /// A demo user's token (cached per email).
    const std::string& token(const std::string& email);

    /// Sends a call to the server with `token`.
    HttpAnswer call(const std::string& token, const std::string& method, const std::string& path,
                    const std::string& body = "",
                    std::vector<std::pair<std::string, std::string>> headers = {});

    /// Runs one SQL statement on the test database (sqlite3 or psql); fails the test on error.
    void runSql(const std::string& sql);

    /// Stops the shared server (it starts again at the next server() call) and forgets the
    /// tokens it issued; fails the test if it does not exit cleanly.
    void stopServer();

    void shutDown();

private:
    SalesEnvironment();

    std::filesystem::path dir_;
    std::string db_url_;
    std::unique_ptr<WebhookListener> webhooks_;
    std::unique_ptr<ServerProcess> server_;
    std::map<std::string, std::string> tokens_;
};

/// A unique suffix for PO numbers and the like within one run.
std::string uniqueSuffix();

}  // namespace crossdock::integration
