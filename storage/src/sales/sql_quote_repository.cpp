// sales::QuoteRepository over the quotes, quote_versions, quote_lines and quote_transitions
// tables. The lines of the current version and of every archived version share quote_lines
// (keyed by version); an archived version's lines are written once, when it is archived.
#include <string>
#include <utility>

#include "codec.h"
#include "crossdock/storage/sales_repositories.h"
#include "sql_rows.h"
#include "transaction.h"

namespace crossdock::storage {
namespace {

using core::ErrorCode;
using core::makeError;
using sales::Quote;
using sales::QuoteLine;
using sales::QuoteVersion;
using sales_sql::Args;
using sales_sql::exec;
using sales_sql::query;
using sales_sql::Row;

constexpr const char* kQuoteColumns =
    "SELECT id, number, customer_id, rep_id, requested_by, version, status, currency, valid_until, notes, "
    "terms, total, CASE WHEN expiring_notice_sent THEN 1 ELSE 0 END, order_id, created_at, row_version "
    "FROM quotes ";
constexpr std::size_t kQuoteColumnCount = 16;

sales::QuoteStatus statusOf(const std::string& text) {
    auto status = sales::parseQuoteStatus(text);
    if (!status) throw StorageError("quotes: unknown status '" + text + "'");
    return *status;
}

Quote toQuote(const Row& row) {
    Quote quote;
    quote.id = parseInt64(row[0]);
    quote.number = row[1];
    quote.customer_id = row[2];
    quote.rep_id = parseInt64(row[3]);
    quote.requested_by = parseInt64(row[4]);
    quote.version = sales_sql::intOf(row[5]);
    quote.status = statusOf(row[6]);
    quote.currency = row[7];
    quote.valid_until = sales_sql::dateOf(row[8]);
    quote.notes = row[9];
    quote.terms = row[10];
    quote.total = sales_sql::decimalOf(row[11]);
    quote.expiring_notice_sent = sales_sql::boolOf(row[12]);
    quote.order_id = sales_sql::optionalInt64Of(row[13]);
    quote.created_at = sales_sql::timeOf(row[14]);
    quote.row_version = parseInt64(row[15]);
    return quote;
}

std::vector<QuoteLine> loadLines(Poco::Data::Session& session, const Database& db, std::int64_t quote_id,
                                 int version) {
    auto rows =
        query(session, db,
              "SELECT line_no, sku, quantity, uom, list_price, unit_price, reason, cost, target_price, "
              "explanation, extended FROM quote_lines WHERE quote_id = ? AND version = ? ORDER BY line_no",
              Args().add(quote_id).add(version), 11);
    std::vector<QuoteLine> lines;
    lines.reserve(rows.size());
    for (const Row& row : rows) {
        QuoteLine line;
        line.line_no = sales_sql::intOf(row[0]);
        line.sku = row[1];
        line.quantity = sales_sql::decimalOf(row[2]);
        line.uom = row[3];
        line.list_price = sales_sql::decimalOf(row[4]);
        line.unit_price = sales_sql::decimalOf(row[5]);
        line.reason = row[6];
        line.cost = sales_sql::optionalDecimalOf(row[7]);
        line.target_price = sales_sql::optionalDecimalOf(row[8]);
        line.explanation = row[9];
        line.extended = sales_sql::decimalOf(row[10]);
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<sales::QuoteTransition> loadTransitions(Poco::Data::Session& session, const Database& db,
                                                    std::int64_t quote_id) {
    auto rows =
        query(session, db,
              "SELECT action, from_status, to_status, version, by_user, at, note FROM quote_transitions "
              "WHERE quote_id = ? ORDER BY seq",
              Args().add(quote_id), 7);
    std::vector<sales::QuoteTransition> transitions;
    for (const Row& row : rows) {
        auto action = sales::parseQuoteAction(row[0]);
        if (!action) throw StorageError("quote_transitions: unknown action '" + row[0] + "'");
        transitions.push_back(sales::QuoteTransition{*action, statusOf(row[1]), statusOf(row[2]),
                                                     sales_sql::intOf(row[3]), parseInt64(row[4]),
                                                     sales_sql::timeOf(row[5]), row[6]});
    }
    return transitions;
}

void writeLines(Poco::Data::Session& session, const Database& db, std::int64_t quote_id, int version,
                const std::vector<QuoteLine>& lines) {
    exec(session, db, "DELETE FROM quote_lines WHERE quote_id = ? AND version = ?",
         Args().add(quote_id).add(version));
    for (const QuoteLine& line : lines) {
        exec(session, db,
             "INSERT INTO quote_lines (quote_id, version, line_no, sku, quantity, uom, list_price, "
             "unit_price, "
             "reason, cost, target_price, explanation, extended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
             "?)",
             Args()
                 .add(quote_id)
                 .add(version)
                 .add(line.line_no)
                 .add(line.sku)
                 .add(line.quantity)
                 .add(line.uom)
                 .add(line.list_price)
                 .add(line.unit_price)
                 .add(line.reason)
                 .add(line.cost)
                 .add(line.target_price)
                 .add(line.explanation)
                 .add(line.extended));
    }
}

/// Appends the transitions beyond the `stored` already written (they are append-only).
void appendTransitions(Poco::Data::Session& session, const Database& db, const Quote& quote,
                       std::size_t stored) {
    for (std::size_t i = stored; i < quote.transitions.size(); ++i) {
        const sales::QuoteTransition& t = quote.transitions[i];
        exec(session, db,
             "INSERT INTO quote_transitions (quote_id, seq, action, from_status, to_status, version, "
             "by_user, at, "
             "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             Args()
                 .add(quote.id)
                 .add(static_cast<std::int64_t>(i))
                 .add(sales::toString(t.action))
                 .add(sales::toString(t.from))
                 .add(sales::toString(t.to))
                 .add(t.version)
                 .add(t.by_user)
                 .add(t.at)
                 .add(t.note));
    }
}

std::size_t storedTransitions(Poco::Data::Session& session, const Database& db, std::int64_t quote_id) {
    auto rows = query(session, db, "SELECT COUNT(*) FROM quote_transitions WHERE quote_id = ?",
                      Args().add(quote_id), 1);
    return static_cast<std::size_t>(parseInt64(rows.at(0).at(0)));
}

class SqlQuoteRepository final : public sales::QuoteRepository {
public:
    explicit SqlQuoteRepository(const Database& db) : db_(db) {}

    core::Status create(const Quote& quote, std::span<const sales::OutboxEvent> events) override {
        return guarded(db_, "quotes.create", [&]() -> core::Status {
            Poco::Data::Session session = db_.session();
            WriteTransaction tx(session, db_.backend());
            Args args;
            args.add(quote.id).add(quote.number).add(quote.created_at);
            addMutable(args, quote);
            std::size_t inserted = exec(
                session, db_,
                "INSERT INTO quotes (id, number, created_at, customer_id, rep_id, requested_by, version, "
                "status, currency, valid_until, notes, terms, total, expiring_notice_sent, order_id, "
                "row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                args);
            if (inserted == 0) {
                return makeError(ErrorCode::Conflict, "quote " + quote.number + " already exists");
            }
            writeLines(session, db_, quote.id, quote.version, quote.lines);
            appendTransitions(session, db_, quote, 0);
            sales_sql::insertEvents(session, db_, events);
            tx.commit();
            return {};
        });
    }

    std::optional<Quote> find(std::int64_t id, const std::optional<std::string>& scope) const override {
        return guarded(db_, "quotes.find", [&]() -> std::optional<Quote> {
            Poco::Data::Session session = db_.session();
            return load(session, id, scope);
        });
    }

    core::Status update(const Quote& quote, std::int64_t expected_row_version,
                        const std::optional<QuoteVersion>& archived,
                        std::span<const sales::OutboxEvent> events) override {
        return guarded(db_, "quotes.update", [&]() -> core::Status {
            Poco::Data::Session session = db_.session();
            WriteTransaction tx(session, db_.backend());
            Args args;
            addMutable(args, quote);
            args.add(quote.id).add(expected_row_version);
            std::size_t changed = exec(
                session, db_,
                "UPDATE quotes SET customer_id = ?, rep_id = ?, requested_by = ?, version = ?, status = ?, "
                "currency = ?, valid_until = ?, notes = ?, terms = ?, total = ?, expiring_notice_sent = ?, "
                "order_id = ?, row_version = ? WHERE id = ? AND row_version = ?",
                args);
            if (changed == 0) return missingOrStale(session, quote.id);
            if (archived) {
                if (auto status = archive(session, *archived); !status) return status;
            }
            writeLines(session, db_, quote.id, quote.version, quote.lines);
            appendTransitions(session, db_, quote, storedTransitions(session, db_, quote.id));
            sales_sql::insertEvents(session, db_, events);
            tx.commit();
            return {};
        });
    }

    std::optional<QuoteVersion> findVersion(std::int64_t quote_id, int version,
                                            const std::optional<std::string>& scope) const override {
        return guarded(db_, "quotes.findVersion", [&]() -> std::optional<QuoteVersion> {
            Poco::Data::Session session = db_.session();
            Args args;
            args.add(quote_id).add(version);
            std::string sql =
                "SELECT v.status, v.currency, v.valid_until, v.notes, v.terms, v.total FROM quote_versions v "
                "JOIN quotes q ON q.id = v.quote_id WHERE v.quote_id = ? AND v.version = ?" +
                sales_sql::scopeFilter(scope, "q.customer_id", args);
            auto rows = query(session, db_, sql, args, 6);
            if (rows.empty()) return std::nullopt;
            const Row& row = rows.front();
            QuoteVersion result;
            result.quote_id = quote_id;
            result.version = version;
            result.status = statusOf(row[0]);
            result.currency = row[1];
            result.valid_until = sales_sql::dateOf(row[2]);
            result.notes = row[3];
            result.terms = row[4];
            result.total = sales_sql::decimalOf(row[5]);
            result.lines = loadLines(session, db_, quote_id, version);
            return result;
        });
    }

    std::vector<Quote> findSentDueBy(core::Date last_day) const override {
        return guarded(db_, "quotes.findSentDueBy", [&] {
            Poco::Data::Session session = db_.session();
            auto rows = query(session, db_,
                              "SELECT id FROM quotes WHERE status = 'sent' AND valid_until <= ? "
                              "ORDER BY valid_until, id",
                              Args().add(last_day), 1);
            return loadAll(session, rows);
        });
    }

    std::vector<Quote> list(const sales::QuoteQuery& q) const override {
        return guarded(db_, "quotes.list", [&] {
            Poco::Data::Session session = db_.session();
            Args args;
            args.add(q.after_id);
            std::string sql =
                "SELECT id FROM quotes WHERE id > ?" + sales_sql::scopeFilter(q.scope, "customer_id", args);
            if (q.status) {
                sql += " AND status = ?";
                args.add(sales::toString(*q.status));
            }
            if (!q.customer_id.empty()) {
                sql += " AND customer_id = ?";
                args.add(q.customer_id);
            }
            if (q.rep_id != 0) {
                sql += " AND rep_id = ?";
                args.add(q.rep_id);
            }
            sql += " ORDER BY id LIMIT ?";
            args.add(static_cast<std::int64_t>(q.limit));
            return loadAll(session, query(session, db_, sql, args, 1));
        });
    }

private:
    /// The columns update() writes, in its order (also the tail of create()'s insert).
    static void addMutable(Args& args, const Quote& quote) {
        args.add(quote.customer_id)
            .add(quote.rep_id)
            .add(quote.requested_by)
            .add(quote.version)
            .add(sales::toString(quote.status))
            .add(quote.currency)
            .add(quote.valid_until)
            .add(quote.notes)
            .add(quote.terms)
            .add(quote.total)
            .addBool(quote.expiring_notice_sent)
            .add(quote.order_id)
            .add(quote.row_version);
    }

    std::optional<Quote> load(Poco::Data::Session& session, std::int64_t id,
                              const std::optional<std::string>& scope) const {
        Args args;
        args.add(id);
        std::string sql =
            std::string(kQuoteColumns) + "WHERE id = ?" + sales_sql::scopeFilter(scope, "customer_id", args);
        auto rows = query(session, db_, sql, args, kQuoteColumnCount);
        if (rows.empty()) return std::nullopt;
        Quote quote = toQuote(rows.front());
        quote.lines = loadLines(session, db_, quote.id, quote.version);
        quote.transitions = loadTransitions(session, db_, quote.id);
        return quote;
    }

    std::vector<Quote> loadAll(Poco::Data::Session& session, const std::vector<Row>& ids) const {
        std::vector<Quote> quotes;
        for (const Row& row : ids) {
            if (auto quote = load(session, parseInt64(row[0]), std::nullopt))
                quotes.push_back(std::move(*quote));
        }
        return quotes;
    }

    core::Status missingOrStale(Poco::Data::Session& session, std::int64_t id) const {
        auto rows = query(session, db_, "SELECT row_version FROM quotes WHERE id = ?", Args().add(id), 1);
        if (rows.empty()) return makeError(ErrorCode::NotFound, "quote " + std::to_string(id) + " not found");
        return makeError(ErrorCode::Conflict,
                         "quote " + std::to_string(id) + " was changed by someone else (stale row_version)");
    }

    core::Status archive(Poco::Data::Session& session, const QuoteVersion& v) const {
        std::size_t inserted = exec(
            session, db_,
            "INSERT INTO quote_versions (quote_id, version, status, currency, valid_until, notes, terms, "
            "total) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            Args()
                .add(v.quote_id)
                .add(v.version)
                .add(sales::toString(v.status))
                .add(v.currency)
                .add(v.valid_until)
                .add(v.notes)
                .add(v.terms)
                .add(v.total));
        if (inserted == 0) {
            return makeError(ErrorCode::Conflict, "version " + std::to_string(v.version) + " of quote " +
                                                      std::to_string(v.quote_id) + " is archived already");
        }
        writeLines(session, db_, v.quote_id, v.version, v.lines);
        return {};
    }

    const Database& db_;
};

}  // namespace

std::unique_ptr<sales::QuoteRepository> makeQuoteRepository(Store& store) {
    return std::make_unique<SqlQuoteRepository>(store.database());
}

}  // namespace crossdock::storage
