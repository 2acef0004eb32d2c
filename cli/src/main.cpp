// crossdock: parse the command word and hand over. Nothing else lives here.
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "crossdock/server/serve_command.h"

namespace {

void printUsage(std::ostream& out) {
    out << "usage: crossdock <command> [options]\n\n"
           "commands:\n"
           "  serve    run the HTTP(S) server              (crossdock serve --help)\n"
           "  init     create or migrate the database      (crossdock init --help)\n"
           "  import   bulk import catalog, prices, ...    (crossdock import --help)\n"
           "  export   the catalog as CSV                  (crossdock export --help)\n"
           "  edi      parse or ingest an EDI document      (crossdock edi --help)\n"
           "  version  print the version\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(std::cerr);
        return 2;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        printUsage(std::cout);
        return 0;
    }
    if (command == "version" || command == "--version") {
        std::cout << "crossdock " << CROSSDOCK_VERSION << "\n";
        return 0;
    }
    if (command == "serve") return crossdock::server::serveCommand(args);
    if (command == "init") return crossdock::cli::initCommand(args);
    if (command == "import") return crossdock::cli::importCommand(args);
    if (command == "export") return crossdock::cli::exportCommand(args);
    if (command == "edi") return crossdock::cli::ediCommand(args);
    std::cerr << "crossdock: unknown command '" << command << "'\n";
    printUsage(std::cerr);
    return 2;
}
