// The outbox events of orders, shipments and invoices: one place decides what
// each carries, so EDI adapters and webhooks see the same payload from every path.

#include <string>

#include "crossdock/sales/order_service.h"

namespace crossdock::sales {

OutboxEvent orderCreatedEvent(const Order& order, core::TimePoint at) {
    OutboxEvent event{EventType::OrderCreated, "order", order.id, order.customer_id, at, {}};
    event.attributes = {{"number", order.number},
                        {"po_number", order.po_number},
                        {"source", std::string(toString(order.source))},
                        {"status", std::string(toString(order.status))},
                        {"currency", order.currency},
                        {"total", order.total.toString()},
                        {"lines", std::to_string(order.lines.size())}};
    return event;
}

OutboxEvent orderAcknowledgedEvent(const Order& order, core::TimePoint at) {
    OutboxEvent event{EventType::OrderAcknowledged, "order", order.id, order.customer_id, at, {}};
    event.attributes = {{"number", order.number},
                        {"po_number", order.po_number},
                        {"source", std::string(toString(order.source))}};
    return event;
}

OutboxEvent shipmentCreatedEvent(const Shipment& shipment, const Order& order, core::TimePoint at) {
    OutboxEvent event{EventType::ShipmentCreated, "shipment", shipment.id, shipment.customer_id, at, {}};
    event.attributes = {{"number", shipment.number},
                        {"order_id", std::to_string(order.id)},
                        {"order_number", order.number},
                        {"po_number", order.po_number},
                        {"carrier", shipment.carrier},
                        {"tracking_number", shipment.tracking_number},
                        {"ship_date", shipment.ship_date.toString()},
                        {"order_status", std::string(toString(order.status))}};
    return event;
}

OutboxEvent invoiceCreatedEvent(const Invoice& invoice, core::TimePoint at) {
    OutboxEvent event{EventType::InvoiceCreated, "invoice", invoice.id, invoice.customer_id, at, {}};
    event.attributes = {{"number", invoice.number},
                        {"order_id", std::to_string(invoice.order_id)},
                        {"order_number", invoice.order_number},
                        {"po_number", invoice.po_number},
                        {"currency", invoice.currency},
                        {"total", invoice.total.toString()},
                        {"issue_date", invoice.issue_date.toString()}};
    return event;
}

}  // namespace crossdock::sales
