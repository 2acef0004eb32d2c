// `crossdock serve`: command-line options and the configuration file, layered
// (options win over the file, the file over built-in defaults).
#include "crossdock/server/serve_command.h"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <variant>

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "run_server.h"
#include "server_config.h"

namespace crossdock::server {

namespace {

constexpr const char* kDefaultConfigFile = "crossdock.properties";

constexpr const char* kUsage =
    "usage: crossdock serve [--config FILE] [--port N] [--db URL] [--set KEY=VALUE]...\n"
    "\n"
    "Runs the HTTP(S) server until SIGTERM or SIGINT, then stops gracefully.\n"
    "Creates or migrates the database schema on start.\n"
    "\n"
    "  --config FILE    properties file (default: ./crossdock.properties when present)\n"
    "  --port N         listening port, overrides server.port (default 8080)\n"
    "  --db URL         database, overrides db.url (default sqlite:var/crossdock.db)\n"
    "                   sqlite:PATH or postgresql://user:password@host:port/dbname\n"
    "  --set KEY=VALUE  overrides any configuration key (repeatable)\n"
    "  --help           this text\n"
    "\n"
    "Keys and defaults: docs/configuration.md\n";

struct ServeOptions {
    bool help = false;
    std::optional<std::string> config_file;
    std::map<std::string, std::string> overrides;
};

/// Splits "--name=value" or takes the next word; nullopt when the value is missing.
std::optional<std::string> optionValue(const std::vector<std::string>& args, std::size_t& i,
                                       const std::string& name) {
    const std::string& word = args[i];
    if (word.size() > name.size() && word.compare(0, name.size() + 1, name + "=") == 0) {
        return word.substr(name.size() + 1);
    }
    if (i + 1 >= args.size()) return std::nullopt;
    return args[++i];
}

bool isPort(const std::string& text) {
    int port = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    return ec == std::errc{} && end == text.data() + text.size() && port >= 0 && port <= 65535;
}

/// The parsed options, or the usage error message.
std::variant<ServeOptions, std::string> parseArgs(const std::vector<std::string>& args) {
    ServeOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        const std::string name = word.substr(0, word.find('='));
        if (word == "--help" || word == "-h") {
            options.help = true;
            continue;
        }
        if (name != "--config" && name != "--port" && name != "--db" && name != "--set") {
            return "unknown option '" + word + "'";
        }
        auto value = optionValue(args, i, name);
        if (!value || value->empty()) return "option " + name + " needs a value";
        if (name == "--config") {
            options.config_file = *value;
        } else if (name == "--port") {
            if (!isPort(*value)) return "--port needs a number in 0..65535, got '" + *value + "'";
            options.overrides["server.port"] = *value;
        } else if (name == "--db") {
            options.overrides["db.url"] = *value;
        } else {
            const std::size_t eq = value->find('=');
            if (eq == std::string::npos || eq == 0) return "--set needs KEY=VALUE, got '" + *value + "'";
            options.overrides[value->substr(0, eq)] = value->substr(eq + 1);
        }
    }
    return options;
}

/// Options over file over defaults; nullopt (after a message) when the file cannot be read.
std::optional<ServerConfig> loadConfig(const ServeOptions& options) {
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> layered = new Poco::Util::LayeredConfiguration;
    Poco::AutoPtr<Poco::Util::MapConfiguration> command_line = new Poco::Util::MapConfiguration;
    for (const auto& [key, value] : options.overrides) command_line->setString(key, value);
    layered->add(command_line, -100);
    std::string file = options.config_file.value_or("");
    if (file.empty() && std::filesystem::exists(kDefaultConfigFile)) file = kDefaultConfigFile;
    if (!file.empty()) {
        try {
            layered->add(new Poco::Util::PropertyFileConfiguration(file), 0);
        } catch (const Poco::Exception& e) {
            std::cerr << "crossdock serve: cannot read configuration file " << file << ": " << e.displayText()
                      << "\n";
            return std::nullopt;
        }
    }
    auto config = loadServerConfig(*layered);
    if (!config) {
        std::cerr << "crossdock serve: invalid configuration" << (file.empty() ? "" : " in " + file) << ": "
                  << config.error().describe() << "\n";
        return std::nullopt;
    }
    return std::move(*config);
}

}  // namespace

int serveCommand(const std::vector<std::string>& args) {
    auto parsed = parseArgs(args);
    if (auto* message = std::get_if<std::string>(&parsed)) {
        std::cerr << "crossdock serve: " << *message << "\n\n" << kUsage;
        return 2;
    }
    const auto& options = std::get<ServeOptions>(parsed);
    if (options.help) {
        std::cout << kUsage;
        return 0;
    }
    auto config = loadConfig(options);
    if (!config) return 1;
    return runServer(*config);
}

}  // namespace crossdock::server
