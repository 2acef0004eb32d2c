// Outbound control numbers: one counter row per (partner, kind), bumped by an upsert that
// returns the new value (RETURNING: SQLite 3.35+, PostgreSQL), wrapping after 999999999.
#include "codec.h"
#include "sales/sql_rows.h"
#include "sql_message_repository.h"
#include "transaction.h"

namespace crossdock::storage {
namespace {

using sales_sql::Args;

const char* kindName(edi::ControlKind kind) {
    switch (kind) {
        case edi::ControlKind::Interchange:
            return "isa13";
        case edi::ControlKind::Group:
            return "gs06";
        case edi::ControlKind::Transaction:
            return "st02";
    }
    return "st02";
}

constexpr const char* kBump =
    " ON CONFLICT (partner_id, kind) DO UPDATE SET last_value = CASE WHEN "
    "edi_control_numbers.last_value >= 999999999 THEN 1 ELSE edi_control_numbers.last_value + 1 END "
    "RETURNING kind, last_value";

std::uint32_t valueOf(const std::string& text) { return static_cast<std::uint32_t>(parseInt64(text)); }

}  // namespace

namespace edi_sql {

edi::EnvelopeNumbers bumpEnvelope(Poco::Data::Session& session, const Database& db,
                                  const std::string& partner_id) {
    auto rows = sales_sql::query(session, db,
                                 std::string("INSERT INTO edi_control_numbers (partner_id, kind, last_value) "
                                             "VALUES (?, 'isa13', 1), (?, 'gs06', 1), (?, 'st02', 1)") +
                                     kBump,
                                 Args().add(partner_id).add(partner_id).add(partner_id), 2);
    edi::EnvelopeNumbers numbers;
    for (const auto& row : rows) {
        if (row[0] == "isa13") numbers.interchange = valueOf(row[1]);
        if (row[0] == "gs06") numbers.group = valueOf(row[1]);
        if (row[0] == "st02") numbers.transaction = valueOf(row[1]);
    }
    if (rows.size() != 3 || numbers.interchange == 0 || numbers.group == 0 || numbers.transaction == 0)
        throw StorageError("edi_control_numbers.nextEnvelope: counters vanished");
    return numbers;
}

}  // namespace edi_sql

std::uint32_t SqlControlNumberRepository::next(const std::string& partner_id, edi::ControlKind kind) {
    return guarded(db_, "edi_control_numbers.next", [&] {
        Poco::Data::Session session = db_.session();
        auto rows = sales_sql::query(session, db_,
                                     std::string("INSERT INTO edi_control_numbers (partner_id, kind, "
                                                 "last_value) VALUES (?, ?, 1)") +
                                         kBump,
                                     Args().add(partner_id).add(kindName(kind)), 2);
        if (rows.empty()) throw StorageError("edi_control_numbers.next: counter vanished");
        return valueOf(rows.front()[1]);
    });
}

edi::EnvelopeNumbers SqlControlNumberRepository::nextEnvelope(const std::string& partner_id) {
    return guarded(db_, "edi_control_numbers.nextEnvelope", [&] {
        Poco::Data::Session session = db_.session();
        WriteTransaction transaction(session, db_.backend());
        const edi::EnvelopeNumbers numbers = edi_sql::bumpEnvelope(session, db_, partner_id);
        transaction.commit();
        return numbers;
    });
}

}  // namespace crossdock::storage
