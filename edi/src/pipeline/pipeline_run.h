#pragma once
// Private to the inbound pipeline: what one processing run carries between its steps.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/edi/inbound_pipeline.h"
#include "crossdock/edi/maps/profile.h"
#include "crossdock/edi/x12/issue.h"

namespace crossdock::edi::pipeline {

/// The pipeline's collaborators, borrowed for one run.
struct Deps {
    PartnerRepository& partners;
    MessageRepository& messages;
    ControlNumberRepository& numbers;
    const core::Clock& clock;
    const PipelineOptions& options;
    const OrderPlacer& placer;
    const sales::ItemLookup* items;
};

/// One run over one inbound message.
struct Run {
    Message message;  ///< the inbound row; written back at the end
    Partner partner;
    ProcessResult result;
    std::vector<std::string> claimed;  ///< interchange control numbers this run claimed
    bool rejected = false;             ///< something was refused (envelope, document, order)
    bool duplicate = false;            ///< an interchange was a duplicate
    /// Outbound documents answering the message, written and stored together with its final
    /// status in one transaction (MessageRepository::complete) at the end of the run.
    std::vector<OutboundDraft> drafts;
};

/// Writes an outbound document's bytes in `envelope`, or says why it cannot.
using DocumentWriter = std::function<core::Result<std::string>(const maps::OutboundEnvelope&)>;

/// Walks the X12 interchanges of run.message: checks, acknowledgements, orders, 855s.
void processX12(const Deps& deps, Run& run);

/// The envelope of an outbound document to `partner` in X12 `version` ("004010" or "005010")
/// with the control numbers `numbers`.
maps::OutboundEnvelope makeEnvelope(const Deps& deps, const Partner& partner, const std::string& version,
                                    const EnvelopeNumbers& numbers);

/// Queues an outbound document answering run.message (related_to) in run.drafts: at the end of
/// the run it gets the partner's next control numbers, `write` writes it and it is stored,
/// Queued when the partner has a delivery URL, else Ready. When `write` fails, the error is
/// added to the message as `error_code` with `what` ("the 855") and nothing is stored.
void queueOutbound(const Deps& deps, Run& run, std::string version, std::string document_type,
                   DocumentWriter write, std::string error_code, std::string what,
                   std::optional<std::int64_t> order_id = std::nullopt);

/// Stores run.drafts, the claims to release and run.message in one transaction; the ids of
/// the stored documents go to run.result.outbound_ids.
core::Status completeRun(const Deps& deps, Run& run, bool release_claims);

/// The issue as the message log shows it; the code is prefixed with its acknowledgement
/// segment ("TA1 025", "AK9 4", "AK5 4", "AK3 8", "AK4 7").
MessageError toMessageError(const x12::Issue& issue);

/// An error of the pipeline itself (not positioned in the document).
MessageError pipelineError(std::string code, std::string message);

}  // namespace crossdock::edi::pipeline
