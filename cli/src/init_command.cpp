// crossdock init: create or migrate the schema, optionally an admin and the demo world.
#include <exception>
#include <iostream>

#include "commands.h"
#include "crossdock/accounts/auth_service.h"
#include "crossdock/accounts/password.h"
#include "crossdock/core/clock.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"
#include "demo_data.h"
#include "options.h"

namespace crossdock::cli {
namespace {

constexpr const char* kInitHelp =
    "usage: crossdock init [--db URL] [--demo] [--admin-email E --admin-password P] [--samples DIR]\n\n"
    "Creates the database schema or migrates it to the current version (idempotent).\n\n"
    "  --db URL              sqlite:PATH or postgresql://user:password@host:port/dbname\n"
    "                        (default sqlite:var/crossdock.db)\n"
    "  --demo                load the demo world from samples/ (catalog, prices, customers,\n"
    "                        users, partners; see README)\n"
    "  --admin-email E       create an admin user E, or reset its password if it exists\n"
    "  --admin-password P    the admin's password (at least 10 characters)\n"
    "  --samples DIR         where the demo files are (default: the source tree's samples/)\n";

constexpr std::size_t kMinPasswordLength = 10;

/// Creates the admin, or sets its password when the email exists. Returns the exit code.
int ensureAdmin(storage::Store& store, const std::string& raw_email, const std::string& password) {
    auto email = accounts::normalizeEmail(raw_email);
    if (!email) {
        std::cerr << "crossdock init: --admin-email: " << email.error().message << "\n";
        return 1;
    }
    if (password.size() < kMinPasswordLength) {
        std::cerr << "crossdock init: --admin-password: at least " << kMinPasswordLength << " characters\n";
        return 1;
    }
    std::string hash = accounts::hashPassword(password);
    if (auto existing = store.users().findByEmail(*email)) {
        if (existing->role != accounts::Role::Admin) {
            std::cerr << "crossdock init: " << *email << " exists with role "
                      << accounts::toString(existing->role) << ", not admin\n";
            return 1;
        }
        auto status = store.users().setPasswordHash(existing->id, hash);
        if (!status) {
            std::cerr << "crossdock init: " << status.error().describe() << "\n";
            return 1;
        }
        std::cerr << "admin " << *email << ": password reset\n";
        return 0;
    }
    accounts::User admin;
    admin.email = *email;
    admin.role = accounts::Role::Admin;
    admin.password_hash = hash;
    auto created = store.users().create(admin);
    if (!created) {
        std::cerr << "crossdock init: " << created.error().describe() << "\n";
        return 1;
    }
    std::cerr << "admin " << *email << ": created\n";
    return 0;
}

}  // namespace

int initCommand(const std::vector<std::string>& args) {
    auto options =
        parseOptions(args, {"--db", "--admin-email", "--admin-password", "--samples"}, {"--demo", "--help"});
    if (options.has("--help")) {
        std::cout << kInitHelp;
        return 0;
    }
    if (!options.error.empty() || !options.positional.empty()) {
        std::cerr << "crossdock init: "
                  << (options.error.empty() ? "unexpected argument " + options.positional.front()
                                            : options.error)
                  << "\n"
                  << kInitHelp;
        return 2;
    }
    if (options.value("--admin-email").has_value() != options.value("--admin-password").has_value()) {
        std::cerr << "crossdock init: --admin-email and --admin-password go together\n";
        return 2;
    }
    const std::string url = options.value("--db").value_or("sqlite:var/crossdock.db");
    try {
        auto store = storage::Store::open(url);
        int applied = store->migrate();
        std::cerr << "schema at version " << store->schemaVersion() << " (" << applied
                  << " migration(s) applied)\n";
        if (auto email = options.value("--admin-email")) {
            if (int rc = ensureAdmin(*store, *email, *options.value("--admin-password")); rc != 0) return rc;
        }
        if (options.has("--demo")) {
            core::SystemClock clock;
            server::Runtime runtime(*store, clock);
            auto summary = loadDemoData(runtime, options.value("--samples").value_or(CROSSDOCK_SAMPLES_DIR));
            if (!summary) {
                std::cerr << "crossdock init: demo data: " << summary.error().describe() << "\n";
                return 1;
            }
            std::cerr << "demo data: " << summary->items << " items, " << summary->prices << " price tiers, "
                      << summary->companies << " customers, " << summary->users_created << " new users, "
                      << summary->partners << " partners\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "crossdock init: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace crossdock::cli
