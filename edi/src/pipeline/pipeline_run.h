#pragma once
// Private to the inbound pipeline: what one processing run carries between its steps.

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
};

/// Walks the X12 interchanges of run.message: checks, acknowledgements, orders, 855s.
void processX12(const Deps& deps, Run& run);

/// The envelope of an outbound document to run.partner in X12 `version` ("004010" or
/// "005010"), with fresh control numbers from the partner's counters.
maps::OutboundEnvelope makeEnvelope(const Deps& deps, const Partner& partner, const std::string& version);

/// Stores an outbound document answering run.message (related_to), Queued when the partner
/// has a delivery URL, else Ready. Returns its id (also appended to run.result.outbound_ids).
std::int64_t storeOutbound(const Deps& deps, Run& run, std::string document_type, std::string bytes,
                           std::uint32_t control_number, std::optional<std::int64_t> order_id = std::nullopt);

/// The issue as the message log shows it; the code is prefixed with its acknowledgement
/// segment ("TA1 025", "AK9 4", "AK5 4", "AK3 8", "AK4 7").
MessageError toMessageError(const x12::Issue& issue);

/// An error of the pipeline itself (not positioned in the document).
MessageError pipelineError(std::string code, std::string message);

}  // namespace crossdock::edi::pipeline
