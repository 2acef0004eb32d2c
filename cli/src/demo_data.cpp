#include "demo_data.h"

#include <fstream>
#include <future>
#include <vector>

#include "crossdock/accounts/auth_service.h"
#include "crossdock/accounts/password.h"
#include "crossdock/core/csv.h"
#include "crossdock/server/data_import.h"
#include "crossdock/server/runtime.h"
#include "crossdock/storage/store.h"

namespace crossdock::cli {
namespace {

using core::ErrorCode;
using core::makeError;

/// Reads a whole CSV file with its header checked; rows must have as many
/// fields as the header.
core::Result<std::vector<std::vector<std::string>>> readCsv(const std::string& path, core::CsvHeader& header,
                                                            const std::vector<std::string_view>& required,
                                                            const std::vector<std::string_view>& optional) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::InvalidArgument, "cannot open file", path);
    core::CsvReader reader(in, path);
    std::vector<std::string> row;
    auto first = reader.next(row);
    if (!first) return first.takeError();
    if (!*first) return makeError(ErrorCode::InvalidArgument, "file is empty (no header row)", path);
    auto checked = core::CsvHeader::check(row, required, optional, {}, reader.position());
    if (!checked) return checked.takeError();
    header = *checked;
    std::vector<std::vector<std::string>> rows;
    for (;;) {
        auto more = reader.next(row);
        if (!more) return more.takeError();
        if (!*more) break;
        if (row.size() != header.columns().size()) {
            return makeError(ErrorCode::InvalidArgument,
                             "row has " + std::to_string(row.size()) + " fields, header has " +
                                 std::to_string(header.columns().size()),
                             reader.position());
        }
        rows.push_back(row);
    }
    return rows;
}

/// The users of `path` that belong to a company (`of_companies`) or to none (staff).
core::Result<int> loadUsers(storage::Store& store, const std::string& path, bool of_companies) {
    core::CsvHeader header;
    auto rows = readCsv(path, header, {"email", "password", "role"}, {"company_id"});
    if (!rows) return rows.takeError();
    std::vector<accounts::User> pending;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const auto& row = (*rows)[i];
        std::string where = path + ":" + std::to_string(i + 2);
        auto email = accounts::normalizeEmail(std::string(header.field(row, "email")));
        if (!email)
            return makeError(ErrorCode::InvalidArgument, email.error().message, where + " field email");
        auto role = accounts::parseRole(header.field(row, "role"));
        if (!role) return makeError(ErrorCode::InvalidArgument, "unknown role", where + " field role");
        if (header.field(row, "company_id").empty() == of_companies) continue;
        if (store.users().findByEmail(*email)) continue;
        accounts::User user;
        user.email = *email;
        user.role = *role;
        if (auto company = header.field(row, "company_id"); !company.empty())
            user.company_id = std::string(company);
        user.password_hash = std::string(header.field(row, "password"));  // hashed below
        pending.push_back(std::move(user));
    }
    // PBKDF2 at 600k iterations is slow by design: hash on every core.
    std::vector<std::future<std::string>> hashes;
    for (const auto& user : pending) {
        hashes.push_back(
            std::async(std::launch::async, [pw = user.password_hash] { return accounts::hashPassword(pw); }));
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        pending[i].password_hash = hashes[i].get();
        auto created = store.users().create(pending[i]);
        if (!created)
            return makeError(created.error().code, created.error().message,
                             path + " user " + pending[i].email);
    }
    return static_cast<int>(pending.size());
}

}  // namespace

core::Result<DemoSummary> loadDemoData(server::Runtime& runtime, const std::string& samples_dir) {
    DemoSummary summary;
    // Staff first: customers name their sales rep by e-mail.
    auto staff = loadUsers(runtime.store(), samples_dir + "/users.csv", false);
    if (!staff) return staff.takeError();
    // In dependency order: the catalog needs its categories, prices need items and
    // lists, customers need their price lists, part numbers need customers and items.
    for (const char* kind : {"categories", "catalog", "price_lists", "prices", "customers", "part_numbers"}) {
        const std::string file = samples_dir + "/" + std::string(kind) + ".csv";
        std::ifstream in(file, std::ios::binary);
        if (!in) return makeError(ErrorCode::InvalidArgument, "cannot open file", file);
        catalog::ImportReport report = server::importData(runtime, kind, in, file);
        if (!report.ok()) return report.errors.front();
        if (std::string(kind) == "catalog") summary.items = static_cast<int>(report.rows);
        if (std::string(kind) == "prices") summary.prices = static_cast<int>(report.rows);
        if (std::string(kind) == "customers") summary.companies = static_cast<int>(report.rows);
    }
    storage::Store& store = runtime.store();
    auto users = loadUsers(store, samples_dir + "/users.csv", true);
    if (!users) return users.takeError();
    summary.users_created = *staff + *users;
    auto partners = loadDemoPartners(runtime, samples_dir);
    if (!partners) return partners.takeError();
    summary.partners = *partners;
    return summary;
}

}  // namespace crossdock::cli
