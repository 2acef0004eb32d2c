#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::core {

/// True when `code` is shaped like a unit-of-measure code: 2 or 3 characters, each
/// an uppercase ASCII letter or a digit (X12 "EA", "CS", "PL", "BX"; UNECE "KGM",
/// "C62"). Says nothing about whether any item is sold in that unit.
bool isValidUnitCode(std::string_view code);

/// One packaging level: one `unit` holds `base_qty` base units (CS = 12 EA).
struct PackLevel {
    std::string unit;
    Decimal base_qty;
};

/// The units one item is counted in: a base unit (factor 1) and packaging levels
/// expressed in base units, e.g. base EA, CS = 12, PL = 480. A value type; const
/// methods are safe to call from several threads at once.
class UnitConversions {
public:
    /// The item's base unit. InvalidArgument when `base_unit` is not a unit code.
    static Result<UnitConversions> create(std::string base_unit);
    /// As create(), for input known to be valid (literals, stored data).
    /// Throws std::invalid_argument when `base_unit` is not a unit code.
    explicit UnitConversions(std::string base_unit);

    /// Adds a level holding `base_qty` base units. InvalidArgument when `unit` is not
    /// a unit code, when `base_qty` is zero or negative, or when `unit` is already
    /// known (the base unit included); the levels are unchanged on error.
    Status addLevel(std::string unit, Decimal base_qty);

    /// Base units in one `unit`: 1 for the base unit, nullopt for a unit not defined.
    std::optional<Decimal> factor(std::string_view unit) const;

    /// `qty` in `from` expressed in `to`, computed as qty × factor(from) ÷ factor(to)
    /// with a single half-up rounding to 4 fraction digits (exact when it fits:
    /// 2 CS → 24 EA; 18 EA → 1.5 CS; 1 EA → 0.0833 CS). InvalidArgument when either
    /// unit is not defined; Overflow when the result leaves Decimal's range.
    Result<Decimal> convert(Decimal qty, std::string_view from, std::string_view to) const;

    const std::string& baseUnit() const { return base_unit_; }
    /// The packaging levels in the order they were added; the base unit is not among them.
    const std::vector<PackLevel>& levels() const { return levels_; }

private:
    std::string base_unit_;
    std::vector<PackLevel> levels_;
};

}  // namespace crossdock::core
