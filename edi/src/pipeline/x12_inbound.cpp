// The X12 part of the pipeline: per interchange, who sent it and to whom, whether it was
// received before, its acknowledgements, its 850s as orders and their 855s.
#include "crossdock/edi/maps/acknowledgement.h"
#include "crossdock/edi/maps/inbound.h"
#include "crossdock/edi/maps/outbound.h"
#include "pipeline_run.h"

namespace crossdock::edi::pipeline {
namespace {

using x12::InterchangeCode;

maps::PartnerMapping mappingOf(const Partner& partner) {
    maps::PartnerMapping mapping;
    mapping.customer_id = partner.customer_id;
    for (const auto& x : partner.item_xref) mapping.item_xref.emplace(x.partner_item, x.sku);
    for (const auto& [theirs, ours] : partner.uom_map) mapping.uom_map.emplace(theirs, ours);
    return mapping;
}

std::string groupVersion(const maps::InboundInterchange& interchange) {
    if (!interchange.groups.empty() && !interchange.groups.front().info.version.empty()) {
        return interchange.groups.front().info.version;
    }
    return interchange.info.version == "00501" ? "005010" : "004010";
}

void addError(Run& run, MessageError error) { run.message.errors.push_back(std::move(error)); }

// Queues a TA1. A TA1 that cannot be written is an error on the message.
void sendTa1(const Deps& deps, Run& run, const maps::InboundInterchange& ic, char acknowledgment,
             InterchangeCode note) {
    queueOutbound(
        deps, run, groupVersion(ic), "TA1",
        [info = ic.info, acknowledgment, note](const maps::OutboundEnvelope& envelope) {
            return maps::writeTa1(info, acknowledgment, note, envelope);
        },
        "ack_failed", "the TA1");
}

// Sender must be the partner whose key sent it; receiver must be us. The TA1 code when not.
std::optional<std::pair<InterchangeCode, std::string>> addressProblem(const Deps& deps,
                                                                      const Partner& partner,
                                                                      const x12::InterchangeInfo& info) {
    const X12Ids& ids = *partner.x12;
    const EdiIdentity& us = deps.options.us;
    if (info.sender_qualifier != ids.isa_qualifier) {
        return std::pair{InterchangeCode::InvalidSenderQualifier,
                         "sender qualifier " + info.sender_qualifier + " is not partner " + partner.id +
                             "'s " + ids.isa_qualifier};
    }
    if (info.sender_id != ids.isa_id) {
        return std::pair{InterchangeCode::InvalidSenderId,
                         "sender " + info.sender_id + " is not partner " + partner.id + "'s " + ids.isa_id};
    }
    if (info.receiver_qualifier != us.isa_qualifier) {
        return std::pair{
            InterchangeCode::InvalidReceiverQualifier,
            "receiver qualifier " + info.receiver_qualifier + " is not ours (" + us.isa_qualifier + ")"};
    }
    if (info.receiver_id != us.isa_id) {
        return std::pair{InterchangeCode::UnknownReceiverId,
                         "the interchange is addressed to " + info.receiver_id + ", not to " + us.isa_id};
    }
    // The X12 versions the partner may send (its profile's formats).
    const std::string format = info.version == "00401"   ? "x12-004010"
                               : info.version == "00501" ? "x12-005010"
                                                         : "";
    if (!format.empty() && !partner.speaks(format)) {
        return std::pair{
            InterchangeCode::VersionNotSupported,
            "partner " + partner.id + " is not set up for " + format + " (formats of its profile)"};
    }
    return std::nullopt;
}

MessageError envelopeError(InterchangeCode code, std::string message) {
    return MessageError{"ISA", code == InterchangeCode::DuplicateControlNumber ? "13" : "",
                        "TA1 " + std::string(x12::toString(code)), std::move(message)};
}

bool has855(const Deps& deps, const Run& run, std::int64_t order_id) {
    for (const std::int64_t id : deps.messages.relatedTo(run.message.id)) {
        auto answer = deps.messages.find(id);
        if (answer && answer->document_type == "855" && answer->order_id == order_id) return true;
    }
    return false;
}

void queue855(const Deps& deps, Run& run, const maps::InboundInterchange& ic, const sales::Order& order,
              const std::optional<core::Date>& po_date) {
    queueOutbound(
        deps, run, groupVersion(ic), "855",
        [order, po_date](const maps::OutboundEnvelope& envelope) {
            return maps::write855(order, envelope, po_date);
        },
        "855_failed", "the 855", order.id);
}

void placeOrder(const Deps& deps, Run& run, const maps::InboundInterchange& ic, const maps::PurchaseOrder& po,
                bool only_one) {
    sales::OrderRequest request = po.request;
    request.source = sales::OrderSource::X12;
    request.customer_id = run.partner.customer_id;
    request.requested_by = 0;
    // Idempotency: the inbox id for a message with one 850; the PO number otherwise.
    if (only_one) request.source_message_id = run.message.id;
    sales::PlaceResult placed = deps.placer(partnerCaller(run.partner), std::move(request));
    if (!placed.order) {
        run.rejected = true;
        const core::Error error =
            placed.error.value_or(core::makeError(core::ErrorCode::Internal, "no order"));
        addError(run, MessageError{"BEG", "3", "order_" + std::string(core::toString(error.code)),
                                   "PO " + po.request.po_number + ": " + error.describe()});
        return;
    }
    run.result.order_ids.push_back(placed.order->id);
    for (const auto& line : placed.line_errors) {
        addError(run, MessageError{"PO1", "", "line_" + std::string(core::toString(line.error.code)),
                                   "PO " + po.request.po_number + " line " + line.line_ref + ": " +
                                       line.error.describe()});
    }
    // A replay finds the order of the first run of this message: its 855 was stored with that
    // run's end, unless the run died in between (then it goes out now). An order another
    // message created (same PO number) gets no 855 from this one.
    if (!placed.created()) {
        if (placed.order->source_message_id != run.message.id) return;
        if (has855(deps, run, placed.order->id)) return;
    }
    queue855(deps, run, ic, *placed.order, po.po_date);
}

void sendFunctionalAcks(const Deps& deps, Run& run, const maps::InboundInterchange& ic) {
    std::vector<maps::FunctionalAck> acks = maps::buildFunctionalAcks(ic);
    if (acks.empty()) return;
    std::string type = acks.front().implementation ? "999" : "997";
    queueOutbound(
        deps, run, groupVersion(ic), std::move(type),
        [acks = std::move(acks)](const maps::OutboundEnvelope& envelope) {
            return maps::writeFunctionalAcks(acks, envelope);
        },
        "ack_failed", "the 997/999");
}

void collectIssues(Run& run, const maps::InboundInterchange& ic) {
    auto add = [&run](const std::vector<x12::Issue>& issues) {
        for (const auto& issue : issues) {
            if (!issue.isError()) continue;
            run.rejected = true;
            run.message.errors.push_back(toMessageError(issue));
        }
    };
    add(ic.issues);
    for (const auto& group : ic.groups) {
        add(group.issues);
        for (const auto& set : group.transactions) add(set.issues);
    }
}

void handleInterchange(const Deps& deps, Run& run, const maps::InboundInterchange& ic, bool only_one_po) {
    if (run.message.control_number.empty()) run.message.control_number = ic.info.control_number;
    if (auto problem = addressProblem(deps, run.partner, ic.info)) {
        run.rejected = true;
        addError(run, envelopeError(problem->first, problem->second));
        sendTa1(deps, run, ic, 'R', problem->first);
        return;
    }
    const TimePoint now = deps.clock.now();
    auto claim = deps.messages.claimInterchange(run.partner.id, ic.info.control_number, run.message.id, now,
                                                now - deps.options.duplicate_window);
    if (!claim) {
        run.duplicate = true;
        addError(run, envelopeError(InterchangeCode::DuplicateControlNumber,
                                    "interchange " + ic.info.control_number +
                                        " was already received in message " + claim.error().message));
        sendTa1(deps, run, ic, 'R', InterchangeCode::DuplicateControlNumber);
        return;
    }
    run.claimed.push_back(ic.info.control_number);
    const maps::Ta1Decision ta1 = maps::decideTa1(ic);
    if (ta1.needed) sendTa1(deps, run, ic, ta1.acknowledgment, ta1.note);
    collectIssues(run, ic);
    if (ta1.acknowledgment == 'R') return;  // the interchange is refused as a whole
    sendFunctionalAcks(deps, run, ic);
    for (const auto& group : ic.groups) {
        for (const auto& set : group.transactions) {
            if (set.purchase_order && set.accepted())
                placeOrder(deps, run, ic, *set.purchase_order, only_one_po);
        }
    }
}

}  // namespace

void processX12(const Deps& deps, Run& run) {
    if (!run.partner.x12) {
        run.message.errors.push_back(
            pipelineError("partner_profile", "partner " + run.partner.id + " has no X12 identifiers"));
        run.rejected = true;
        return;
    }
    maps::PurchaseOrderOptions po_options;
    po_options.items = deps.items;
    const maps::InboundDocument document =
        maps::readInbound(run.message.raw, mappingOf(run.partner), po_options);
    for (const auto& issue : document.loose_issues) {
        if (!issue.isError()) continue;
        run.rejected = true;
        run.message.errors.push_back(toMessageError(issue));
    }
    if (document.interchanges.empty()) {
        run.rejected = true;
        if (run.message.errors.empty()) {
            run.message.errors.push_back(pipelineError("TA1 023", "no X12 interchange in the document"));
        }
        return;
    }
    const bool only_one_po = document.purchaseOrders().size() == 1;
    for (const auto& interchange : document.interchanges) {
        if (run.message.document_type.empty() && !interchange.groups.empty() &&
            !interchange.groups.front().transactions.empty()) {
            run.message.document_type = interchange.groups.front().transactions.front().info.set_id;
        }
        handleInterchange(deps, run, interchange, only_one_po);
    }
}

}  // namespace crossdock::edi::pipeline
