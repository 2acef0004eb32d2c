#pragma once

// What the EDI pipeline stores, as interfaces; storage/ implements them
// (crossdock/storage/edi_repositories.h). Implementations are thread-safe and shared by
// several processes over one database; infrastructure failures throw.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/core/result.h"
#include "crossdock/edi/message.h"
#include "crossdock/edi/partner.h"

namespace crossdock::edi {

/// Partner profiles.
class PartnerRepository {
public:
    virtual ~PartnerRepository() = default;

    /// Inserts a partner. Conflict when the id exists, or when another partner already uses
    /// the same X12 sender (isa_qualifier, isa_id).
    virtual core::Status create(const Partner& partner) = 0;

    /// Replaces a stored partner. NotFound when absent; Conflict as for create().
    virtual core::Status update(const Partner& partner) = 0;

    virtual std::optional<Partner> find(const std::string& id) const = 0;

    /// The partner whose X12 ids are (qualifier, isa_id) (isa_id trimmed), or nullopt.
    virtual std::optional<Partner> findByX12Sender(const std::string& qualifier,
                                                   const std::string& isa_id) const = 0;

    /// Partners ordered by id, after `after_id` (exclusive), at most `limit`.
    virtual std::vector<Partner> list(const std::string& after_id, std::size_t limit) const = 0;
};

/// The three control numbers of one outbound interchange.
struct EnvelopeNumbers {
    std::uint32_t interchange = 0;  ///< ISA13
    std::uint32_t group = 0;        ///< GS06
    std::uint32_t transaction = 0;  ///< ST02
};

/// An outbound document answering an inbound message, written once its control numbers are
/// known (MessageRepository::complete): `write` gets the partner's next ISA13, GS06 and ST02
/// and returns the outbound message (bytes, type, control number, status...), or nullopt when
/// the document could not be written (the numbers are then simply skipped).
struct OutboundDraft {
    std::string partner_id;
    std::function<std::optional<Message>(const EnvelopeNumbers&)> write;
};

/// The inbox and outbox.
class MessageRepository {
public:
    virtual ~MessageRepository() = default;

    /// Stores a new message (raw bytes, sha256, status, ...) durably and returns its id.
    /// `message.id` is ignored. When it returns, the row is committed.
    virtual std::int64_t insert(const Message& message) = 0;

    /// Replaces the mutable fields of message `message.id`: format, document_type,
    /// control_number, status, errors, order_id, related_to. Never the raw bytes.
    /// NotFound when absent.
    virtual core::Status update(const Message& message) = 0;

    /// The message with its raw bytes, or nullopt.
    virtual std::optional<Message> find(std::int64_t id) const = 0;

    /// Messages matching `query`, newest first (descending id), without raw bytes.
    virtual std::vector<Message> list(const MessageQuery& query) const = 0;

    /// Ids of the messages whose related_to is `id`, ascending.
    virtual std::vector<std::int64_t> relatedTo(std::int64_t id) const = 0;

    /// Records interchange `control_number` of `partner_id` as received in `message_id`.
    /// The pair (partner_id, control_number) is unique by a database constraint, so that
    /// two instances receiving the same interchange at once cannot both accept it. Conflict
    /// (message: the earlier message id) when another message holds it and was received at
    /// or after `stale_before` (older claims are taken over); Ok when free, stale, or already
    /// held by `message_id` itself (a replay).
    virtual core::Status claimInterchange(const std::string& partner_id, const std::string& control_number,
                                          std::int64_t message_id, TimePoint received_at,
                                          TimePoint stale_before) = 0;

    /// Frees the claim of `message_id` on (partner_id, control_number), so that a resend of a
    /// document that failed is accepted. No-op when another message holds it.
    virtual void releaseInterchange(const std::string& partner_id, const std::string& control_number,
                                    std::int64_t message_id) = 0;

    /// The end of processing inbound message `inbound.id`, in ONE transaction (one commit):
    /// for each draft in order, the partner's next envelope numbers (exactly as
    /// ControlNumberRepository::nextEnvelope gives them), the draft written with them and
    /// inserted (related_to must be set by the draft); then the claims of `inbound` on
    /// `released` control numbers are freed (as releaseInterchange) and `inbound` is updated
    /// (as update()), read only after every draft ran. All of it or nothing is stored. Returns
    /// the ids of the inserted drafts in order; NotFound (nothing stored) when `inbound` is absent.
    virtual core::Result<std::vector<std::int64_t>> complete(const Message& inbound,
                                                             const std::vector<OutboundDraft>& drafts,
                                                             const std::vector<std::string>& released) = 0;

    /// Claims inbound message `id` for processing by `worker`, atomically (one UPDATE, so
    /// two servers on one database never both get it): Received → Processing with
    /// claimed_by = worker, claimed_at = now; a message Processing since before
    /// `stale_before` (its worker died) is taken over the same way. True when this call got
    /// it; false when it is held by a live claim, already processed, or absent.
    virtual bool claimInbound(std::int64_t id, const std::string& worker, TimePoint now,
                              TimePoint stale_before) = 0;

    /// Ids of the inbound messages waiting for a worker: Received, or Processing with a
    /// claim older than `stale_before`; oldest first, at most `limit`.
    virtual std::vector<std::int64_t> pendingInbound(TimePoint stale_before, std::size_t limit) const = 0;

    /// Up to `limit` outbound Queued messages with next_attempt_at ≤ now, oldest first,
    /// leased until `lease_until` (not returned again before then, also not to another
    /// process). With raw bytes.
    virtual std::vector<Message> claimDueOutbound(TimePoint now, TimePoint lease_until,
                                                  std::size_t limit) = 0;

    /// Outbound `id` delivered: status Sent, sent_at, attempts + 1, last_error cleared.
    virtual void markSent(std::int64_t id, TimePoint at) = 0;

    /// A failed delivery attempt: attempts + 1, last_error. With `retry_at` it stays Queued
    /// until then; without, status Failed.
    virtual void markDeliveryFailed(std::int64_t id, const std::string& error,
                                    std::optional<TimePoint> retry_at) = 0;
};

/// Which outbound control number.
enum class ControlKind { Interchange, Group, Transaction };

/// Outbound control numbers per partner: ISA13, GS06, ST02. Persisted; each call returns a
/// number no other call (in any process) got for the same partner and kind, increasing from
/// 1 and wrapping from 999999999 back to 1.
class ControlNumberRepository {
public:
    virtual ~ControlNumberRepository() = default;

    virtual std::uint32_t next(const std::string& partner_id, ControlKind kind) = 0;

    /// The next ISA13, GS06 and ST02 of `partner_id` together, in one transaction (one
    /// commit instead of three for every outbound document); each as next() would give it.
    virtual EnvelopeNumbers nextEnvelope(const std::string& partner_id) = 0;
};

}  // namespace crossdock::edi
