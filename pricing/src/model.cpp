#include "crossdock/pricing/model.h"

#include "crossdock/pricing/item_facts.h"

namespace crossdock::pricing {

namespace {

constexpr std::string_view kLevelSeparator = " > ";

}  // namespace

std::string_view toString(ListKind kind) {
    switch (kind) {
        case ListKind::Base:
            return "base";
        case ListKind::Group:
            return "group";
        case ListKind::Contract:
            return "contract";
        case ListKind::Promotion:
            return "promotion";
    }
    return "group";
}

std::string_view toString(Strategy strategy) { return strategy == Strategy::Lowest ? "lowest" : "priority"; }

std::string_view toString(RuleScope scope) {
    switch (scope) {
        case RuleScope::All:
            return "all";
        case RuleScope::Brand:
            return "brand";
        case RuleScope::Category:
            return "category";
        case RuleScope::Sku:
            return "sku";
    }
    return "all";
}

std::optional<ListKind> parseListKind(std::string_view text) {
    for (auto kind : {ListKind::Base, ListKind::Group, ListKind::Contract, ListKind::Promotion}) {
        if (toString(kind) == text) return kind;
    }
    return std::nullopt;
}

std::optional<Strategy> parseStrategy(std::string_view text) {
    if (text == "priority") return Strategy::Priority;
    if (text == "lowest") return Strategy::Lowest;
    return std::nullopt;
}

std::optional<RuleScope> parseRuleScope(std::string_view text) {
    for (auto scope : {RuleScope::All, RuleScope::Brand, RuleScope::Category, RuleScope::Sku}) {
        if (toString(scope) == text) return scope;
    }
    return std::nullopt;
}

std::string defaultListIdFor(std::string_view currency) {
    std::string id(kBaseListId);
    id += '-';
    id += currency;
    return id;
}

bool categoryWithin(std::string_view category_path, std::string_view scope_path) {
    if (scope_path.empty() || category_path.size() < scope_path.size()) return false;
    if (category_path.substr(0, scope_path.size()) != scope_path) return false;
    // Equal, or the next characters are exactly the level separator: "A > B" is
    // within "A", "AB" is not.
    const auto rest = category_path.substr(scope_path.size());
    return rest.empty() || rest.substr(0, kLevelSeparator.size()) == kLevelSeparator;
}

int categoryDepth(std::string_view category_path) {
    if (category_path.empty()) return 0;
    int depth = 1;
    for (auto pos = category_path.find(kLevelSeparator); pos != std::string_view::npos;
         pos = category_path.find(kLevelSeparator, pos + kLevelSeparator.size())) {
        ++depth;
    }
    return depth;
}

void InMemoryItemLookup::put(ItemFacts item) {
    auto found = items_.find(std::string_view(item.sku));
    if (found != items_.end()) {
        found->second = std::move(item);
        return;
    }
    std::string key = item.sku;
    items_.emplace(std::move(key), std::move(item));
}

const ItemFacts* InMemoryItemLookup::find(std::string_view sku) const {
    auto found = items_.find(sku);
    return found == items_.end() ? nullptr : &found->second;
}

void InMemoryItemLookup::forEach(const std::function<void(const ItemFacts&)>& visit) const {
    for (const auto& [sku, item] : items_) visit(item);
}

}  // namespace crossdock::pricing
