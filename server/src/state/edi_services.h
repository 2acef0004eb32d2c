#pragma once
// The edi objects of a process (repositories, services, jobs), built over the Runtime.

#include <functional>
#include <memory>
#include <string>

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
/// time; a partner without a URL gets its messages marked Ready. Stops between messages once
/// `stop` says so (shutdown): the rest of the batch stays claimed until its lease ends and is
/// delivered then, by this or another server. Exceptions: storage failures.
void deliverDueMessages(EdiServices& services, const core::Clock& clock, const std::function<bool()>& stop);

/// One round of the inbound job (every options.inbound_poll): claims and processes the stored
/// inbound messages no worker holds (received, or processing with a claim older than
/// pipeline.claim_timeout: its server died), as worker `worker`, until none is left or
/// `stop` says so. Returns how many it processed. Exceptions: storage failures.
std::size_t processInbound(EdiServices& services, const std::string& worker,
                           const std::function<bool()>& stop);

/// This process's worker name for inbound claims: "<host>:<pid>:<random>".
std::string inboundWorkerName();

}  // namespace crossdock::server
