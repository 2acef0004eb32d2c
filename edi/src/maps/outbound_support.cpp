#include "outbound_support.h"

#include <cstdio>

namespace crossdock::edi::maps::detail {

x12::InterchangeHeader interchangeHeader(const OutboundEnvelope& envelope, std::string_view version) {
    x12::InterchangeHeader header;
    header.sender_qualifier = envelope.sender_qualifier;
    header.sender_id = envelope.sender_id;
    header.receiver_qualifier = envelope.receiver_qualifier;
    header.receiver_id = envelope.receiver_id;
    header.date = envelope.date;
    header.time = envelope.time;
    header.version = std::string(version);
    header.control_number = envelope.interchange_control;
    header.ack_requested = envelope.ack_requested;
    header.usage = envelope.usage;
    return header;
}

x12::GroupHeader groupHeader(const OutboundEnvelope& envelope, std::string_view functional_id,
                             std::string_view gs_version, std::uint32_t control) {
    x12::GroupHeader header;
    header.functional_id = std::string(functional_id);
    header.sender = envelope.sender_gs;
    header.receiver = envelope.receiver_gs;
    header.date = envelope.date;
    header.time = envelope.time;
    header.control_number = control;
    header.version = std::string(gs_version);
    return header;
}

std::string transactionControl(std::uint32_t number) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04u", number);
    return buffer;
}

std::string decimalText(core::Decimal value) { return value.toShortString(); }

std::string impliedTwo(core::Decimal value) {
    const core::Decimal rounded = value.roundHalfUp(2);
    return std::to_string(rounded.raw() / (core::Decimal::kOne / 100));
}

}  // namespace crossdock::edi::maps::detail
