#pragma once

// The inbound EDI pipeline (ARCHITECTURE.md "Inbound purchase order"): the raw document is
// stored first, then envelope, partner and receiver checks, duplicate interchange check,
// parse and validation, TA1/997/999, 850 → order through sales, 855 queued in the outbox.
// Every entry point runs this: POST /edi/inbound, `crossdock edi ingest`, the replay call.
// Storage and sales come in through interfaces; no SQL and no HTTP here.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "crossdock/accounts/caller.h"
#include "crossdock/core/clock.h"
#include "crossdock/core/result.h"
#include "crossdock/edi/repositories.h"
#include "crossdock/sales/order_service.h"
#include "crossdock/sales/ports.h"

namespace crossdock::edi {

/// Crossdock's own X12 identifiers (config edi.x12.isa_qualifier, edi.x12.isa_id,
/// edi.x12.gs_id). An inbound interchange must be addressed to them.
struct EdiIdentity {
    std::string isa_qualifier = "ZZ";
    std::string isa_id = "CROSSDOCK";
    std::string gs_id = "CROSSDOCK";
};

struct PipelineOptions {
    EdiIdentity us;
    /// An interchange control number the same partner used within this window is a duplicate
    /// (TA1 025); an older one is accepted again (edi.duplicate_window_days).
    std::chrono::hours duplicate_window{24 * 30};
    /// Written after every segment terminator of outbound documents ("" or "\n").
    std::string line_suffix = "\n";
    /// A message claimed for processing longer ago than this lost its worker (a crash) and
    /// may be claimed again (edi.inbound.claim_timeout_seconds).
    std::chrono::seconds claim_timeout{300};
};

/// Places an order as `caller` (sales::OrderService::place in the server).
using OrderPlacer = std::function<sales::PlaceResult(const accounts::Caller&, sales::OrderRequest)>;

/// What processing one inbound message did.
struct ProcessResult {
    std::int64_t message_id = 0;
    MessageStatus status = MessageStatus::Received;
    std::vector<MessageError> errors;
    std::vector<std::int64_t> order_ids;     ///< orders created or found (idempotent replays)
    std::vector<std::int64_t> outbound_ids;  ///< TA1, 997/999, 855 messages stored for it
};

/// "x12", "edifact", "cxml", "ubl" or "unknown", from the first bytes of a document (a BOM and
/// leading whitespace skipped): ISA → x12; UNA/UNB → edifact; XML with a cXML root → cxml;
/// with the UBL namespace → ubl.
std::string detectFormat(std::string_view bytes);

/// The caller a partner acts as: Role::Partner for its customer.
accounts::Caller partnerCaller(const Partner& partner);

/// Thread-safe when its collaborators are (they are shared by concurrent requests).
class InboundPipeline {
public:
    /// Holds references: every collaborator must outlive the pipeline. `items` may be null
    /// (then unknown items are left to sales, which rejects them line by line).
    InboundPipeline(PartnerRepository& partners, MessageRepository& messages,
                    ControlNumberRepository& numbers, const core::Clock& clock, PipelineOptions options,
                    OrderPlacer placer, const sales::ItemLookup* items = nullptr);

    /// Stores `bytes` as an inbound message of `partner_id` (status Received, SHA-256, time)
    /// and returns its id once committed: the only step before POST /edi/inbound answers 202.
    /// NotFound when there is no such partner.
    core::Result<std::int64_t> store(const std::string& partner_id, std::string bytes);

    /// Claims stored message `message_id` for `worker` (MessageRepository::claimInbound with
    /// options().claim_timeout): true when the caller may process it now, false when
    /// another worker holds it or it was processed already.
    bool claim(std::int64_t message_id, const std::string& worker);

    /// One round of the background job: claims and processes, oldest first, up to `limit`
    /// waiting inbound messages (Received, or Processing with a stale claim), stopping early
    /// when `stop` says so. Returns how many this worker processed. Each message is
    /// processed exactly once across every worker sharing the database (a worker that
    /// dies mid-way leaves it to be claimed again after the timeout; sales is idempotent
    /// on the message id). Exceptions: as process().
    std::size_t processPending(const std::string& worker, std::size_t limit,
                               const std::function<bool()>& stop = {});

    /// Processes a stored inbound message (the caller holds its claim, or is a test). Bad documents are not
    /// errors: the result says Rejected or Duplicate and the message log holds the positioned errors.
    /// NotFound for an unknown id, FailedPrecondition for an outbound message. An infrastructure exception
    /// marks the message Failed (best effort) and propagates.
    core::Result<ProcessResult> process(std::int64_t message_id);

    /// store() then process(), synchronously: `crossdock edi ingest`. The message is stored
    /// already claimed by `worker`, so that no server's job takes it meanwhile.
    core::Result<ProcessResult> ingest(const std::string& partner_id, std::string bytes,
                                       const std::string& worker = "ingest");

    /// Processes a stored inbound message again (after a partner profile fix, or a crash):
    /// allowed when it is Received (claimed first, as `worker`), Failed or Rejected;
    /// FailedPrecondition when it is Processed or Duplicate, or being processed. Never creates a second order
    /// (sales is idempotent on the inbox message id and on the PO number).
    core::Result<ProcessResult> replay(std::int64_t message_id, const std::string& worker = "replay");

    const PipelineOptions& options() const { return options_; }

private:
    core::Result<std::int64_t> storeAs(const std::string& partner_id, std::string bytes,
                                       const std::string& claimed_by);

    PartnerRepository& partners_;
    MessageRepository& messages_;
    ControlNumberRepository& numbers_;
    const core::Clock& clock_;
    PipelineOptions options_;
    OrderPlacer placer_;
    const sales::ItemLookup* items_;
};

}  // namespace crossdock::edi
