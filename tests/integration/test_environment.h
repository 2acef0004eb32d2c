#pragma once
// The world the integration tests share: one temporary directory, one database
// (initialized once with an admin), one long-running server, and a few logins.
// Password hashing costs ~0.3 s per login by design, so tokens are cached.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "http_client.h"
#include "server_process.h"

namespace crossdock::integration {

inline constexpr const char* kAdminEmail = "admin@test.local";
inline constexpr const char* kAdminPassword = "admin-password-123";

class TestEnvironment {
public:
    /// The environment, created (temp dir, `crossdock init`) on first use.
    static TestEnvironment& get();

    const std::filesystem::path& dir() const { return dir_; }
    /// CROSSDOCK_TEST_DB when set, else sqlite:<dir>/t.db.
    const std::string& dbUrl() const { return db_url_; }

    /// The shared server, started on first use.
    ServerProcess& server();
    std::uint16_t port() { return server().port(); }

    /// Signs in on the shared server; fails the test unless 200.
    std::string login(const std::string& email, const std::string& password);
    /// The admin's token (one login for the whole run).
    const std::string& adminToken();

    /// Stops the shared server with SIGTERM; its exit code (0 when no server ran).
    int stopServer();
    /// Removes the temporary directory (kept when CROSSDOCK_KEEP_TEST_DIR is set).
    void cleanUp();

private:
    TestEnvironment();

    std::filesystem::path dir_;
    std::string db_url_;
    std::unique_ptr<ServerProcess> server_;
    std::string admin_token_;
};

/// Creates a customer as admin on the shared server (201 or 409 both accepted).
void ensureCustomer(const std::string& id, const std::string& name = "Test customer");

/// Creates a user as admin on the shared server; returns its id.
std::int64_t createUser(const std::string& email, const std::string& password, const std::string& role,
                        const std::string& company_id);

}  // namespace crossdock::integration
