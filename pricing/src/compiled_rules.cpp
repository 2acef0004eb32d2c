#include "compiled_rules.h"

#include "builder_state.h"

#include "crossdock/core/error.h"

namespace crossdock::pricing::detail {

namespace {

constexpr std::string_view kLevelSeparator = " > ";
constexpr core::Decimal kMaxPercentOff = core::Decimal::fromRaw(100 * core::Decimal::kOne);
constexpr core::Decimal kMaxMarkup = core::Decimal::fromRaw(10'000 * core::Decimal::kOne);

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A category scope must be a clean path: levels without surrounding blanks joined
// by " > ", so that prefix matching and depth agree with the catalog's paths.
bool wellFormedPath(std::string_view path) {
    while (true) {
        const auto pos = path.find(kLevelSeparator);
        const auto level = path.substr(0, pos);
        if (level.empty() || isBlank(level.front()) || isBlank(level.back())) return false;
        if (pos == std::string_view::npos) return true;
        path.remove_prefix(pos + kLevelSeparator.size());
    }
}

core::Error ruleError(const std::string& where, std::size_t index, std::string message) {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message),
                           where + " rule " + std::to_string(index + 1));
}

std::optional<core::Error> checkRule(const PriceRule& rule, std::size_t index, const std::string& where) {
    const auto& percent = rule.adjustment.percent;
    const bool off = rule.adjustment.kind == Adjustment::Kind::PercentOff;
    if (percent.isNegative() || (off && percent > kMaxPercentOff) || (!off && percent > kMaxMarkup)) {
        return ruleError(
            where, index,
            std::string(off ? "percent off must be within 0..100" : "markup must be within 0..10000") +
                ", got " + percent.toShortString());
    }
    if (rule.scope == RuleScope::All && !rule.value.empty()) {
        return ruleError(where, index, "a rule for all items takes no value");
    }
    if (rule.scope != RuleScope::All && rule.value.empty()) {
        return ruleError(where, index, "a " + std::string(toString(rule.scope)) + " rule needs a value");
    }
    if (rule.scope == RuleScope::Category && !wellFormedPath(rule.value)) {
        return ruleError(where, index, "malformed category path \"" + rule.value + "\"");
    }
    return std::nullopt;
}

}  // namespace

core::Result<std::shared_ptr<const CompiledRules>> compileRules(RuleList definition, const std::string& where,
                                                                std::uint32_t source_slot,
                                                                InternTables tables) {
    auto compiled = std::make_shared<CompiledRules>();
    compiled->source_slot = source_slot;
    if (definition.source == RuleSource::List && definition.source_list_id.empty()) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "rule list " + definition.list_id + " names no source list", where);
    }
    for (std::size_t i = 0; i < definition.rules.size(); ++i) {
        const PriceRule& rule = definition.rules[i];
        if (auto error = checkRule(rule, i, where)) return std::move(*error);
        const auto index = static_cast<std::uint32_t>(i);
        bool fresh = true;
        switch (rule.scope) {
            case RuleScope::All:
                fresh = compiled->all_rule < 0;
                compiled->all_rule = static_cast<std::int32_t>(i);
                break;
            case RuleScope::Sku:
                fresh = compiled->by_sku.insert(tables.skus.intern(rule.value), index);
                break;
            case RuleScope::Category:
                fresh = compiled->by_category.insert(tables.category(rule.value), index);
                break;
            case RuleScope::Brand:
                fresh = compiled->by_brand.insert(tables.brand(rule.value), index);
                break;
        }
        if (!fresh) {
            return ruleError(where, i,
                             "duplicate rule for " + std::string(toString(rule.scope)) +
                                 (rule.value.empty() ? std::string() : " \"" + rule.value + "\""));
        }
    }
    compiled->definition = std::move(definition);
    return std::shared_ptr<const CompiledRules>(std::move(compiled));
}

}  // namespace crossdock::pricing::detail
