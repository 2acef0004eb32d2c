#pragma once

// The pricing vocabulary: price lists, their tier entries, rule lists that derive
// prices from another list or from cost, and each customer's chain of lists.
// Plain value types: what imports, storage and the API hand to SnapshotBuilder.
// Semantics in docs/pricing.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"

namespace crossdock::pricing {

/// The id of the default list that ends every customer's chain.
inline constexpr std::string_view kBaseListId = "BASE";

/// What a list is for. Informational (reports, the portal); resolution treats
/// every kind alike.
enum class ListKind { Base, Group, Contract, Promotion };

/// How a customer's chain picks among the lists that price a line.
enum class Strategy {
    Priority,  ///< the first list in the chain with a price wins
    Lowest,    ///< the lowest price among all lists of the chain wins; ties go to the earlier list
};

/// A price list header. Its prices are either entries (PriceEntry) or, when a
/// RuleList with the same id exists, derived by rules; never both.
struct PriceList {
    std::string id;  ///< "BASE", "GOLD", "C-1042"
    std::string name;
    std::string currency;  ///< ISO 4217 code; every price of the list is in it
    ListKind kind = ListKind::Group;
    std::optional<core::Date> valid_from;  ///< inclusive; none = since always
    std::optional<core::Date> valid_to;    ///< inclusive; none = forever
};

/// One tier of one SKU in one unit of one list: from `min_qty` (in `uom` units)
/// up, the unit price is `unit_price` (in the list's currency, 4 fraction digits).
struct PriceEntry {
    std::string list_id;
    std::string sku;
    std::string uom;
    core::Decimal min_qty;                 ///< ≥ 0, in `uom` units
    core::Decimal unit_price;              ///< ≥ 0, per one `uom`
    std::optional<core::Date> valid_from;  ///< inclusive
    std::optional<core::Date> valid_to;    ///< inclusive
    std::string currency;  ///< optional (as a prices CSV carries it); when set, must be the list's
};

/// What identifies an entry inside its list: two entries with the same key are
/// the same entry (a put replaces it); see SnapshotBuilder::removeEntry().
struct EntryKey {
    std::string list_id;
    std::string sku;
    std::string uom;
    core::Decimal min_qty;
    std::optional<core::Date> valid_from;
};

/// Which items a rule applies to. Precedence when several match one item:
/// Sku, then the deepest matching Category, then Brand, then All.
enum class RuleScope {
    All,       ///< every item (value is empty)
    Brand,     ///< items whose brand equals value exactly
    Category,  ///< items whose category path equals value or starts with value + " > "
    Sku,       ///< the one item whose SKU equals value
};

/// A percentage change applied to the base price: PercentOff 12 turns 1.0000
/// into 0.8800; Markup 30 turns 1.0000 into 1.3000. Rounded half up to 4 digits.
struct Adjustment {
    enum class Kind { PercentOff, Markup };
    Kind kind = Kind::PercentOff;
    core::Decimal percent;  ///< PercentOff: 0..100; Markup: 0..10000
};

/// One rule of a rule list: the scope it applies to and the adjustment.
struct PriceRule {
    RuleScope scope = RuleScope::All;
    std::string value;
    Adjustment adjustment;
};

/// Where a derived list takes its base price from.
enum class RuleSource {
    List,  ///< the price `source_list_id` resolves to for the same line (its tiers included)
    Cost,  ///< the item's cost per base unit × base units per requested unit
};

/// The rules of the derived list `list_id` (which is declared as a PriceList too).
/// For an item the single most specific matching rule applies (see RuleScope); an
/// item no rule matches gets no price from this list. Two rules with the same scope
/// and value are an error, so order never decides; it is kept for display.
struct RuleList {
    std::string list_id;
    RuleSource source = RuleSource::List;
    std::string source_list_id;  ///< for RuleSource::List; same currency as list_id
    std::vector<PriceRule> rules;
};

/// A customer's pricing assignment.
struct CustomerPricing {
    std::string customer_id;
    std::string currency;            ///< ISO 4217; every list in the chain must use it
    std::vector<std::string> chain;  ///< list ids, highest priority first; BASE only last, if at all
    Strategy strategy = Strategy::Priority;
};

/// A whole dataset as plain vectors: the input of the reference resolver and of
/// tests; SnapshotBuilder takes the same pieces one by one.
struct PricingData {
    std::vector<PriceList> lists;
    std::vector<PriceEntry> entries;
    std::vector<RuleList> rule_lists;
    std::vector<CustomerPricing> customers;
};

/// "base", "group", "contract", "promotion".
std::string_view toString(ListKind kind);
/// "priority", "lowest".
std::string_view toString(Strategy strategy);
/// "all", "brand", "category", "sku".
std::string_view toString(RuleScope scope);
/// Inverses of toString(); nullopt for any other text (exact, lowercase).
std::optional<ListKind> parseListKind(std::string_view text);
std::optional<Strategy> parseStrategy(std::string_view text);
std::optional<RuleScope> parseRuleScope(std::string_view text);

/// The default list of a customer in `currency` when BASE uses another currency:
/// "BASE-EUR". See docs/pricing.md "The chain".
std::string defaultListIdFor(std::string_view currency);

/// True when `category_path` is `scope_path` or lies below it (prefix on a " > "
/// boundary): "Hardware > Fasteners > Screws" is within "Hardware > Fasteners",
/// "Hardware > Fastening" is not. An empty scope_path matches nothing.
bool categoryWithin(std::string_view category_path, std::string_view scope_path);

/// Levels of a category path: "A" is 1, "A > B" is 2; 0 for an empty path.
int categoryDepth(std::string_view category_path);

}  // namespace crossdock::pricing
