#include "crossdock/storage/store.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "database.h"
#include "migrations.h"
#include "migrator.h"
#include "session_pool.h"
#include "sql_company_repository.h"
#include "sql_credential_repository.h"
#include "sql_user_repository.h"

namespace crossdock::storage {
namespace {

void checkOptions(const StoreOptions& options) {
    if (options.max_sessions < 1)
        throw std::invalid_argument("StoreOptions: max_sessions must be at least 1");
    if (options.min_sessions < 0 || options.min_sessions > options.max_sessions) {
        throw std::invalid_argument("StoreOptions: min_sessions must be between 0 and max_sessions");
    }
    if (options.idle_seconds < 1)
        throw std::invalid_argument("StoreOptions: idle_seconds must be at least 1");
}

// SQLite would say only "unable to open database file".
void checkSqliteDirectory(const DatabaseUrl& url) {
    std::filesystem::path directory = std::filesystem::path(url.path).parent_path();
    if (directory.empty()) directory = ".";
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        throw StorageError("cannot open " + url.display() + ": directory '" + directory.string() +
                           "' does not exist (create it first)");
    }
}

}  // namespace

struct Store::Impl {
    Impl(const DatabaseUrl& url, std::unique_ptr<Poco::Data::SessionPool> pool)
        : db(url, std::move(pool)), companies(db), users(db), credentials(db) {}

    Database db;
    SqlCompanyRepository companies;
    SqlUserRepository users;
    SqlCredentialRepository credentials;
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() = default;

std::unique_ptr<Store> Store::open(const std::string& url, const StoreOptions& options) {
    DatabaseUrl parsed = parseDatabaseUrl(url);
    checkOptions(options);
    if (parsed.backend == Backend::Sqlite) checkSqliteDirectory(parsed);
    auto impl = std::make_unique<Impl>(parsed, makeSessionPool(parsed, options));
    impl->db.session();  // connect now, so that a bad URL fails here and not on first use
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Backend Store::backend() const { return impl_->db.backend(); }

std::string Store::displayUrl() const { return impl_->db.displayUrl(); }

Poco::Data::Session Store::session() { return impl_->db.session(); }

int Store::migrate() { return applyMigrations(impl_->db); }

int Store::schemaVersion() const { return appliedVersion(impl_->db); }

int Store::latestVersion() { return allMigrations().empty() ? 0 : allMigrations().back().version; }

accounts::CompanyRepository& Store::companies() { return impl_->companies; }

accounts::UserRepository& Store::users() { return impl_->users; }

accounts::CredentialRepository& Store::credentials() { return impl_->credentials; }

Database& Store::database() { return impl_->db; }

}  // namespace crossdock::storage
