#include "transaction.h"

#include <string>

#include <Poco/Exception.h>

namespace crossdock::storage {

using Poco::Data::Keywords::now;

// SQLite: Poco 1.11's Session::begin() can only say BEGIN (deferred), so the SQLite side
// speaks SQL itself. PostgreSQL: Poco's begin()/commit()/rollback() keep Poco's own
// transaction flag right, and the pool rolls back a session that comes back mid-transaction.
WriteTransaction::WriteTransaction(Poco::Data::Session& session, Backend backend,
                                   std::optional<std::int64_t> lock_key)
    : session_(session), backend_(backend) {
    if (backend_ == Backend::Sqlite) {
        session_ << "BEGIN IMMEDIATE", now;
        return;
    }
    session_.begin();
    if (lock_key) {
        try {
            session_ << "SELECT pg_advisory_xact_lock(" + std::to_string(*lock_key) + ")", now;
        } catch (const Poco::Exception&) {
            session_.rollback();
            throw;
        }
    }
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    try {
        if (backend_ == Backend::Sqlite) {
            session_ << "ROLLBACK", now;
        } else {
            session_.rollback();
        }
    } catch (const Poco::Exception&) {
        // An exception is already on its way out and a destructor cannot throw. SQLite rolls
        // back by itself when a statement fails this way (the connection is broken or the
        // transaction already ended); PostgreSQL's pool rolls back sessions returned mid-way.
    }
}

void WriteTransaction::commit() {
    if (backend_ == Backend::Sqlite) {
        session_ << "COMMIT", now;
    } else {
        session_.commit();
    }
    open_ = false;
}

}  // namespace crossdock::storage
