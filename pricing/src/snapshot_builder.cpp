// SnapshotBuilder: collects puts cheaply (entries are compiled to rows as they
// arrive) and validates everything in build(), in this order: per-entry checks,
// list headers, entries per list, rule lists, derivation (sources, currencies,
// cycles), customers. The first error wins.

#include <stdexcept>

#include "builder_state.h"
#include "compiled_rules.h"
#include "crossdock/pricing/snapshot.h"

namespace crossdock::pricing {

using detail::BuilderState;
using detail::ListChange;
using detail::ListData;
using detail::StringTable;

namespace {

core::Error invalid(std::string message, std::string where) {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message), std::move(where));
}

std::optional<core::Error> checkValidity(const std::optional<core::Date>& from,
                                         const std::optional<core::Date>& to, const std::string& where) {
    if (from && to && *to < *from) {
        return invalid("validity ends (" + to->toString() + ") before it starts (" + from->toString() + ")",
                       where);
    }
    return std::nullopt;
}

std::string orDefault(std::string where, std::string_view prefix, std::string_view id) {
    return where.empty() ? std::string(prefix) + std::string(id) : where;
}

}  // namespace

namespace detail {

ListChange& BuilderState::changeFor(std::string_view list_id) {
    if (auto found = list_change_index.find(list_id); found != list_change_index.end()) {
        return list_changes[found->second];
    }
    list_change_index.emplace(std::string(list_id), list_changes.size());
    list_changes.push_back(ListChange{});
    list_changes.back().id = std::string(list_id);
    return list_changes.back();
}

}  // namespace detail

SnapshotBuilder::SnapshotBuilder(std::shared_ptr<const ItemLookup> items)
    : state_(std::make_unique<BuilderState>(nullptr, std::move(items))) {
    if (!state_->items) throw std::invalid_argument("SnapshotBuilder: no item lookup");
}

SnapshotBuilder::SnapshotBuilder(std::shared_ptr<const PriceSnapshot> base)
    : state_(std::make_unique<BuilderState>(base->sharedState(), base->state().items)) {}

SnapshotBuilder::SnapshotBuilder(SnapshotBuilder&&) noexcept = default;
SnapshotBuilder& SnapshotBuilder::operator=(SnapshotBuilder&&) noexcept = default;
SnapshotBuilder::~SnapshotBuilder() = default;

void SnapshotBuilder::setItems(std::shared_ptr<const ItemLookup> items) {
    if (!items) throw std::invalid_argument("SnapshotBuilder: no item lookup");
    state_->items = std::move(items);
}

void SnapshotBuilder::putList(PriceList list, std::string where) {
    ListChange& change = state_->changeFor(list.id);
    change.header_where = orDefault(std::move(where), "list ", list.id);
    change.header = std::move(list);
    change.removed = false;
}

void SnapshotBuilder::removeList(std::string_view list_id, std::string where) {
    ListChange& change = state_->changeFor(list_id);
    const std::string id = change.id;
    change = ListChange{};
    change.id = id;
    change.removed = true;
    change.cleared = true;
    change.remove_where = orDefault(std::move(where), "list ", list_id);
}

void SnapshotBuilder::putEntry(const PriceEntry& entry, std::string where) {
    BuilderState& b = *state_;
    const std::uint32_t ordinal = ++b.next_ordinal;
    if (!where.empty()) b.wheres.emplace(ordinal, std::move(where));
    if (b.first_error) return;  // the build fails anyway: skip the work
    const auto fail = [&](core::ErrorCode code, std::string message) {
        b.fail(core::makeError(code, std::move(message), b.whereOf(ordinal)));
    };
    if (entry.list_id.empty() || entry.sku.empty() || entry.uom.empty()) {
        return fail(core::ErrorCode::InvalidArgument, "an entry needs a price list, a SKU and a unit");
    }
    if (entry.unit_price.isNegative()) {
        return fail(core::ErrorCode::InvalidArgument,
                    "negative unit price " + entry.unit_price.toShortString());
    }
    if (entry.min_qty.isNegative()) {
        return fail(core::ErrorCode::InvalidArgument, "negative min_qty " + entry.min_qty.toShortString());
    }
    if (auto error = checkValidity(entry.valid_from, entry.valid_to, b.whereOf(ordinal)))
        return b.fail(*error);
    const ItemFacts* item = b.items->find(entry.sku);
    if (item == nullptr) return fail(core::ErrorCode::NotFound, "unknown SKU " + entry.sku);
    if (!item->units.factor(entry.uom)) {
        return fail(core::ErrorCode::InvalidArgument, "SKU " + entry.sku + " is not sold in unit " +
                                                          entry.uom + " (base unit " +
                                                          item->units.baseUnit() + ")");
    }
    const detail::Row row{entry.min_qty.raw(),
                          entry.unit_price.raw(),
                          detail::dayOrOpenStart(entry.valid_from),
                          detail::dayOrOpenEnd(entry.valid_to),
                          b.skus.intern(entry.sku),
                          b.units.intern(entry.uom)};
    ListChange& change = b.changeFor(entry.list_id);
    change.upserts.push_back(detail::PendingRow{row, ordinal});
    if (!entry.currency.empty() &&
        (change.currency_claims.empty() || change.currency_claims.back().second != entry.currency)) {
        change.currency_claims.emplace_back(ordinal, entry.currency);
    }
}

void SnapshotBuilder::removeEntry(const EntryKey& key, std::string where) {
    BuilderState& b = *state_;
    const std::uint32_t ordinal = ++b.next_ordinal;
    const std::string what =
        key.list_id + " / " + key.sku + " / " + key.uom + " from " + key.min_qty.toShortString();
    b.wheres.emplace(ordinal, orDefault(std::move(where), "removal of ", what));
    const auto sku = b.skus.find(key.sku);
    const auto uom = b.units.find(key.uom);
    if (sku == StringTable::kNone || uom == StringTable::kNone) {
        return b.fail(core::makeError(core::ErrorCode::NotFound, "no entry " + what + " to remove",
                                      b.whereOf(ordinal)));
    }
    detail::Row row;
    row.min_qty = key.min_qty.raw();
    row.from_day = detail::dayOrOpenStart(key.valid_from);
    row.sku = sku;
    row.uom = uom;
    b.changeFor(key.list_id).removals.push_back(detail::PendingRow{row, ordinal});
}

void SnapshotBuilder::clearEntries(std::string_view list_id) {
    ListChange& change = state_->changeFor(list_id);
    change.cleared = true;
    change.upserts.clear();
    change.removals.clear();
    change.currency_claims.clear();
}

void SnapshotBuilder::putRules(RuleList rules, std::string where) {
    ListChange& change = state_->changeFor(rules.list_id);
    change.rules_where = orDefault(std::move(where), "rule list ", rules.list_id);
    change.rules = std::move(rules);
}

void SnapshotBuilder::putCustomer(CustomerPricing customer, std::string where) {
    std::string id = customer.customer_id;
    state_->customer_changes.push_back(
        detail::CustomerChange{std::move(id), std::move(customer), std::move(where)});
}

void SnapshotBuilder::removeCustomer(std::string_view customer_id, std::string where) {
    state_->customer_changes.push_back(
        detail::CustomerChange{std::string(customer_id), std::nullopt, std::move(where)});
}

}  // namespace crossdock::pricing
