#pragma once

// The EDI message log: every document received (inbox) or produced (outbox), with its raw
// bytes exactly as they arrived or left, its processing status and positioned errors, and the
// links to the order and to the messages that answer it. Standard library + core only.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/json.h"

namespace crossdock::edi {

using TimePoint = std::chrono::system_clock::time_point;

enum class Direction { Inbound, Outbound };
/// "inbound" / "outbound".
std::string_view toString(Direction direction);
std::optional<Direction> parseDirection(std::string_view text);

/// Where a message stands.
/// Inbound: Received (stored, not yet processed) → Processing (claimed by one worker: the
/// background job of one server, or `crossdock edi ingest`) → Processed (acknowledged; an order when it
/// was an 850), Rejected (the document or its envelope is wrong: acknowledged with the codes,
/// no order), Duplicate (the partner sent this interchange control number before: TA1 025),
/// Failed (processing stopped on an infrastructure error or a missing profile; may be replayed).
/// Outbound: Queued (waiting for delivery), Ready (stored; the partner has no delivery URL),
/// Sent (delivered), Failed (delivery gave up after its retries).
enum class MessageStatus {
    Received,
    Processing,
    Processed,
    Rejected,
    Duplicate,
    Failed,
    Queued,
    Ready,
    Sent
};
/// "received", "processing", "processed", "rejected", "duplicate", "failed", "queued", "ready", "sent".
std::string_view toString(MessageStatus status);
std::optional<MessageStatus> parseMessageStatus(std::string_view text);

/// One positioned problem, as the message log shows it.
struct MessageError {
    std::string segment;  ///< "PO1" or "segment 14 (PO1)"; empty when not positioned
    std::string element;  ///< "2" or ""; the element position in the segment
    std::string code;     ///< the acknowledgement code ("TA1 025", "AK5 4") or an error code
    std::string message;

    bool operator==(const MessageError&) const = default;
};

/// One stored document. A value type.
struct Message {
    std::int64_t id = 0;  ///< assigned by the repository
    Direction direction = Direction::Inbound;
    std::string partner_id;
    std::string format;          ///< "x12", "edifact", "cxml", "ubl" or "unknown"
    std::string document_type;   ///< "850", "997", "999", "TA1", "855"; "" until known
    std::string control_number;  ///< ISA13 (the interchange's); "" until known
    MessageStatus status = MessageStatus::Received;
    std::vector<MessageError> errors;
    std::optional<std::int64_t> order_id;
    std::optional<std::int64_t> related_to;  ///< outbound: the message it answers
    std::string raw;                         ///< the bytes, unchanged (empty in list() results)
    std::string sha256;                      ///< lower-case hex of raw
    std::size_t size = 0;                    ///< raw.size() (also filled in list() results)
    TimePoint received_at;                   ///< inbound: stored; outbound: created
    std::optional<TimePoint> sent_at;        ///< outbound: delivered
    int attempts = 0;                        ///< outbound: delivery attempts so far
    TimePoint next_attempt_at;               ///< outbound Queued: when it is next due
    std::string last_error;                  ///< outbound: the last delivery failure
    std::string claimed_by;                  ///< inbound Processing: which worker holds it
    std::optional<TimePoint> claimed_at;     ///< inbound: when it was last claimed

    bool operator==(const Message&) const = default;
};

/// Filters of the message log. Empty fields do not filter.
struct MessageQuery {
    std::string partner_id;
    std::optional<Direction> direction;
    std::optional<MessageStatus> status;
    /// Cursor: messages with an id below this (newest first); 0 for the first page.
    std::int64_t before_id = 0;
    std::size_t limit = 50;
};

/// The message as the API shows it (CONTRACT.md): id, direction, partner_id, format, status,
/// errors, order_id, related; plus document_type, control_number, sha256, size, received_at,
/// sent_at, attempts, last_error. `related`: the ids of the messages answering it (inbound)
/// or the one it answers (outbound).
void writeMessage(core::JsonWriter& out, const Message& message, const std::vector<std::int64_t>& related);

/// A timestamp as ISO 8601 UTC with milliseconds ("2026-11-22T01:02:03.456Z").
std::string isoTimestamp(TimePoint time);

}  // namespace crossdock::edi
