// Writing TA1, 997 and 999 segments from the acknowledgement model.

#include <string_view>

#include "crossdock/edi/maps/acknowledgement.h"
#include "outbound_support.h"

namespace crossdock::edi::maps {
namespace {

constexpr std::string_view k999Convention = "005010X231A1";
constexpr std::size_t kMaxCodes = 5;

// A copy of inbound text safe to write: delimiters and control bytes become spaces.
std::string clean(std::string_view text, const x12::Delimiters& delimiters, std::size_t max = 99) {
    std::string out(text.substr(0, max));
    for (char& c : out) {
        if (delimiters.isDelimiter(c) || static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void writeElementError(x12::SegmentWriter& writer, detail::StatusChain& chain, const AckElementError& error,
                       bool implementation) {
    const std::string element = std::to_string(error.element);
    const std::string component = error.component == 0 ? "" : std::to_string(error.component);
    const std::string repetition =
        (!implementation || error.repetition == 0) ? "" : std::to_string(error.repetition);
    writer.begin(implementation ? "IK4" : "AK4");
    if (component.empty() && repetition.empty()) {
        writer.element(element);
    } else {
        writer.composite({element, component, repetition});
    }
    writer.element(clean(error.reference, writer.delimiters(), 4))
        .element(x12::toString(error.code))
        .element(clean(error.bad_value, writer.delimiters()));
    chain.add(writer.end());
}

void writeSet(x12::SegmentWriter& writer, detail::StatusChain& chain, const AckTransaction& set,
              bool implementation) {
    const auto& d = writer.delimiters();
    writer.begin("AK2").element(clean(set.set_id, d, 3)).element(clean(set.control, d, 9));
    if (implementation) writer.element(clean(set.convention, d, 35));
    chain.add(writer.end());
    for (const auto& segment : set.segments) {
        writer.begin(implementation ? "IK3" : "AK3")
            .element(clean(segment.segment_id, d, 3))
            .element(std::to_string(segment.position))
            .element("")
            .element(x12::toString(segment.code));
        chain.add(writer.end());
        for (const auto& element : segment.elements)
            writeElementError(writer, chain, element, implementation);
    }
    writer.begin(implementation ? "IK5" : "AK5").element(std::string(1, set.status));
    for (std::size_t i = 0; i < set.codes.size() && i < kMaxCodes; ++i)
        writer.element(x12::toString(set.codes[i]));
    chain.add(writer.end());
}

void writeAckBody(x12::SegmentWriter& writer, detail::StatusChain& chain, const FunctionalAck& ack) {
    const auto& d = writer.delimiters();
    writer.begin("AK1").element(clean(ack.functional_id, d, 2)).element(clean(ack.group_control, d, 9));
    if (ack.implementation) writer.element(clean(ack.version, d, 12));
    chain.add(writer.end());
    for (const auto& set : ack.sets) writeSet(writer, chain, set, ack.implementation);
    writer.begin("AK9")
        .element(std::string(1, ack.status))
        .element(std::to_string(ack.declared))
        .element(std::to_string(ack.received))
        .element(std::to_string(ack.accepted));
    for (std::size_t i = 0; i < ack.codes.size() && i < kMaxCodes; ++i)
        writer.element(x12::toString(ack.codes[i]));
    chain.add(writer.end());
}

}  // namespace

core::Result<std::string> writeTa1(const x12::InterchangeInfo& inbound, char acknowledgment,
                                   x12::InterchangeCode note, const OutboundEnvelope& envelope) {
    x12::SegmentWriter writer(envelope.delimiters, envelope.line_suffix);
    x12::EnvelopeBuilder builder(writer);
    detail::StatusChain chain;
    chain.add(builder.beginInterchange(detail::interchangeHeader(envelope, isaVersionOf(envelope.version))));
    std::string control = clean(inbound.control_number, writer.delimiters(), 9);
    if (control.empty()) control = "000000000";
    chain.add(writer.write("TA1", {control, clean(inbound.date, writer.delimiters(), 6),
                                   clean(inbound.time, writer.delimiters(), 4),
                                   std::string(1, acknowledgment), x12::toString(note)}));
    chain.add(builder.endInterchange());
    if (!chain.ok()) return chain.error();
    return writer.take();
}

core::Result<std::string> writeFunctionalAcks(std::span<const FunctionalAck> acks,
                                              const OutboundEnvelope& envelope) {
    if (acks.empty()) return core::makeError(core::ErrorCode::InvalidArgument, "no acknowledgement to write");
    const bool any999 = std::any_of(acks.begin(), acks.end(), [](const auto& a) { return a.implementation; });
    x12::SegmentWriter writer(envelope.delimiters, envelope.line_suffix);
    x12::EnvelopeBuilder builder(writer);
    detail::StatusChain chain;
    chain.add(builder.beginInterchange(
        detail::interchangeHeader(envelope, any999 ? "00501" : isaVersionOf(envelope.version))));
    std::uint32_t group_control = envelope.group_control;
    std::uint32_t set_control = envelope.transaction_control;
    for (const bool implementation : {false, true}) {
        const bool any = std::any_of(acks.begin(), acks.end(),
                                     [&](const auto& a) { return a.implementation == implementation; });
        if (!any) continue;
        const std::string_view gs_version = implementation ? k999Convention : std::string_view("004010");
        chain.add(builder.beginGroup(detail::groupHeader(envelope, "FA", gs_version, group_control++)));
        for (const auto& ack : acks) {
            if (ack.implementation != implementation) continue;
            chain.add(builder.beginTransaction(implementation ? "999" : "997",
                                               detail::transactionControl(set_control++),
                                               implementation ? k999Convention : std::string_view()));
            writeAckBody(writer, chain, ack);
            chain.add(builder.endTransaction());
        }
        chain.add(builder.endGroup());
    }
    chain.add(builder.endInterchange());
    if (!chain.ok()) return chain.error();
    return writer.take();
}

}  // namespace crossdock::edi::maps
