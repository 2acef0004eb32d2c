#include "crossdock/sales/outbox.h"

#include <array>

namespace crossdock::sales {
namespace {

constexpr std::array<std::pair<EventType, std::string_view>, 6> kEventNames{{
    {EventType::OrderCreated, "order.created"},
    {EventType::OrderAcknowledged, "order.acknowledged"},
    {EventType::ShipmentCreated, "shipment.created"},
    {EventType::InvoiceCreated, "invoice.created"},
    {EventType::QuoteSent, "quote.sent"},
    {EventType::QuoteExpiring, "quote.expiring"},
}};

}  // namespace

std::string_view toString(EventType type) {
    for (const auto& [t, name] : kEventNames) {
        if (t == type) return name;
    }
    return "order.created";
}

std::optional<EventType> parseEventType(std::string_view text) {
    for (const auto& [t, name] : kEventNames) {
        if (name == text) return t;
    }
    return std::nullopt;
}

std::optional<std::string> OutboxEvent::attribute(std::string_view key) const {
    for (const auto& [k, value] : attributes) {
        if (k == key) return value;
    }
    return std::nullopt;
}

}  // namespace crossdock::sales
