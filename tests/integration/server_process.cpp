#include "server_process.h"

#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <Poco/Process.h>

#include "http_client.h"

namespace crossdock::integration {

namespace {

using namespace std::chrono_literals;

/// The port in a "... listening on http://0.0.0.0:43210" log line, or 0.
std::uint16_t listeningPort(const std::string& log) {
    const std::size_t at = log.find("listening on ");
    if (at == std::string::npos) return 0;
    const std::size_t end = log.find('"', at);
    const std::size_t colon = log.rfind(':', end);
    if (colon == std::string::npos || colon < at) return 0;
    return static_cast<std::uint16_t>(std::stoi(log.substr(colon + 1, end - colon - 1)));
}

int exitCodeOf(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

int runCommand(const std::string& command) {
    const int status = std::system(command.c_str());
    return exitCodeOf(status);
}

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

ServerProcess::ServerProcess(const std::string& name, const std::filesystem::path& dir,
                             const std::string& db_url, std::map<std::string, std::string> settings,
                             Poco::Net::Context::Ptr tls)
    : log_file_(dir / (name + ".log")), access_log_file_(dir / (name + "-access.log")), tls_(std::move(tls)) {
    settings.try_emplace("log.access", access_log_file_.string());
    // A server restarted under the same name must not be found through the previous log's
    // "listening on" line (the shell truncates the file only once it runs): start from none.
    std::filesystem::remove(log_file_);
    const std::filesystem::path config = dir / (name + ".properties");
    {
        std::ofstream out(config);
        for (const auto& [key, value] : settings) out << key << " = " << value << "\n";
    }
    const std::string command = "exec " + shellQuote(CROSSDOCK_BINARY) + " serve --db " + shellQuote(db_url) +
                                " --port 0 --config " + shellQuote(config.string()) + " 2>" +
                                shellQuote(log_file_.string());
    Poco::ProcessHandle handle = Poco::Process::launch("/bin/sh", {"-c", command}, dir.string());
    pid_ = handle.id();
    try {
        waitUntilListening();
    } catch (...) {
        // The destructor does not run for a constructor that throws: no orphan server may
        // outlive the test (it would hold the test's output pipe open, and ctest would wait).
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
            pid_ = -1;
        }
        throw;
    }
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
}

void ServerProcess::signal(int signal_number) const {
    if (pid_ > 0) ::kill(pid_, signal_number);
}

void ServerProcess::waitUntilListening() {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("crossdock serve exited with " + std::to_string(exitCodeOf(status)) +
                                     ":\n" + log());
        }
        if (port_ == 0) port_ = listeningPort(log());
        if (port_ != 0 && healthy()) return;
        std::this_thread::sleep_for(50ms);
    }
    throw std::runtime_error("crossdock serve did not become healthy in 30 s:\n" + log());
}

bool ServerProcess::healthy() const {
    try {
        HttpConnection connection(port_, tls_, 5s);
        return connection.send({.method = "GET", .path = "/healthz"}).status == 200;
    } catch (const Poco::Exception&) {
        return false;
    }
}

int ServerProcess::waitForExit(std::chrono::seconds timeout) {
    if (pid_ <= 0) return -1;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return exitCodeOf(status);
        }
        std::this_thread::sleep_for(20ms);
    }
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return -1;
}

int ServerProcess::stop(std::chrono::seconds timeout) {
    signal(SIGTERM);
    return waitForExit(timeout);
}

std::string ServerProcess::log() const { return readFile(log_file_); }

std::string ServerProcess::accessLog() const { return readFile(access_log_file_); }

}  // namespace crossdock::integration
