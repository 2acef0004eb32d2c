#pragma once
// In-memory fakes of the interfaces sales declares, for domain tests only. The
// real repositories (storage/) run their own suite on SQLite and PostgreSQL.

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "crossdock/sales/order_repository.h"
#include "crossdock/sales/ports.h"
#include "crossdock/sales/quote_repository.h"

namespace crossdock::sales::testing {

inline core::Error conflict(std::string message) {
    return core::makeError(core::ErrorCode::Conflict, std::move(message));
}

inline bool inScope(const std::optional<std::string>& scope, const std::string& customer_id) {
    return !scope || *scope == customer_id;
}

/// Checks the row_version contract every update shares.
template <typename T>
core::Status checkVersions(const T& stored, const T& incoming, std::int64_t expected) {
    if (stored.row_version != expected) return conflict("stale row_version");
    if (incoming.row_version != expected + 1) throw std::logic_error("caller must pass expected + 1");
    if (incoming.transitions.size() < stored.transitions.size()) throw std::logic_error("transitions shrank");
    return {};
}

class InMemoryQuotes final : public QuoteRepository {
public:
    core::Status create(const Quote& quote, std::span<const OutboxEvent> events) override {
        if (quotes_.count(quote.id)) return conflict("quote id exists");
        quotes_[quote.id] = quote;
        events_.insert(events_.end(), events.begin(), events.end());
        return {};
    }
    std::optional<Quote> find(std::int64_t id, const std::optional<std::string>& scope) const override {
        auto it = quotes_.find(id);
        if (it == quotes_.end() || !inScope(scope, it->second.customer_id)) return std::nullopt;
        return it->second;
    }
    core::Status update(const Quote& quote, std::int64_t expected,
                        const std::optional<QuoteVersion>& archived,
                        std::span<const OutboxEvent> events) override {
        auto it = quotes_.find(quote.id);
        if (it == quotes_.end()) return core::makeError(core::ErrorCode::NotFound, "no quote");
        if (lose_next_race_) {  // another instance writes between our read and our write
            lose_next_race_ = false;
            ++it->second.row_version;
        }
        if (auto status = checkVersions(it->second, quote, expected); !status) return status;
        if (archived) {
            auto key = std::make_pair(archived->quote_id, archived->version);
            if (versions_.count(key)) return conflict("version archived already");
            versions_[key] = *archived;
        }
        it->second = quote;
        events_.insert(events_.end(), events.begin(), events.end());
        return {};
    }
    std::optional<QuoteVersion> findVersion(std::int64_t id, int version,
                                            const std::optional<std::string>& scope) const override {
        if (!find(id, scope)) return std::nullopt;
        auto it = versions_.find({id, version});
        return it == versions_.end() ? std::nullopt : std::optional<QuoteVersion>(it->second);
    }
    std::vector<Quote> findSentDueBy(core::Date last_day) const override {
        std::vector<Quote> due;
        for (const auto& [id, q] : quotes_) {
            if (q.status == QuoteStatus::Sent && q.valid_until <= last_day) due.push_back(q);
        }
        std::stable_sort(due.begin(), due.end(),
                         [](const Quote& a, const Quote& b) { return a.valid_until < b.valid_until; });
        return due;
    }
    std::vector<Quote> list(const QuoteQuery& q) const override {
        std::vector<Quote> out;
        for (const auto& [id, quote] : quotes_) {
            if (id <= q.after_id || !inScope(q.scope, quote.customer_id)) continue;
            if ((q.status && quote.status != *q.status) ||
                (!q.customer_id.empty() && quote.customer_id != q.customer_id) ||
                (q.rep_id != 0 && quote.rep_id != q.rep_id)) {
                continue;
            }
            if (out.size() == q.limit) break;
            out.push_back(quote);
        }
        return out;
    }

    /// Test hooks: force a stored state; simulate another instance's write.
    void put(const Quote& quote) { quotes_[quote.id] = quote; }
    void touch(std::int64_t id) { ++quotes_.at(id).row_version; }
    void loseNextRace() { lose_next_race_ = true; }
    const std::vector<OutboxEvent>& events() const { return events_; }

private:
    bool lose_next_race_ = false;
    std::map<std::int64_t, Quote> quotes_;
    std::map<std::pair<std::int64_t, int>, QuoteVersion> versions_;
    std::vector<OutboxEvent> events_;
};

class InMemoryOrders final : public OrderRepository {
public:
    /// The customer's exposure as the database would see it when an order with a
    /// credit ceiling is stored (unset: the ceiling always holds).
    std::function<core::Decimal()> exposure_at_create;

    using OrderRepository::create;
    core::Status create(const Order& order, std::span<const OutboxEvent> events,
                        const std::optional<ExposureCeiling>& ceiling) override {
        if (ceiling && exposure_at_create && exposure_at_create() > ceiling->max_exposure) {
            return core::makeError(core::ErrorCode::FailedPrecondition, "credit exposure rose");
        }
        if (orders_.count(order.id)) return conflict("order id exists");
        if (!order.po_number.empty() && findByPoNumber(order.customer_id, order.po_number)) {
            return conflict("PO number used");
        }
        if (order.source_message_id && findBySourceMessage(*order.source_message_id)) {
            return conflict("message ingested");
        }
        orders_[order.id] = order;
        events_.insert(events_.end(), events.begin(), events.end());
        return {};
    }
    std::optional<Order> find(std::int64_t id, const std::optional<std::string>& scope) const override {
        auto it = orders_.find(id);
        if (it == orders_.end() || !inScope(scope, it->second.customer_id)) return std::nullopt;
        return it->second;
    }
    std::optional<Order> findByPoNumber(const std::string& customer_id,
                                        const std::string& po) const override {
        for (const auto& [id, o] : orders_) {
            if (!po.empty() && o.customer_id == customer_id && o.po_number == po) return o;
        }
        return std::nullopt;
    }
    std::optional<Order> findBySourceMessage(std::int64_t message_id) const override {
        for (const auto& [id, o] : orders_) {
            if (o.source_message_id == message_id) return o;
        }
        return std::nullopt;
    }
    std::vector<Order> list(const OrderQuery& q) const override {
        std::vector<Order> out;
        for (const auto& [id, o] : orders_) {
            if (id <= q.after_id || !inScope(q.scope, o.customer_id)) continue;
            if ((q.status && o.status != *q.status) || (!q.po_number.empty() && o.po_number != q.po_number) ||
                (!q.customer_id.empty() && o.customer_id != q.customer_id)) {
                continue;
            }
            if (out.size() == q.limit) break;
            out.push_back(o);
        }
        return out;
    }
    core::Status update(const Order& order, std::int64_t expected,
                        std::span<const OutboxEvent> events) override {
        auto it = orders_.find(order.id);
        if (it == orders_.end()) return core::makeError(core::ErrorCode::NotFound, "no order");
        if (auto status = checkVersions(it->second, order, expected); !status) return status;
        it->second = order;
        events_.insert(events_.end(), events.begin(), events.end());
        return {};
    }
    core::Status addShipment(const Order& order, std::int64_t expected, const Shipment& shipment,
                             std::span<const OutboxEvent> events) override {
        for (const auto& [id, s] : shipments_) {
            for (const Package& p : s.packages) {
                for (const Package& q : shipment.packages) {
                    if (p.sscc == q.sscc) return conflict("SSCC shipped before");
                }
            }
        }
        if (auto status = update(order, expected, events); !status) return status;
        shipments_[shipment.id] = shipment;
        return {};
    }
    core::Status addInvoice(const Order& order, std::int64_t expected, const Invoice& invoice,
                            std::span<const OutboxEvent> events) override {
        if (auto status = update(order, expected, events); !status) return status;
        invoices_[invoice.id] = invoice;
        return {};
    }
    std::optional<Shipment> findShipment(std::int64_t id,
                                         const std::optional<std::string>& scope) const override {
        auto it = shipments_.find(id);
        if (it == shipments_.end() || !inScope(scope, it->second.customer_id)) return std::nullopt;
        return it->second;
    }
    std::optional<Invoice> findInvoice(std::int64_t id,
                                       const std::optional<std::string>& scope) const override {
        auto it = invoices_.find(id);
        if (it == invoices_.end() || !inScope(scope, it->second.customer_id)) return std::nullopt;
        return it->second;
    }
    std::vector<Shipment> shipmentsOf(std::int64_t order_id) const override {
        std::vector<Shipment> out;
        for (const auto& [id, s] : shipments_) {
            if (s.order_id == order_id) out.push_back(s);
        }
        return out;
    }
    std::vector<Invoice> invoicesOf(std::int64_t order_id) const override {
        std::vector<Invoice> out;
        for (const auto& [id, i] : invoices_) {
            if (i.order_id == order_id) out.push_back(i);
        }
        return out;
    }

    void put(const Order& order) { orders_[order.id] = order; }
    void touch(std::int64_t id) { ++orders_.at(id).row_version; }
    const std::vector<OutboxEvent>& events() const { return events_; }

private:
    std::map<std::int64_t, Order> orders_;
    std::map<std::int64_t, Shipment> shipments_;
    std::map<std::int64_t, Invoice> invoices_;
    std::vector<OutboxEvent> events_;
};

class FakeItems final : public ItemLookup {
public:
    std::optional<ItemFacts> find(const std::string& customer_id, std::string_view code) const override {
        auto it = items_.find(std::string(code));
        if (it != items_.end()) return it->second;
        auto part = parts_.find({customer_id, std::string(code)});
        if (part == parts_.end()) return std::nullopt;
        ItemFacts facts = items_.at(part->second);
        facts.customer_part_number = part->first.second;
        return facts;
    }
    ItemFacts& put(ItemFacts facts) { return items_[facts.sku] = std::move(facts); }
    ItemFacts& at(const std::string& sku) { return items_.at(sku); }
    void partNumber(const std::string& customer, const std::string& part, const std::string& sku) {
        parts_[{customer, part}] = sku;
    }

private:
    std::map<std::string, ItemFacts> items_;
    std::map<std::pair<std::string, std::string>, std::string> parts_;
};

class FakePricer final : public LinePricer {
public:
    core::Result<PricedLine> price(const std::string& customer_id, const std::string& sku,
                                   const std::string& uom, core::Decimal, core::Date) const override {
        auto it = prices_.find({sku, uom});
        if (it == prices_.end())
            return core::makeError(core::ErrorCode::NotFound, "no price for " + sku + " " + uom);
        auto currency = currencies_.find(customer_id);
        return PricedLine{it->second, currency == currencies_.end() ? "USD" : currency->second,
                          "list BASE, " + sku + " " + uom};
    }
    void set(const std::string& sku, const std::string& uom, core::Decimal price) {
        prices_[{sku, uom}] = price;
    }
    void currency(const std::string& customer, const std::string& code) { currencies_[customer] = code; }

private:
    std::map<std::pair<std::string, std::string>, core::Decimal> prices_;
    std::map<std::string, std::string> currencies_;
};

class FakeCustomers final : public CustomerDirectory {
public:
    std::optional<CustomerFacts> find(const std::string& id) const override {
        auto it = customers_.find(id);
        return it == customers_.end() ? std::nullopt : std::optional<CustomerFacts>(it->second);
    }
    CustomerFacts& put(CustomerFacts facts) { return customers_[facts.id] = std::move(facts); }
    CustomerFacts& at(const std::string& id) { return customers_.at(id); }

private:
    std::map<std::string, CustomerFacts> customers_;
};

class FakeTaxRates final : public TaxRates {
public:
    core::Result<core::Decimal> ratePercent(const std::string&, const std::string& sku) const override {
        auto it = rates_.find(sku);
        if (it != rates_.end()) return it->second;
        if (fallback_) return *fallback_;
        return core::makeError(core::ErrorCode::NotFound, "no tax rate for " + sku);
    }
    void set(const std::string& sku, core::Decimal rate) { rates_[sku] = rate; }
    void fallback(std::optional<core::Decimal> rate) { fallback_ = rate; }

private:
    std::map<std::string, core::Decimal> rates_;
    std::optional<core::Decimal> fallback_;
};

class CountingIds final : public IdSequence {
public:
    std::int64_t next(std::string_view name) override { return ++counters_[std::string(name)]; }

private:
    std::map<std::string, std::int64_t> counters_;
};

}  // namespace crossdock::sales::testing
