#pragma once

// Helpers shared by the outbound writers (855, 856, 810, acknowledgements).

#include <cstdint>
#include <string>
#include <string_view>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/edi/maps/profile.h"
#include "crossdock/edi/x12/envelope_builder.h"
#include "crossdock/edi/x12/segment_writer.h"

namespace crossdock::edi::maps::detail {

/// The ISA values of `envelope` (ISA12 from `version`, "00401" / "00501").
x12::InterchangeHeader interchangeHeader(const OutboundEnvelope& envelope, std::string_view version);
/// The GS values of `envelope` for `functional_id` and GS08 `gs_version`.
x12::GroupHeader groupHeader(const OutboundEnvelope& envelope, std::string_view functional_id,
                             std::string_view gs_version, std::uint32_t control);
/// ST02 text: at least 4 digits ("0001").
std::string transactionControl(std::uint32_t number);
/// X12 decimal (R): shortest exact text ("12.5", "3", "-0.25").
std::string decimalText(core::Decimal value);
/// X12 N2: the value × 100 rounded half up, as an integer text ("12345" for 123.45).
std::string impliedTwo(core::Decimal value);
/// Remembers the first failed status of a series of writes.
class StatusChain {
public:
    void add(core::Status status) {
        if (ok_ && !status.ok()) {
            error_ = status.takeError();
            ok_ = false;
        }
    }
    bool ok() const { return ok_; }
    core::Error error() const { return error_; }

private:
    bool ok_ = true;
    core::Error error_;
};

/// Writes one interchange with one group and one transaction set, whose body `body`
/// (a callable taking SegmentWriter& and StatusChain&) writes.
template <typename Body>
core::Result<std::string> writeSingleSet(const OutboundEnvelope& envelope, std::string_view functional_id,
                                         std::string_view set_id, Body&& body) {
    x12::SegmentWriter writer(envelope.delimiters, envelope.line_suffix);
    x12::EnvelopeBuilder builder(writer);
    StatusChain chain;
    chain.add(builder.beginInterchange(interchangeHeader(envelope, isaVersionOf(envelope.version))));
    chain.add(
        builder.beginGroup(groupHeader(envelope, functional_id, envelope.version, envelope.group_control)));
    chain.add(builder.beginTransaction(set_id, transactionControl(envelope.transaction_control)));
    body(writer, chain);
    chain.add(builder.endTransaction());
    chain.add(builder.endGroup());
    chain.add(builder.endInterchange());
    if (!chain.ok()) return chain.error();
    return writer.take();
}

}  // namespace crossdock::edi::maps::detail
