#include "crossdock/edi/inbound_pipeline.h"

#include <stdexcept>

#include "crossdock/accounts/password.h"
#include "pipeline_run.h"

namespace crossdock::edi {
namespace {

using core::ErrorCode;
using core::makeError;

std::string_view skipLeading(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\t' || bytes.front() == '\r' ||
                              bytes.front() == '\n' || bytes.front() == '\0')) {
        bytes.remove_prefix(1);
    }
    return bytes;
}

// The final status of a run: a duplicate or a refusal wins over "processed".
MessageStatus finalStatus(const pipeline::Run& run) {
    if (run.duplicate && run.result.order_ids.empty()) return MessageStatus::Duplicate;
    if (run.rejected && run.result.order_ids.empty()) return MessageStatus::Rejected;
    return MessageStatus::Processed;
}

// Partner, format, then the X12 walk; sets run.message.status.
void runSteps(const pipeline::Deps& deps, pipeline::Run& run) {
    auto partner = deps.partners.find(run.message.partner_id);
    if (!partner) {
        run.message.errors.push_back(pipeline::pipelineError(
            "unknown_partner", "partner " + run.message.partner_id + " no longer exists"));
        run.message.status = MessageStatus::Failed;
        return;
    }
    run.partner = std::move(*partner);
    if (run.message.format != "x12") {
        run.message.errors.push_back(pipeline::pipelineError(
            "unsupported_format", run.message.format == "unknown"
                                      ? "not an X12, EDIFACT, cXML or UBL document"
                                      : run.message.format + " documents are not supported yet (X12 only)"));
        run.message.status = MessageStatus::Rejected;
        return;
    }
    pipeline::processX12(deps, run);
    run.message.status = finalStatus(run);
}

// After a failure of the run itself: a resend of the document must be accepted.
void releaseClaims(const pipeline::Deps& deps, const pipeline::Run& run) {
    for (const auto& control : run.claimed) {
        deps.messages.releaseInterchange(run.partner.id, control, run.message.id);
    }
}

}  // namespace

std::string detectFormat(std::string_view bytes) {
    const std::string_view head = skipLeading(bytes);
    if (head.substr(0, 3) == "ISA") return "x12";
    if (head.substr(0, 3) == "UNA" || head.substr(0, 3) == "UNB") return "edifact";
    if (!head.empty() && head.front() == '<') {
        const std::string_view prologue = head.substr(0, 4096);
        if (prologue.find("<cXML") != std::string_view::npos) return "cxml";
        if (prologue.find("urn:oasis:names:specification:ubl") != std::string_view::npos) return "ubl";
    }
    return "unknown";
}

accounts::Caller partnerCaller(const Partner& partner) {
    accounts::Caller caller;
    caller.role = accounts::Role::Partner;
    caller.company_id = partner.customer_id;
    caller.partner_id = partner.id;
    return caller;
}

InboundPipeline::InboundPipeline(PartnerRepository& partners, MessageRepository& messages,
                                 ControlNumberRepository& numbers, const core::Clock& clock,
                                 PipelineOptions options, OrderPlacer placer, const sales::ItemLookup* items)
    : partners_(partners),
      messages_(messages),
      numbers_(numbers),
      clock_(clock),
      options_(std::move(options)),
      placer_(std::move(placer)),
      items_(items) {}

core::Result<std::int64_t> InboundPipeline::store(const std::string& partner_id, std::string bytes) {
    return storeAs(partner_id, std::move(bytes), "");
}

// Stored Received, or already Processing for `claimed_by` when it is not empty.
core::Result<std::int64_t> InboundPipeline::storeAs(const std::string& partner_id, std::string bytes,
                                                    const std::string& claimed_by) {
    if (!partners_.find(partner_id)) return makeError(ErrorCode::NotFound, "no partner " + partner_id);
    Message message;
    message.direction = Direction::Inbound;
    message.partner_id = partner_id;
    message.format = detectFormat(bytes);
    message.status = claimed_by.empty() ? MessageStatus::Received : MessageStatus::Processing;
    if (!claimed_by.empty()) {
        message.claimed_by = claimed_by;
        message.claimed_at = clock_.now();
    }
    message.sha256 = accounts::sha256Hex(bytes);
    message.size = bytes.size();
    message.received_at = clock_.now();
    message.next_attempt_at = message.received_at;
    message.raw = std::move(bytes);
    return messages_.insert(message);
}

core::Result<ProcessResult> InboundPipeline::process(std::int64_t message_id) {
    auto stored = messages_.find(message_id);
    if (!stored) return makeError(ErrorCode::NotFound, "no EDI message " + std::to_string(message_id));
    if (stored->direction != Direction::Inbound) {
        return makeError(ErrorCode::FailedPrecondition,
                         "message " + std::to_string(message_id) + " is outbound");
    }
    pipeline::Run run;
    run.message = std::move(*stored);
    run.message.errors.clear();
    run.result.message_id = message_id;
    const pipeline::Deps deps{partners_, messages_, numbers_, clock_, options_, placer_, items_};
    try {
        runSteps(deps, run);
    } catch (const std::exception& e) {
        run.message.status = MessageStatus::Failed;
        run.message.errors.push_back(pipeline::pipelineError("internal", e.what()));
        try {
            releaseClaims(deps, run);
            (void)messages_.update(run.message);
        } catch (const std::exception&) {
            // The database is the failure: the message stays Received and can be replayed.
        }
        throw;
    }
    // Nothing was ordered: a corrected resend with the same ISA13 must be accepted.
    const bool release =
        run.message.status == MessageStatus::Rejected || run.message.status == MessageStatus::Failed;
    if (!run.result.order_ids.empty()) run.message.order_id = run.result.order_ids.front();
    // The acknowledgements, 855s, released claims and final status: one commit.
    if (auto completed = pipeline::completeRun(deps, run, release); !completed) return completed.takeError();
    run.result.status = run.message.status;
    run.result.errors = run.message.errors;
    return std::move(run.result);
}

bool InboundPipeline::claim(std::int64_t message_id, const std::string& worker) {
    const TimePoint now = clock_.now();
    return messages_.claimInbound(message_id, worker, now, now - options_.claim_timeout);
}

std::size_t InboundPipeline::processPending(const std::string& worker, std::size_t limit,
                                            const std::function<bool()>& stop) {
    std::size_t processed = 0;
    for (const std::int64_t id : messages_.pendingInbound(clock_.now() - options_.claim_timeout, limit)) {
        if (stop && stop()) break;
        if (!claim(id, worker)) continue;  // another worker got it first
        (void)process(id);                 // bad documents end Rejected/Duplicate: not errors here
        ++processed;
    }
    return processed;
}

core::Result<ProcessResult> InboundPipeline::ingest(const std::string& partner_id, std::string bytes,
                                                    const std::string& worker) {
    auto id = storeAs(partner_id, std::move(bytes), worker);
    if (!id) return id.takeError();
    return process(*id);
}

core::Result<ProcessResult> InboundPipeline::replay(std::int64_t message_id, const std::string& worker) {
    auto stored = messages_.find(message_id);
    if (!stored) return makeError(ErrorCode::NotFound, "no EDI message " + std::to_string(message_id));
    if (stored->direction != Direction::Inbound) {
        return makeError(ErrorCode::FailedPrecondition, "only inbound messages can be replayed");
    }
    if (stored->status == MessageStatus::Processed || stored->status == MessageStatus::Duplicate) {
        return makeError(ErrorCode::FailedPrecondition, "message " + std::to_string(message_id) + " is " +
                                                            std::string(toString(stored->status)) +
                                                            "; only received, failed or rejected "
                                                            "messages can be replayed");
    }
    if (stored->status == MessageStatus::Processing ||
        (stored->status == MessageStatus::Received && !claim(message_id, worker))) {
        return makeError(ErrorCode::FailedPrecondition,
                         "message " + std::to_string(message_id) + " is being processed");
    }
    return process(message_id);
}

}  // namespace crossdock::edi
