#include "crossdock/edi/message.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <utility>

namespace crossdock::edi {
namespace {

constexpr std::array<std::pair<MessageStatus, std::string_view>, 9> kStatuses{{
    {MessageStatus::Received, "received"},
    {MessageStatus::Processing, "processing"},
    {MessageStatus::Processed, "processed"},
    {MessageStatus::Rejected, "rejected"},
    {MessageStatus::Duplicate, "duplicate"},
    {MessageStatus::Failed, "failed"},
    {MessageStatus::Queued, "queued"},
    {MessageStatus::Ready, "ready"},
    {MessageStatus::Sent, "sent"},
}};

}  // namespace

std::string_view toString(Direction direction) {
    return direction == Direction::Inbound ? "inbound" : "outbound";
}

std::optional<Direction> parseDirection(std::string_view text) {
    if (text == "inbound") return Direction::Inbound;
    if (text == "outbound") return Direction::Outbound;
    return std::nullopt;
}

std::string_view toString(MessageStatus status) {
    for (const auto& [value, name] : kStatuses) {
        if (value == status) return name;
    }
    return "unknown";
}

std::optional<MessageStatus> parseMessageStatus(std::string_view text) {
    for (const auto& [value, name] : kStatuses) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string isoTimestamp(TimePoint time) {
    using namespace std::chrono;
    const auto millis = duration_cast<milliseconds>(time.time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    auto fraction = static_cast<int>(millis % 1000);
    if (fraction < 0) {
        fraction += 1000;
        --seconds;
    }
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, fraction);
    return text;
}

void writeMessage(core::JsonWriter& out, const Message& message, const std::vector<std::int64_t>& related) {
    out.beginObject().field("id", message.id).field("direction", toString(message.direction));
    out.field("partner_id", message.partner_id).field("format", message.format);
    out.field("document_type", message.document_type).field("control_number", message.control_number);
    out.field("status", toString(message.status));
    out.key("errors").beginArray();
    for (const auto& error : message.errors) {
        out.beginObject().field("segment", error.segment).field("element", error.element);
        out.field("code", error.code).field("message", error.message).endObject();
    }
    out.endArray();
    out.key("order_id");
    if (message.order_id) {
        out.number(*message.order_id);
    } else {
        out.null();
    }
    out.key("related").beginArray();
    for (std::int64_t id : related) out.number(id);
    out.endArray();
    out.field("sha256", message.sha256).field("size", message.size);
    out.field("received_at", isoTimestamp(message.received_at));
    out.key("sent_at");
    if (message.sent_at) {
        out.string(isoTimestamp(*message.sent_at));
    } else {
        out.null();
    }
    out.field("attempts", message.attempts).field("last_error", message.last_error);
    out.endObject();
}

}  // namespace crossdock::edi
