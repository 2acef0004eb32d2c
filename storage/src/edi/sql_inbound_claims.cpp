// The inbound work queue of the message log: which stored messages still wait for a
// worker, and the claim that gives one message to exactly one worker, whichever server
// (or `crossdock edi ingest`) asks. One UPDATE decides: the database, not a process.
#include "codec.h"
#include "sales/sql_rows.h"
#include "sql_message_repository.h"

namespace crossdock::storage {

using sales_sql::Args;
using sales_sql::Row;

bool SqlMessageRepository::claimInbound(std::int64_t id, const std::string& worker, edi::TimePoint now,
                                        edi::TimePoint stale_before) {
    return guarded(db_, "edi_messages.claimInbound", [&] {
        Poco::Data::Session session = db_.session();
        const std::size_t changed =
            sales_sql::exec(session, db_,
                            "UPDATE edi_messages SET status = 'processing', claimed_by = ?, claimed_at = ? "
                            "WHERE id = ? AND direction = 'inbound' AND "
                            "(status = 'received' OR (status = 'processing' AND claimed_at < ?))",
                            Args().add(worker).add(toMicros(now)).add(id).add(toMicros(stale_before)));
        return changed == 1;
    });
}

std::vector<std::int64_t> SqlMessageRepository::pendingInbound(edi::TimePoint stale_before,
                                                               std::size_t limit) const {
    return guarded(db_, "edi_messages.pendingInbound", [&] {
        Poco::Data::Session session = db_.session();
        const auto max_rows = static_cast<std::int64_t>(std::min<std::size_t>(limit, 1000));
        std::vector<std::int64_t> ids;
        for (const Row& row : sales_sql::query(
                 session, db_,
                 "SELECT id FROM edi_messages WHERE status = 'received' AND direction = 'inbound' "
                 "UNION SELECT id FROM edi_messages WHERE status = 'processing' AND direction = 'inbound' "
                 "AND claimed_at < ? ORDER BY id LIMIT ?",
                 Args().add(toMicros(stale_before)).add(max_rows), 1)) {
            ids.push_back(parseInt64(row[0]));
        }
        return ids;
    });
}

}  // namespace crossdock::storage
