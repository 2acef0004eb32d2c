// Outbound documents of the pipeline: envelopes with the partner's control numbers, and the
// outbox rows that carry them.
#include <ctime>

#include "crossdock/accounts/password.h"
#include "pipeline_run.h"

namespace crossdock::edi::pipeline {
namespace {

struct Stamp {
    std::string date;  // CCYYMMDD
    std::string time;  // HHMM
};

Stamp stampOf(TimePoint at) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char date[16];
    char time[8];
    std::strftime(date, sizeof date, "%Y%m%d", &utc);
    std::strftime(time, sizeof time, "%H%M", &utc);
    return Stamp{date, time};
}

std::string prefixOf(x12::Scope scope) {
    switch (scope) {
        case x12::Scope::Interchange:
            return "TA1";
        case x12::Scope::Group:
            return "AK9";
        case x12::Scope::Transaction:
            return "AK5";
        case x12::Scope::Segment:
            return "AK3";
        case x12::Scope::Element:
            return "AK4";
    }
    return "X12";
}

}  // namespace

maps::OutboundEnvelope makeEnvelope(const Deps& deps, const Partner& partner, const std::string& version,
                                    const EnvelopeNumbers& numbers) {
    maps::OutboundEnvelope envelope;
    envelope.line_suffix = deps.options.line_suffix;
    envelope.version = version.rfind("00501", 0) == 0 ? "005010" : "004010";
    envelope.sender_qualifier = deps.options.us.isa_qualifier;
    envelope.sender_id = deps.options.us.isa_id;
    envelope.sender_gs = deps.options.us.gs_id;
    if (partner.x12) {
        envelope.receiver_qualifier = partner.x12->isa_qualifier;
        envelope.receiver_id = partner.x12->isa_id;
        envelope.receiver_gs = partner.x12->gs_id;
        applyPartnerSyntax(envelope, *partner.x12);
    }
    const Stamp stamp = stampOf(deps.clock.now());
    envelope.date = stamp.date;
    envelope.time = stamp.time;
    envelope.interchange_control = numbers.interchange;
    envelope.group_control = numbers.group;
    envelope.transaction_control = numbers.transaction;
    return envelope;
}

void queueOutbound(const Deps& deps, Run& run, std::string version, std::string document_type,
                   DocumentWriter write, std::string error_code, std::string what,
                   std::optional<std::int64_t> order_id) {
    auto draft = [&deps, &run, version = std::move(version), type = std::move(document_type),
                  write = std::move(write), code = std::move(error_code), what = std::move(what),
                  order_id](const EnvelopeNumbers& numbers) -> std::optional<Message> {
        const maps::OutboundEnvelope envelope = makeEnvelope(deps, run.partner, version, numbers);
        auto bytes = write(envelope);
        if (!bytes) {
            run.message.errors.push_back(
                pipelineError(code, "could not write " + what + ": " + bytes.error().describe()));
            return std::nullopt;
        }
        Message out;
        out.direction = Direction::Outbound;
        out.partner_id = run.partner.id;
        out.format = "x12";
        out.document_type = type;
        const std::string control = std::to_string(envelope.interchange_control);
        out.control_number = std::string(control.size() < 9 ? 9 - control.size() : 0, '0') + control;
        out.status = run.partner.delivery ? MessageStatus::Queued : MessageStatus::Ready;
        out.order_id = order_id;
        out.related_to = run.message.id;
        out.sha256 = accounts::sha256Hex(*bytes);
        out.size = bytes->size();
        out.raw = std::move(*bytes);
        out.received_at = deps.clock.now();
        out.next_attempt_at = out.received_at;
        return out;
    };
    run.drafts.push_back(OutboundDraft{run.partner.id, std::move(draft)});
}

core::Status completeRun(const Deps& deps, Run& run, bool release_claims) {
    const std::vector<std::string> none;
    auto ids = deps.messages.complete(run.message, run.drafts, release_claims ? run.claimed : none);
    if (!ids) return ids.takeError();
    run.result.outbound_ids.insert(run.result.outbound_ids.end(), ids->begin(), ids->end());
    return {};
}

MessageError toMessageError(const x12::Issue& issue) {
    MessageError error;
    const auto& at = issue.location;
    if (!at.segment_id.empty()) {
        error.segment = at.segment_id;
        if (at.transaction_segment > 0) error.segment += " #" + std::to_string(at.transaction_segment);
    }
    if (at.element > 0) error.element = std::to_string(at.element);
    error.code = prefixOf(issue.scope()) + " " + std::string(issue.codeText());
    error.message = issue.message + " (" + issue.where() + ")";
    return error;
}

MessageError pipelineError(std::string code, std::string message) {
    return MessageError{"", "", std::move(code), std::move(message)};
}

}  // namespace crossdock::edi::pipeline
