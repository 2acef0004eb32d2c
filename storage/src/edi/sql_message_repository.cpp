#include "sql_message_repository.h"

#include "base64.h"
#include "codec.h"
#include "crossdock/core/json.h"
#include "sales/sql_rows.h"
#include "transaction.h"

namespace crossdock::storage {
namespace {

using sales_sql::Args;
using sales_sql::Row;

constexpr std::size_t kColumns = 20;

// Every column of a message; `raw` is either raw_base64 or '' (lists).
std::string selectMessages(bool with_raw) {
    return std::string(
               "SELECT id, direction, partner_id, format, document_type, control_number, status, "
               "errors, order_id, related_to, ") +
           (with_raw ? "raw_base64" : "''") +
           ", sha256, size, received_at, sent_at, attempts, next_attempt_at, last_error, claimed_by, "
           "claimed_at FROM edi_messages ";
}

std::string encodeErrors(const std::vector<edi::MessageError>& errors) {
    core::JsonWriter out(64 * errors.size() + 2);
    out.beginArray();
    for (const auto& e : errors) {
        out.beginObject().field("segment", e.segment).field("element", e.element);
        out.field("code", e.code).field("message", e.message).endObject();
    }
    out.endArray();
    return out.take();
}

std::string memberText(const core::Json& object, std::string_view key) {
    const core::Json* value = object.find(key);
    return value != nullptr && value->isString() ? value->asString() : std::string{};
}

std::vector<edi::MessageError> decodeErrors(const std::string& text) {
    auto json = core::parseJson(text);
    if (!json || !json->isArray()) throw StorageError("edi_messages: errors is not a JSON array");
    std::vector<edi::MessageError> errors;
    for (const core::Json& item : json->items()) {
        errors.push_back(edi::MessageError{memberText(item, "segment"), memberText(item, "element"),
                                           memberText(item, "code"), memberText(item, "message")});
    }
    return errors;
}

edi::Message toMessage(const Row& row) {
    edi::Message m;
    m.id = parseInt64(row[0]);
    m.direction = edi::parseDirection(row[1]).value_or(edi::Direction::Inbound);
    m.partner_id = row[2];
    m.format = row[3];
    m.document_type = row[4];
    m.control_number = row[5];
    auto status = edi::parseMessageStatus(row[6]);
    if (!status) throw StorageError("edi_messages: unknown status '" + row[6] + "'");
    m.status = *status;
    m.errors = decodeErrors(row[7]);
    m.order_id = sales_sql::optionalInt64Of(row[8]);
    m.related_to = sales_sql::optionalInt64Of(row[9]);
    m.raw = decodeBase64(row[10]);
    m.sha256 = row[11];
    m.size = static_cast<std::size_t>(parseInt64(row[12]));
    m.received_at = fromMicros(parseInt64(row[13]));
    if (!row[14].empty()) m.sent_at = fromMicros(parseInt64(row[14]));
    m.attempts = sales_sql::intOf(row[15]);
    m.next_attempt_at = fromMicros(parseInt64(row[16]));
    m.last_error = row[17];
    m.claimed_by = row[18];
    if (!row[19].empty()) m.claimed_at = fromMicros(parseInt64(row[19]));
    return m;
}

std::int64_t toTimeMicros(const std::optional<edi::TimePoint>& at) { return at ? toMicros(*at) : 0; }

}  // namespace

namespace {

// The statements behind insert(), update() and releaseInterchange(), in the caller's session
// (and transaction, for complete()).
std::int64_t insertRow(Poco::Data::Session& session, const Database& db, const edi::Message& m) {
    Args args;
    args.add(std::string(edi::toString(m.direction))).add(m.partner_id).add(m.format).add(m.document_type);
    args.add(m.control_number).add(std::string(edi::toString(m.status))).add(encodeErrors(m.errors));
    args.add(m.order_id).add(m.related_to).add(encodeBase64(m.raw)).add(m.sha256);
    args.add(static_cast<std::int64_t>(m.raw.size())).add(toMicros(m.received_at));
    std::optional<std::int64_t> sent;
    if (m.sent_at) sent = toTimeMicros(m.sent_at);
    args.add(sent).add(m.attempts).add(toMicros(m.next_attempt_at)).add(m.last_error);
    std::optional<std::int64_t> claimed;
    if (m.claimed_at) claimed = toMicros(*m.claimed_at);
    args.add(m.claimed_by).add(claimed);
    auto rows = sales_sql::query(
        session, db,
        "INSERT INTO edi_messages (direction, partner_id, format, document_type, control_number, status, "
        "errors, order_id, related_to, raw_base64, sha256, size, received_at, sent_at, attempts, "
        "next_attempt_at, last_error, claimed_by, claimed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        args, 1);
    if (rows.empty()) throw StorageError("edi_messages.insert: no id returned");
    return parseInt64(rows.front()[0]);
}

std::size_t updateRow(Poco::Data::Session& session, const Database& db, const edi::Message& m) {
    Args args;
    args.add(m.format).add(m.document_type).add(m.control_number);
    args.add(std::string(edi::toString(m.status))).add(encodeErrors(m.errors)).add(m.order_id);
    args.add(m.related_to).add(m.id);
    return sales_sql::exec(session, db,
                           "UPDATE edi_messages SET format = ?, document_type = ?, control_number = ?, "
                           "status = ?, errors = ?, order_id = ?, related_to = ? WHERE id = ?",
                           args);
}

void releaseRow(Poco::Data::Session& session, const Database& db, const std::string& partner_id,
                const std::string& control_number, std::int64_t message_id) {
    sales_sql::exec(session, db,
                    "DELETE FROM edi_interchanges WHERE partner_id = ? AND control_number = ? AND "
                    "message_id = ?",
                    Args().add(partner_id).add(control_number).add(message_id));
}

core::Error notFound(std::int64_t id) {
    return core::makeError(core::ErrorCode::NotFound, "no EDI message " + std::to_string(id));
}

}  // namespace

std::int64_t SqlMessageRepository::insert(const edi::Message& m) {
    return guarded(db_, "edi_messages.insert", [&] {
        Poco::Data::Session session = db_.session();
        return insertRow(session, db_, m);
    });
}

core::Status SqlMessageRepository::update(const edi::Message& m) {
    return guarded(db_, "edi_messages.update", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        if (updateRow(session, db_, m) == 0) return notFound(m.id);
        return {};
    });
}

// One commit for everything a run stores after its order: with synchronous=FULL every commit is
// an fsync, and this replaces one per outbound document, per envelope and per status update.
core::Result<std::vector<std::int64_t>> SqlMessageRepository::complete(
    const edi::Message& inbound, const std::vector<edi::OutboundDraft>& drafts,
    const std::vector<std::string>& released) {
    return guarded(db_, "edi_messages.complete", [&]() -> core::Result<std::vector<std::int64_t>> {
        Poco::Data::Session session = db_.session();
        WriteTransaction transaction(session, db_.backend());
        std::vector<std::int64_t> ids;
        for (const auto& draft : drafts) {
            const edi::EnvelopeNumbers numbers = edi_sql::bumpEnvelope(session, db_, draft.partner_id);
            if (auto message = draft.write(numbers)) ids.push_back(insertRow(session, db_, *message));
        }
        for (const auto& control : released)
            releaseRow(session, db_, inbound.partner_id, control, inbound.id);
        if (updateRow(session, db_, inbound) == 0) return notFound(inbound.id);
        transaction.commit();
        return ids;
    });
}

std::optional<edi::Message> SqlMessageRepository::find(std::int64_t id) const {
    return guarded(db_, "edi_messages.find", [&]() -> std::optional<edi::Message> {
        Poco::Data::Session session = db_.session();
        auto rows =
            sales_sql::query(session, db_, selectMessages(true) + "WHERE id = ?", Args().add(id), kColumns);
        if (rows.empty()) return std::nullopt;
        return toMessage(rows.front());
    });
}

std::vector<edi::Message> SqlMessageRepository::list(const edi::MessageQuery& query) const {
    return guarded(db_, "edi_messages.list", [&] {
        std::string sql = selectMessages(false) + "WHERE 1 = 1";
        Args args;
        if (!query.partner_id.empty()) {
            sql += " AND partner_id = ?";
            args.add(query.partner_id);
        }
        if (query.direction) {
            sql += " AND direction = ?";
            args.add(std::string(edi::toString(*query.direction)));
        }
        if (query.status) {
            sql += " AND status = ?";
            args.add(std::string(edi::toString(*query.status)));
        }
        if (query.before_id > 0) {
            sql += " AND id < ?";
            args.add(query.before_id);
        }
        sql += " ORDER BY id DESC LIMIT ?";
        args.add(static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 10000)));
        Poco::Data::Session session = db_.session();
        std::vector<edi::Message> messages;
        for (const Row& row : sales_sql::query(session, db_, sql, args, kColumns))
            messages.push_back(toMessage(row));
        return messages;
    });
}

std::vector<std::int64_t> SqlMessageRepository::relatedTo(std::int64_t id) const {
    return guarded(db_, "edi_messages.relatedTo", [&] {
        Poco::Data::Session session = db_.session();
        std::vector<std::int64_t> ids;
        for (const Row& row :
             sales_sql::query(session, db_, "SELECT id FROM edi_messages WHERE related_to = ? ORDER BY id",
                              Args().add(id), 1)) {
            ids.push_back(parseInt64(row[0]));
        }
        return ids;
    });
}

// One statement: the primary key (partner_id, control_number) decides between two instances
// racing; the upsert takes over a claim only when it is stale or already this message's.
core::Status SqlMessageRepository::claimInterchange(const std::string& partner_id,
                                                    const std::string& control_number,
                                                    std::int64_t message_id, edi::TimePoint received_at,
                                                    edi::TimePoint stale_before) {
    return guarded(db_, "edi_interchanges.claim", [&]() -> core::Status {
        Poco::Data::Session session = db_.session();
        Args args;
        args.add(partner_id).add(control_number).add(message_id).add(toMicros(received_at));
        args.add(toMicros(stale_before));
        auto changed = sales_sql::exec(
            session, db_,
            "INSERT INTO edi_interchanges (partner_id, control_number, message_id, received_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (partner_id, control_number) DO UPDATE SET "
            "message_id = excluded.message_id, received_at = excluded.received_at "
            "WHERE edi_interchanges.received_at < ? OR edi_interchanges.message_id = excluded.message_id",
            args);
        if (changed > 0) return {};
        auto rows = sales_sql::query(session, db_,
                                     "SELECT message_id FROM edi_interchanges WHERE partner_id = ? AND "
                                     "control_number = ?",
                                     Args().add(partner_id).add(control_number), 1);
        const std::string earlier = rows.empty() ? std::string("?") : rows.front()[0];
        return core::makeError(core::ErrorCode::Conflict, earlier);
    });
}

void SqlMessageRepository::releaseInterchange(const std::string& partner_id,
                                              const std::string& control_number, std::int64_t message_id) {
    guarded(db_, "edi_interchanges.release", [&] {
        Poco::Data::Session session = db_.session();
        releaseRow(session, db_, partner_id, control_number, message_id);
    });
}

std::vector<edi::Message> SqlMessageRepository::claimDueOutbound(edi::TimePoint now,
                                                                 edi::TimePoint lease_until,
                                                                 std::size_t limit) {
    return guarded(db_, "edi_messages.claimDueOutbound", [&] {
        Poco::Data::Session session = db_.session();
        WriteTransaction transaction(session, db_.backend());
        std::string sql = selectMessages(true) +
                          "WHERE direction = 'outbound' AND status = 'queued' AND next_attempt_at <= ? "
                          "ORDER BY id LIMIT ?";
        if (db_.backend() == Backend::PostgreSql) sql += " FOR UPDATE SKIP LOCKED";
        Args args;
        args.add(toMicros(now)).add(static_cast<std::int64_t>(std::min<std::size_t>(limit, 1000)));
        std::vector<edi::Message> due;
        for (const Row& row : sales_sql::query(session, db_, sql, args, kColumns)) {
            due.push_back(toMessage(row));
            sales_sql::exec(session, db_, "UPDATE edi_messages SET next_attempt_at = ? WHERE id = ?",
                            Args().add(toMicros(lease_until)).add(due.back().id));
        }
        transaction.commit();
        return due;
    });
}

void SqlMessageRepository::markSent(std::int64_t id, edi::TimePoint at) {
    guarded(db_, "edi_messages.markSent", [&] {
        Poco::Data::Session session = db_.session();
        sales_sql::exec(session, db_,
                        "UPDATE edi_messages SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
                        "last_error = '' WHERE id = ?",
                        Args().add(toMicros(at)).add(id));
    });
}

void SqlMessageRepository::markDeliveryFailed(std::int64_t id, const std::string& error,
                                              std::optional<edi::TimePoint> retry_at) {
    guarded(db_, "edi_messages.markDeliveryFailed", [&] {
        Poco::Data::Session session = db_.session();
        if (retry_at) {
            sales_sql::exec(session, db_,
                            "UPDATE edi_messages SET attempts = attempts + 1, last_error = ?, "
                            "next_attempt_at = ? WHERE id = ?",
                            Args().add(error).add(toMicros(*retry_at)).add(id));
        } else {
            sales_sql::exec(session, db_,
                            "UPDATE edi_messages SET status = 'failed', attempts = attempts + 1, "
                            "last_error = ? WHERE id = ?",
                            Args().add(error).add(id));
        }
    });
}

}  // namespace crossdock::storage
