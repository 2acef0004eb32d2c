#include "sql_company_repository.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "codec.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

using CompanyRow = Poco::Tuple<std::string, std::string, std::string, std::string>;

constexpr const char* kSelectCompany = "SELECT id, name, currency, status FROM companies ";

accounts::Company toCompany(const CompanyRow& row) {
    return accounts::Company{row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>()};
}

}  // namespace

core::Status SqlCompanyRepository::create(const accounts::Company& company) {
    return guarded(db_, "companies.create", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        Statement insert(session);
        insert << db_.sql(
            "INSERT INTO companies (id, name, currency, status, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING"),
            useRef(company.id), useRef(company.name), useRef(company.currency), useRef(company.status),
            keywords::bind(nowMicros());
        if (insert.execute() == 0) {
            return core::makeError(core::ErrorCode::Conflict, "company " + company.id + " already exists");
        }
        return {};
    });
}

core::Status SqlCompanyRepository::update(const accounts::Company& company) {
    return guarded(db_, "companies.update", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        Statement update(session);
        update << db_.sql("UPDATE companies SET name = ?, currency = ?, status = ? WHERE id = ?"),
            useRef(company.name), useRef(company.currency), useRef(company.status), useRef(company.id);
        if (update.execute() == 0) {
            return core::makeError(core::ErrorCode::NotFound, "no company " + company.id);
        }
        return {};
    });
}

std::optional<accounts::Company> SqlCompanyRepository::find(const std::string& id) const {
    return guarded(db_, "companies.find", [&]() -> std::optional<accounts::Company> {
        Poco::Data::Session session = db_.session();
        std::vector<CompanyRow> rows;
        session << db_.sql(std::string(kSelectCompany) + "WHERE id = ?"), useRef(id), into(rows), now;
        if (rows.empty()) return std::nullopt;
        return toCompany(rows.front());
    });
}

std::vector<accounts::Company> SqlCompanyRepository::list(const std::string& after_id,
                                                          std::size_t limit) const {
    return guarded(db_, "companies.list", [&] {
        std::vector<accounts::Company> companies;
        if (limit == 0) return companies;
        auto max_rows = static_cast<std::int64_t>(
            std::min<std::size_t>(limit, static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())));
        Poco::Data::Session session = db_.session();
        std::vector<CompanyRow> rows;
        session << db_.sql(std::string(kSelectCompany) + "WHERE id > ? ORDER BY id LIMIT ?"),
            useRef(after_id), keywords::bind(max_rows), into(rows), now;
        companies.reserve(rows.size());
        for (const CompanyRow& row : rows) companies.push_back(toCompany(row));
        return companies;
    });
}

}  // namespace crossdock::storage
