#pragma once

// Why a price is what it is: the chain walked, each list's candidate or the reason
// it has none, the choice, the tier, the rule, the unit conversion, the rounding
// and the next cheaper tier. Filled by Resolver::resolve(); describe() renders it.
//
// Every string_view here points into the snapshot the line was resolved with
// (list ids, units, the item's SKU): valid while that snapshot lives.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "crossdock/core/currency.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/pricing/model.h"

namespace crossdock::pricing {

/// What one list of the chain said about the line.
enum class CandidateStatus : std::uint8_t {
    Priced,          ///< the list prices the line
    NotConsulted,    ///< priority strategy: an earlier list already priced the line
    ListNotValid,    ///< the list's own validity excludes the date
    NoEntry,         ///< no entry for the SKU in the requested unit or one it converts to
    NotValidOnDate,  ///< entries exist, none valid on the date
    BelowMinQty,     ///< entries valid on the date exist, all for larger quantities
    NoRule,          ///< derived list: no rule matches the item
    NoSourcePrice,   ///< derived list: the source list has no price (see source_status)
    NoCost,          ///< cost-based list: the item has no cost
    OutOfRange,      ///< the computed price does not fit a Decimal
};

/// "priced", "not_consulted", "list_not_valid", "no_entry", ... (snake_case).
std::string_view toString(CandidateStatus status);

/// One list of the chain and its candidate price for the line.
struct ListCandidate {
    std::string_view list_id;
    CandidateStatus status = CandidateStatus::NotConsulted;
    CandidateStatus source_status =
        CandidateStatus::NotConsulted;  ///< derived list: why the source had no price
    bool converted = false;  ///< tier_uom is not the requested unit: price × (requested ÷ tier unit)
    RuleSource rule_source = RuleSource::List;
    core::Decimal unit_price;  ///< when Priced: per requested unit, 4 digits

    // The tier the price comes from: an entry of this list, or for a derived list
    // an entry of the list it derives from (tier_list_id). Empty for cost.
    std::string_view tier_list_id;
    core::Decimal min_qty;        ///< the tier's min_qty, in tier_uom
    std::string_view tier_uom;    ///< the entry's unit
    core::Decimal tier_quantity;  ///< the requested quantity in tier_uom (4 digits)
    core::Decimal entry_price;    ///< the entry's unit price, per tier_uom
    core::Decimal unit_factor;    ///< base units per requested unit ÷ base units per tier_uom (4 digits)

    // The rule, for a derived list.
    const PriceRule* rule = nullptr;  ///< owned by the snapshot; null for entry lists
    std::string_view source_list_id;  ///< for RuleSource::List
    core::Decimal base_price;  ///< per requested unit, before the rule (the source's price, or cost × units)
    core::Decimal cost;        ///< RuleSource::Cost: the item's cost per base unit
};

/// A short list of candidates that stores the usual chain (up to four lists)
/// inline, so that resolving a line allocates nothing; only the candidates in use
/// are initialised and copied.
class CandidateList {
public:
    static constexpr std::size_t kInline = 4;

    CandidateList() noexcept {}  // user-provided: value-initialisation must not zero the storage
    CandidateList(const CandidateList& other) : spill_(other.spill_), size_(other.size_) {
        copyInline(other);
    }
    CandidateList(CandidateList&& other) noexcept : spill_(std::move(other.spill_)), size_(other.size_) {
        copyInline(other);
    }
    CandidateList& operator=(const CandidateList& other) {
        if (this != &other) {
            spill_ = other.spill_;
            size_ = other.size_;
            copyInline(other);
        }
        return *this;
    }
    CandidateList& operator=(CandidateList&& other) noexcept {
        spill_ = std::move(other.spill_);
        size_ = other.size_;
        copyInline(other);
        return *this;
    }
    ~CandidateList() = default;

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const ListCandidate& operator[](std::size_t i) const {
        return i < kInline ? inlineAt(i) : spill_[i - kInline];
    }
    ListCandidate& operator[](std::size_t i) {
        return i < kInline ? const_cast<ListCandidate&>(inlineAt(i)) : spill_[i - kInline];
    }
    /// Appends a default candidate and returns it.
    ListCandidate& append() {
        if (size_ < kInline)
            return *::new (static_cast<void*>(storage_ + size_++ * sizeof(ListCandidate))) ListCandidate;
        ++size_;
        return spill_.emplace_back();
    }

private:
    static_assert(std::is_trivially_copyable_v<ListCandidate> &&
                  std::is_trivially_destructible_v<ListCandidate>);
    const ListCandidate& inlineAt(std::size_t i) const {
        return *std::launder(reinterpret_cast<const ListCandidate*>(storage_ + i * sizeof(ListCandidate)));
    }
    void copyInline(const CandidateList& other) {
        std::memcpy(storage_, other.storage_, std::min(size_, kInline) * sizeof(ListCandidate));
    }

    alignas(ListCandidate) unsigned char storage_[kInline * sizeof(ListCandidate)];
    std::vector<ListCandidate> spill_;
    std::size_t size_ = 0;
};

/// Why the chosen list won.
enum class ChoiceReason : std::uint8_t {
    FirstWithPrice,     ///< priority: the first list in the chain with a price
    OnlyPrice,          ///< lowest: the only list with a price
    Lowest,             ///< lowest: strictly below every other candidate
    LowestTiedEarlier,  ///< lowest: tied with a later list; the earlier one wins
};

/// "first_with_price", "only_price", "lowest", "lowest_tied_earlier".
std::string_view toString(ChoiceReason reason);

/// The smallest quantity above the requested one at which the line's resolved
/// unit price drops, and that price ("order 48 to pay 0.1100 each").
struct NextTier {
    core::Decimal quantity;    ///< in the requested unit
    core::Decimal unit_price;  ///< per requested unit
    std::string_view list_id;  ///< the list that would price it
};

struct Explanation {
    std::string_view customer_id;
    std::string_view sku;
    std::string_view uom;    ///< the requested unit
    core::Decimal quantity;  ///< the requested quantity
    core::Date date;         ///< the pricing date
    Strategy strategy = Strategy::Priority;
    CandidateList chain;     ///< in chain order, the default list last
    std::size_t chosen = 0;  ///< index of the winning candidate in `chain`
    ChoiceReason reason = ChoiceReason::FirstWithPrice;
    core::Currency currency{};  ///< the extension is rounded half up to currency.minor_units
    std::optional<NextTier> next_tier;
};

struct PricedLine;

/// The explanation as plain sentences for a buyer or a rep, e.g. "GOLD: 12 % off
/// on category Hardware > Fasteners applied to BASE's 0.1400 gives 0.1232 per EA.
/// Chosen GOLD: the first list in the chain with a price. ... Order 48 EA to pay
/// 0.1100 each." Allocates; not for the hot path.
std::string describe(const PricedLine& line);

}  // namespace crossdock::pricing
