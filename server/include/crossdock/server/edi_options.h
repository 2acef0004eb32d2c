#pragma once

#include <chrono>
#include <cstddef>

#include "crossdock/edi/inbound_pipeline.h"

namespace crossdock::server {

/// EDI settings of a process (config keys in parentheses; docs/edi-x12.md lists them).
struct EdiOptions {
    /// Our identifiers (edi.x12.isa_qualifier, edi.x12.isa_id, edi.x12.gs_id), the duplicate
    /// window (edi.duplicate_window_days, default 30) and the outbound line suffix
    /// (edi.x12.line_suffix: "lf" default, or "none").
    edi::PipelineOptions pipeline;
    /// Largest body POST /edi/inbound takes (edi.max_inbound_bytes, default 64 MiB); larger: 413.
    std::size_t max_inbound_bytes = std::size_t{64} << 20;
    /// How often the delivery job looks for due outbound messages (edi.delivery.interval_ms).
    std::chrono::milliseconds delivery_interval{1000};
    /// Attempts before an outbound message is marked failed (edi.delivery.max_attempts).
    int delivery_max_attempts = 5;
    /// Wait after the first failed attempt, doubled after each further one
    /// (edi.delivery.backoff_seconds).
    std::chrono::seconds delivery_backoff{30};
    /// Connect/send/receive timeout of one delivery POST (edi.delivery.timeout_seconds).
    std::chrono::seconds delivery_timeout{30};
    /// How often the inbound job looks for stored messages to process (edi.inbound.poll_ms,
    /// default 100). POST /edi/inbound answers 202 once the message is stored; the job
    /// claims and processes it. The claim timeout is pipeline.claim_timeout
    /// (edi.inbound.claim_timeout_seconds, default 300).
    std::chrono::milliseconds inbound_poll{100};
};

}  // namespace crossdock::server
