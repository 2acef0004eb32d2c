#include "crossdock/edi/maps/acknowledgement.h"

#include <algorithm>
#include <map>

#include "outbound_support.h"

namespace crossdock::edi::maps {
namespace {

using x12::Issue;

// Segment and element errors of one set, grouped by position, in position order.
std::vector<AckSegmentError> segmentErrors(const std::vector<Issue>& issues) {
    std::map<std::pair<std::size_t, std::string>, AckSegmentError> by_position;
    for (const auto& issue : issues) {
        if (!issue.isError()) continue;
        const auto scope = issue.scope();
        if (scope != x12::Scope::Segment && scope != x12::Scope::Element) continue;
        const auto& at = issue.location;
        auto key = std::make_pair(at.transaction_segment, at.segment_id);
        auto [it, fresh] = by_position.try_emplace(key);
        if (fresh) {
            it->second.segment_id = at.segment_id;
            it->second.position = at.transaction_segment;
        }
        if (scope == x12::Scope::Segment) {
            it->second.code = std::get<x12::SegmentCode>(issue.code);
            continue;
        }
        it->second.elements.push_back(AckElementError{at.element, at.component, at.repetition,
                                                      at.element_reference,
                                                      std::get<x12::ElementCode>(issue.code), at.bad_value});
    }
    std::vector<AckSegmentError> out;
    out.reserve(by_position.size());
    for (auto& [key, segment] : by_position) out.push_back(std::move(segment));
    return out;
}

AckTransaction ackTransaction(const InboundTransaction& transaction) {
    AckTransaction ack;
    ack.set_id = transaction.info.set_id;
    ack.control = transaction.info.control_number;
    ack.convention = transaction.info.convention;
    ack.segments = segmentErrors(transaction.issues);
    for (const auto& issue : transaction.issues) {
        if (issue.isError() && issue.scope() == x12::Scope::Transaction)
            ack.codes.push_back(std::get<x12::TransactionCode>(issue.code));
    }
    if (transaction.accepted()) return ack;
    ack.status = 'R';
    if (ack.codes.empty()) ack.codes.push_back(x12::TransactionCode::SegmentsInError);
    return ack;
}

}  // namespace

Ta1Decision decideTa1(const InboundInterchange& interchange) {
    Ta1Decision decision;
    const Issue* first_warning = nullptr;
    for (const auto& issue : interchange.issues) {
        if (issue.scope() != x12::Scope::Interchange) continue;
        if (issue.isError()) {
            decision.needed = true;
            decision.acknowledgment = 'R';
            decision.note = std::get<x12::InterchangeCode>(issue.code);
            return decision;
        }
        if (first_warning == nullptr) first_warning = &issue;
    }
    decision.needed = interchange.info.ack_requested;
    if (first_warning != nullptr) {
        decision.acknowledgment = 'E';
        decision.note = std::get<x12::InterchangeCode>(first_warning->code);
    }
    return decision;
}

FunctionalAck buildFunctionalAck(const InboundGroup& group) {
    FunctionalAck ack;
    ack.implementation = usesImplementationAck(group.info.version);
    ack.functional_id = group.info.functional_id;
    ack.group_control = group.info.control_number;
    ack.version = group.info.version;
    for (const auto& transaction : group.transactions) ack.sets.push_back(ackTransaction(transaction));
    ack.received = group.transactions.size();
    ack.declared = group.result.has_trailer ? group.result.declared : ack.received;
    ack.accepted = group.acceptedCount();
    for (const auto& issue : group.issues) {
        if (issue.isError() && issue.scope() == x12::Scope::Group)
            ack.codes.push_back(std::get<x12::GroupCode>(issue.code));
    }
    if (!ack.codes.empty() || (ack.accepted == 0 && ack.received > 0)) {
        ack.status = 'R';
    } else if (ack.accepted < ack.received) {
        ack.status = 'P';
    }
    return ack;
}

std::vector<FunctionalAck> buildFunctionalAcks(const InboundInterchange& interchange) {
    std::vector<FunctionalAck> acks;
    for (const auto& group : interchange.groups) {
        if (group.info.functional_id != "FA") acks.push_back(buildFunctionalAck(group));
    }
    return acks;
}

}  // namespace crossdock::edi::maps
