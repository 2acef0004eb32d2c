#include "reference_resolver.h"

#include <algorithm>
#include <vector>

#include "crossdock/core/currency.h"

namespace crossdock::pricing::test {

namespace {

__extension__ typedef __int128 Wide;

// n / d rounded half up, d > 0, n ≥ 0 (prices, costs and quantities are never negative).
core::Decimal roundedRatio(Wide n, Wide d) {
    return core::Decimal::fromRaw(static_cast<std::int64_t>((2 * n + d) / (2 * d)));
}

// n / d rounded up.
core::Decimal ceilingRatio(Wide n, Wide d) {
    return core::Decimal::fromRaw(static_cast<std::int64_t>((n + d - 1) / d));
}

bool inWindow(const std::optional<core::Date>& from, const std::optional<core::Date>& to, core::Date date) {
    return (!from || *from <= date) && (!to || date <= *to);
}

core::Decimal factorOf(const ItemFacts& item, std::string_view uom) { return *item.units.factor(uom); }

}  // namespace

struct ReferenceResolver::Line {
    const CustomerPricing* customer = nullptr;
    const ItemFacts* item = nullptr;
    std::string uom;
    core::Date date;
    std::vector<const PriceEntry*> entries;  // every entry of the SKU, any list
    std::vector<std::string> chain;
};

std::optional<ReferenceResolver::Price> ReferenceResolver::entryPrice(const Line& line,
                                                                      const std::string& list_id,
                                                                      core::Decimal quantity) const {
    // Units to try: the requested one, then the base unit, then the others by factor, then code.
    std::vector<std::string> units{line.uom};
    if (line.item->units.baseUnit() != line.uom) units.push_back(line.item->units.baseUnit());
    std::vector<core::PackLevel> levels = line.item->units.levels();
    std::sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) {
        return a.base_qty != b.base_qty ? a.base_qty < b.base_qty : a.unit < b.unit;
    });
    for (const auto& level : levels) {
        if (level.unit != line.uom) units.push_back(level.unit);
    }
    const core::Decimal f_req = factorOf(*line.item, line.uom);
    for (const auto& unit : units) {
        const core::Decimal f_unit = factorOf(*line.item, unit);
        const PriceEntry* best = nullptr;
        for (const PriceEntry* entry : line.entries) {
            if (entry->list_id != list_id || entry->uom != unit) continue;
            if (!inWindow(entry->valid_from, entry->valid_to, line.date)) continue;
            // min_qty (in unit) ≤ quantity (in requested unit), compared in base units exactly.
            if (Wide{entry->min_qty.raw()} * f_unit.raw() > Wide{quantity.raw()} * f_req.raw()) continue;
            if (best == nullptr || entry->min_qty > best->min_qty) best = entry;
        }
        if (best != nullptr) {
            return Price{roundedRatio(Wide{best->unit_price.raw()} * f_req.raw(), f_unit.raw()), list_id,
                         best->min_qty};
        }
    }
    return std::nullopt;
}

std::optional<ReferenceResolver::Price> ReferenceResolver::listPrice(const Line& line,
                                                                     const std::string& list_id,
                                                                     core::Decimal quantity) const {
    const auto list =
        std::find_if(data_.lists.begin(), data_.lists.end(), [&](auto& l) { return l.id == list_id; });
    if (list == data_.lists.end() || !inWindow(list->valid_from, list->valid_to, line.date))
        return std::nullopt;
    const auto rules = std::find_if(data_.rule_lists.begin(), data_.rule_lists.end(),
                                    [&](auto& r) { return r.list_id == list_id; });
    if (rules == data_.rule_lists.end()) return entryPrice(line, list_id, quantity);

    // The most specific matching rule: SKU, then the deepest category, then brand, then all.
    const PriceRule* chosen = nullptr;
    int chosen_rank = -1;
    for (const auto& rule : rules->rules) {
        int rank = -1;
        if (rule.scope == RuleScope::Sku && rule.value == line.item->sku) rank = 3000;
        if (rule.scope == RuleScope::Category && categoryWithin(line.item->category_path, rule.value)) {
            rank = 2000 + categoryDepth(rule.value);
        }
        if (rule.scope == RuleScope::Brand && rule.value == line.item->brand) rank = 1000;
        if (rule.scope == RuleScope::All) rank = 0;
        if (rank > chosen_rank) {
            chosen = &rule;
            chosen_rank = rank;
        }
    }
    if (chosen == nullptr) return std::nullopt;

    Price base;
    if (rules->source == RuleSource::Cost) {
        if (!line.item->cost) return std::nullopt;
        base.price =
            roundedRatio(Wide{line.item->cost->raw()} * factorOf(*line.item, line.uom).raw(), 10'000);
    } else {
        auto source = listPrice(line, rules->source_list_id, quantity);
        if (!source) return std::nullopt;
        base = *source;
    }
    const std::int64_t hundred = 100 * 10'000;
    const std::int64_t percent = chosen->adjustment.percent.raw();
    const std::int64_t factor =
        chosen->adjustment.kind == Adjustment::Kind::Markup ? hundred + percent : hundred - percent;
    return Price{roundedRatio(Wide{base.price.raw()} * factor, hundred), list_id, base.min_qty};
}

std::optional<ReferenceResolver::Price> ReferenceResolver::chainPrice(const Line& line,
                                                                      core::Decimal quantity) const {
    std::optional<Price> best;
    for (const auto& list_id : line.chain) {
        auto price = listPrice(line, list_id, quantity);
        if (!price) continue;
        if (line.customer->strategy == Strategy::Priority) return price;
        if (!best || price->price < best->price) best = price;
    }
    return best;
}

ReferenceOutcome ReferenceResolver::resolve(std::string_view customer_id, std::string_view sku,
                                            std::string_view uom, core::Decimal quantity,
                                            core::Date date) const {
    if (quantity.raw() <= 0) return {std::nullopt, "invalid_quantity"};
    Line line;
    for (const auto& customer : data_.customers) {
        if (customer.customer_id == customer_id) line.customer = &customer;
    }
    if (line.customer == nullptr) return {std::nullopt, "unknown_customer"};
    line.item = items_.find(sku);
    if (line.item == nullptr) return {std::nullopt, "unknown_sku"};
    if (!line.item->units.factor(uom)) return {std::nullopt, "unknown_unit"};
    line.uom = std::string(uom);
    line.date = date;
    for (const auto& entry : data_.entries) {
        if (entry.sku == sku) line.entries.push_back(&entry);
    }
    line.chain = line.customer->chain;
    // The default list: BASE in the customer's currency, else BASE-<currency>.
    for (const std::string& id : {std::string(kBaseListId), defaultListIdFor(line.customer->currency)}) {
        const auto list =
            std::find_if(data_.lists.begin(), data_.lists.end(), [&](auto& l) { return l.id == id; });
        if (list == data_.lists.end() || list->currency != line.customer->currency) continue;
        if (std::find(line.chain.begin(), line.chain.end(), id) == line.chain.end()) line.chain.push_back(id);
        break;
    }

    const auto price = chainPrice(line, quantity);
    if (!price) return {std::nullopt, "no_price"};
    const int digits = std::min(core::findCurrency(line.customer->currency)->minor_units, 4);
    ReferenceLine result;
    result.unit_price = price->price;
    result.extended = *core::Decimal::multiplyRounded(price->price, quantity, digits);
    result.list_id = price->list_id;
    result.min_qty = price->min_qty;

    // Next tier: try every tier start of every entry of the SKU, in the requested unit, in order.
    const core::Decimal f_req = factorOf(*line.item, uom);
    std::vector<core::Decimal> starts;
    for (const PriceEntry* entry : line.entries) {
        const auto f_unit = line.item->units.factor(entry->uom);
        if (f_unit) starts.push_back(ceilingRatio(Wide{entry->min_qty.raw()} * f_unit->raw(), f_req.raw()));
    }
    std::sort(starts.begin(), starts.end());
    for (const auto start : starts) {
        if (start <= quantity) continue;
        const auto next = chainPrice(line, start);
        if (next && next->price < price->price) {
            result.has_next = true;
            result.next_quantity = start;
            result.next_price = next->price;
            result.next_list_id = next->list_id;
            break;
        }
    }
    return {result, ""};
}

}  // namespace crossdock::pricing::test
