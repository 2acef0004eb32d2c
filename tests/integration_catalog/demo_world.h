#pragma once
// The demo world of `crossdock init --demo` behind one shared server, with the
// demo users' tokens cached (a login costs ~0.3 s of PBKDF2 by design).

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "crossdock/core/json.h"
#include "http_client.h"
#include "server_process.h"

namespace crossdock::integration {

inline constexpr const char* kDemoPassword = "crossdock-demo";

class DemoWorld {
public:
    /// Created on first use: temp dir, `crossdock init --demo`, a server.
    static DemoWorld& get();

    const std::filesystem::path& dir() const { return dir_; }
    const std::string& dbUrl() const { return db_url_; }
    std::uint16_t port() const { return server_->port(); }
    ServerProcess& server() { return *server_; }

    /// The token of a demo user (samples/users.csv).
    const std::string& token(const std::string& email);

    /// GET `path` as `email`.
    HttpAnswer get(const std::string& email, const std::string& path);
    /// POST `body` (JSON) to `path` as `email`.
    HttpAnswer post(const std::string& email, const std::string& path, const core::Json& body);
    /// POST raw CSV to `path` as `email`.
    HttpAnswer postCsv(const std::string& email, const std::string& path, const std::string& csv);

    /// Runs `crossdock <arguments> --db <url>`; the exit code, stderr in `errors`.
    int crossdock(const std::string& arguments, std::string& errors);

private:
    DemoWorld();

    std::filesystem::path dir_;
    std::string db_url_;
    std::unique_ptr<ServerProcess> server_;
    std::map<std::string, std::string> tokens_;
};

/// Writes `text` to a file in the world's directory; its path.
std::filesystem::path writeFile(const std::string& name, const std::string& text);

}  // namespace crossdock::integration
