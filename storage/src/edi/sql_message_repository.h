#pragma once

#include <Poco/Data/Session.h>

#include "crossdock/edi/repositories.h"
#include "database.h"

namespace crossdock::storage {

/// MessageRepository over `edi_messages` and `edi_interchanges`.
class SqlMessageRepository final : public edi::MessageRepository {
public:
    explicit SqlMessageRepository(const Database& db) : db_(db) {}

    std::int64_t insert(const edi::Message& message) override;
    core::Status update(const edi::Message& message) override;
    std::optional<edi::Message> find(std::int64_t id) const override;
    std::vector<edi::Message> list(const edi::MessageQuery& query) const override;
    std::vector<std::int64_t> relatedTo(std::int64_t id) const override;
    core::Status claimInterchange(const std::string& partner_id, const std::string& control_number,
                                  std::int64_t message_id, edi::TimePoint received_at,
                                  edi::TimePoint stale_before) override;
    void releaseInterchange(const std::string& partner_id, const std::string& control_number,
                            std::int64_t message_id) override;
    core::Result<std::vector<std::int64_t>> complete(const edi::Message& inbound,
                                                     const std::vector<edi::OutboundDraft>& drafts,
                                                     const std::vector<std::string>& released) override;
    bool claimInbound(std::int64_t id, const std::string& worker, edi::TimePoint now,
                      edi::TimePoint stale_before) override;
    std::vector<std::int64_t> pendingInbound(edi::TimePoint stale_before, std::size_t limit) const override;
    std::vector<edi::Message> claimDueOutbound(edi::TimePoint now, edi::TimePoint lease_until,
                                               std::size_t limit) override;
    void markSent(std::int64_t id, edi::TimePoint at) override;
    void markDeliveryFailed(std::int64_t id, const std::string& error,
                            std::optional<edi::TimePoint> retry_at) override;

private:
    const Database& db_;
};

namespace edi_sql {

/// The next ISA13, GS06 and ST02 of `partner_id` (one statement), inside the caller's write
/// transaction: the upsert locks the counter rows until commit, so concurrent callers take turns.
edi::EnvelopeNumbers bumpEnvelope(Poco::Data::Session& session, const Database& db,
                                  const std::string& partner_id);

}  // namespace edi_sql

/// ControlNumberRepository over `edi_control_numbers` (sql_control_number_repository.cpp).
class SqlControlNumberRepository final : public edi::ControlNumberRepository {
public:
    explicit SqlControlNumberRepository(const Database& db) : db_(db) {}

    std::uint32_t next(const std::string& partner_id, edi::ControlKind kind) override;
    edi::EnvelopeNumbers nextEnvelope(const std::string& partner_id) override;

private:
    const Database& db_;
};

}  // namespace crossdock::storage
