#pragma once
// A small `--name value` / `--flag` parser shared by the commands.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace crossdock::cli {

struct ParsedOptions {
    std::map<std::string, std::string> values;  ///< "--db" → "sqlite:x.db"
    std::set<std::string> flags;                ///< "--demo"
    std::vector<std::string> positional;
    std::string error;  ///< non-empty on a usage error

    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    std::optional<std::string> value(const std::string& name) const {
        auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

/// Parses `args`: names in `with_value` take the next word (or `--name=value`),
/// names in `flags` take none; anything else starting with "--" is an error.
ParsedOptions parseOptions(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                           const std::set<std::string>& flags);

}  // namespace crossdock::cli
