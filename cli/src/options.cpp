#include "options.h"

namespace crossdock::cli {

ParsedOptions parseOptions(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                           const std::set<std::string>& flags) {
    ParsedOptions out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--")) {
            out.positional.push_back(arg);
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inline_value;
        if (auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            inline_value = arg.substr(eq + 1);
        }
        if (flags.count(name) && !inline_value) {
            out.flags.insert(name);
        } else if (with_value.count(name)) {
            if (inline_value) {
                out.values[name] = *inline_value;
            } else if (i + 1 < args.size()) {
                out.values[name] = args[++i];
            } else {
                out.error = "option " + name + " needs a value";
                return out;
            }
        } else {
            out.error = "unknown option " + arg;
            return out;
        }
    }
    return out;
}

}  // namespace crossdock::cli
