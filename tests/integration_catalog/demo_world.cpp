#include "demo_world.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <boost/test/unit_test.hpp>

namespace crossdock::integration {

DemoWorld& DemoWorld::get() {
    static DemoWorld world;
    return world;
}

DemoWorld::DemoWorld() {
    std::string pattern = (std::filesystem::temp_directory_path() / "crossdock-cat-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    const char* external = std::getenv("CROSSDOCK_TEST_DB");
    db_url_ = external != nullptr && *external != '\0' ? external : "sqlite:" + (dir_ / "demo.db").string();
    const std::string command = shellQuote(CROSSDOCK_BINARY) + " init --demo --db " + shellQuote(db_url_) +
                                " --samples " + shellQuote(CROSSDOCK_SAMPLES_DIR) + " 2>" +
                                shellQuote((dir_ / "init.log").string());
    if (runCommand(command) != 0)
        throw std::runtime_error("crossdock init --demo failed:\n" + readFile(dir_ / "init.log"));
    server_ = std::make_unique<ServerProcess>(
        "catalog", dir_, db_url_, std::map<std::string, std::string>{{"runtime.refresh_interval_ms", "100"}});
}

const std::string& DemoWorld::token(const std::string& email) {
    auto it = tokens_.find(email);
    if (it != tokens_.end()) return it->second;
    core::Json body = core::Json::object();
    body.set("email", email);
    body.set("password", kDemoPassword);
    auto answer = request(port(), {.method = "POST", .path = "/api/v1/auth/token", .body = jsonBody(body)});
    BOOST_TEST_REQUIRE(answer.status == 200, "login of " << email << ": " << answer.body);
    return tokens_[email] = answer.json().find("token")->asString();
}

HttpAnswer DemoWorld::get(const std::string& email, const std::string& path) {
    return request(port(), {.method = "GET", .path = path, .token = token(email)});
}

HttpAnswer DemoWorld::post(const std::string& email, const std::string& path, const core::Json& body) {
    return request(port(), {.method = "POST", .path = path, .body = jsonBody(body), .token = token(email)});
}

HttpAnswer DemoWorld::postCsv(const std::string& email, const std::string& path, const std::string& csv) {
    return request(
        port(),
        {.method = "POST", .path = path, .body = csv, .content_type = "text/csv", .token = token(email)});
}

int DemoWorld::crossdock(const std::string& arguments, std::string& errors) {
    const std::filesystem::path log = dir_ / "command.log";
    const int code = runCommand(shellQuote(CROSSDOCK_BINARY) + " " + arguments + " --db " +
                                shellQuote(db_url_) + " 2>" + shellQuote(log.string()));
    errors = readFile(log);
    return code;
}

std::filesystem::path writeFile(const std::string& name, const std::string& text) {
    const std::filesystem::path path = DemoWorld::get().dir() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace crossdock::integration
