#include "sql_company_repository.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include "codec.h"

namespace crossdock::storage {
namespace {

using Poco::Data::Statement;
using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::useRef;
namespace keywords = Poco::Data::Keywords;

// credit_limit and rep_id are 64-bit: read as text (see parseInt64). tax_exempt is BOOLEAN on
// PostgreSQL and INTEGER 0/1 on SQLite; a bool reads both.
using CompanyRow = Poco::Tuple<std::string, std::string, std::string, std::string,
                               Poco::Nullable<std::string>, Poco::Nullable<std::string>, bool>;

constexpr const char* kSelectCompany =
    "SELECT id, name, currency, status, CAST(credit_limit AS TEXT), CAST(rep_id AS TEXT), tax_exempt "
    "FROM companies ";

accounts::Company toCompany(const CompanyRow& row) {
    accounts::Company company;
    company.id = row.get<0>();
    company.name = row.get<1>();
    company.currency = row.get<2>();
    company.status = row.get<3>();
    if (!row.get<4>().isNull())
        company.credit_limit = core::Decimal::fromRaw(parseInt64(row.get<4>().value()));
    if (!row.get<5>().isNull()) company.rep_id = parseInt64(row.get<5>().value());
    company.tax_exempt = row.get<6>();
    return company;
}

/// The terms columns as bound values: NULL for no limit and for no rep.
struct TermsParams {
    Poco::Nullable<std::int64_t> credit_limit;
    Poco::Nullable<std::int64_t> rep_id;
    bool tax_exempt = false;

    explicit TermsParams(const accounts::Company& company) : tax_exempt(company.tax_exempt) {
        if (company.credit_limit) credit_limit = company.credit_limit->raw();
        if (company.rep_id != 0) rep_id = company.rep_id;
    }
};

}  // namespace

core::Status SqlCompanyRepository::create(const accounts::Company& company) {
    return guarded(db_, "companies.create", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        TermsParams terms(company);
        Statement insert(session);
        insert << db_.sql(
            "INSERT INTO companies (id, name, currency, status, credit_limit, rep_id, tax_exempt, "
            "created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
            useRef(company.id), useRef(company.name), useRef(company.currency), useRef(company.status),
            useRef(terms.credit_limit), useRef(terms.rep_id), useRef(terms.tax_exempt),
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
        TermsParams terms(company);
        Statement update(session);
        update << db_.sql(
            "UPDATE companies SET name = ?, currency = ?, status = ?, credit_limit = ?, rep_id = ?, "
            "tax_exempt = ? WHERE id = ?"),
            useRef(company.name), useRef(company.currency), useRef(company.status),
            useRef(terms.credit_limit), useRef(terms.rep_id), useRef(terms.tax_exempt), useRef(company.id);
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
