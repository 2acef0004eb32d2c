#include "crossdock/core/unit.h"

#include <stdexcept>

namespace crossdock::core {

namespace {

__extension__ typedef __int128 Int128;

constexpr Int128 kMaxWide = 0x7fff'ffff'ffff'ffff;

bool isCodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

Error unknownUnit(std::string_view unit, const std::string& base_unit) {
    return makeError(
        ErrorCode::InvalidArgument,
        "unit \"" + std::string(unit) + "\" is not defined for this item (base unit " + base_unit + ")");
}

Error invalidCode(std::string_view code) {
    return makeError(ErrorCode::InvalidArgument, "invalid unit code \"" + std::string(code.substr(0, 16)) +
                                                     "\": expected 2-3 uppercase letters or digits");
}

}  // namespace

bool isValidUnitCode(std::string_view code) {
    if (code.size() < 2 || code.size() > 3) return false;
    for (char c : code) {
        if (!isCodeChar(c)) return false;
    }
    return true;
}

Result<UnitConversions> UnitConversions::create(std::string base_unit) {
    if (!isValidUnitCode(base_unit)) return invalidCode(base_unit);
    return UnitConversions(std::move(base_unit));
}

UnitConversions::UnitConversions(std::string base_unit) : base_unit_(std::move(base_unit)) {
    if (!isValidUnitCode(base_unit_)) throw std::invalid_argument(invalidCode(base_unit_).message);
}

Status UnitConversions::addLevel(std::string unit, Decimal base_qty) {
    if (!isValidUnitCode(unit)) return invalidCode(unit);
    if (base_qty <= Decimal()) {
        return makeError(ErrorCode::InvalidArgument, "unit " + unit + " must hold a positive quantity of " +
                                                         base_unit_ + ", got " + base_qty.toShortString());
    }
    if (factor(unit)) return makeError(ErrorCode::InvalidArgument, "unit " + unit + " is defined twice");
    levels_.push_back(PackLevel{std::move(unit), base_qty});
    return {};
}

std::optional<Decimal> UnitConversions::factor(std::string_view unit) const {
    if (unit == base_unit_) return Decimal::fromRaw(Decimal::kOne);
    // A handful of levels per item: a linear scan beats any map.
    for (const auto& level : levels_) {
        if (level.unit == unit) return level.base_qty;
    }
    return std::nullopt;
}

Result<Decimal> UnitConversions::convert(Decimal qty, std::string_view from, std::string_view to) const {
    const auto from_factor = factor(from);
    if (!from_factor) return unknownUnit(from, base_unit_);
    const auto to_factor = factor(to);
    if (!to_factor) return unknownUnit(to, base_unit_);
    if (from == to) return qty;
    // In raw units the scales cancel: result_raw = qty_raw × from_raw ÷ to_raw. The
    // product fits 128 bits exactly, so there is one rounding, at the very end.
    const Int128 numerator = static_cast<Int128>(qty.raw()) * from_factor->raw();
    const Int128 denominator = to_factor->raw();  // > 0, checked by addLevel
    Int128 quotient = numerator / denominator;
    Int128 remainder = numerator % denominator;
    if (remainder < 0) remainder = -remainder;
    if (2 * remainder >= denominator) quotient += numerator < 0 ? -1 : 1;
    if (quotient > kMaxWide || quotient < -kMaxWide) {
        return makeError(ErrorCode::Overflow, "converting " + qty.toShortString() + " " + std::string(from) +
                                                  " to " + std::string(to) + " overflows");
    }
    return Decimal::fromRaw(static_cast<std::int64_t>(quotient));
}

}  // namespace crossdock::core
