#pragma once
// The edi objects of a process (repositories, services, jobs), built over the Runtime.

#include <memory>

#include "crossdock/core/clock.h"
#include "crossdock/edi/inbound_pipeline.h"
#include "crossdock/server/edi_options.h"
#include "crossdock/storage/edi_repositories.h"

namespace crossdock::server {

class Runtime;

/// Owned by the Runtime; built after the catalog and price snapshots are loaded.
struct EdiServices {
    EdiOptions options;
    storage::EdiRepositories repositories;
    /// The inbound pipeline: orders go to runtime.sales(), items are checked against the live
    /// catalog (runtime.itemLookup()).
    std::unique_ptr<edi::InboundPipeline> pipeline;
};

/// Builds the edi services over `runtime` and registers their background jobs with
/// runtime.addJob() (the outbound delivery job). Throws storage::StorageError when the
/// database fails.
std::unique_ptr<EdiServices> makeEdiServices(Runtime& runtime);

/// One round of the delivery job: POSTs every due outbound message to its partner's delivery
/// URL (Content-Type application/edi-x12), records success or the failure with its retry
/// time; a partner without a URL gets its messages marked Ready. Exceptions: storage failures.
void deliverDueMessages(EdiServices& services, const core::Clock& clock);

/// One round of the recovery job (every minute): inbound messages still Received
/// options.recovery_after after they were stored are processed. Returns how many.
std::size_t recoverStalledMessages(EdiServices& services, const core::Clock& clock);

}  // namespace crossdock::server
