#pragma once
// `crossdock serve` as a child process.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <Poco/Net/Context.h>

namespace crossdock::integration {

/// Starts `crossdock serve --db URL --port 0 --config FILE` with stderr in a log
/// file, learns the port from the "listening on" line and waits until /healthz
/// answers. The destructor kills the process if it still runs.
class ServerProcess {
public:
    /// `name` names the config and log files in `dir`; `settings` go into the
    /// config file (log.access defaults to <dir>/<name>-access.log). `tls` is the
    /// client context to probe /healthz over HTTPS. Throws std::runtime_error with
    /// the server's log when it does not come up within 30 s.
    ServerProcess(const std::string& name, const std::filesystem::path& dir, const std::string& db_url,
                  std::map<std::string, std::string> settings = {}, Poco::Net::Context::Ptr tls = nullptr);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    pid_t pid() const { return pid_; }
    void signal(int signal_number) const;

    /// Waits for the process to exit; its exit code, or -1 (after SIGKILL) when it
    /// is still running after `timeout`, or 128+N when killed by signal N.
    int waitForExit(std::chrono::seconds timeout);
    /// SIGTERM, then waitForExit(timeout).
    int stop(std::chrono::seconds timeout = std::chrono::seconds(30));
    bool running() const { return pid_ > 0; }

    std::string log() const;
    std::string accessLog() const;

private:
    void waitUntilListening();
    bool healthy() const;

    std::filesystem::path log_file_;
    std::filesystem::path access_log_file_;
    Poco::Net::Context::Ptr tls_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

/// Reads a whole file ("" when missing).
std::string readFile(const std::filesystem::path& path);

/// Runs a shell command; its exit status.
int runCommand(const std::string& command);

/// 'text' quoted for /bin/sh.
std::string shellQuote(const std::string& text);

}  // namespace crossdock::integration
