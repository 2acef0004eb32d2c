#include "pricing_cases.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "crossdock/core/json.h"

namespace crossdock::pricing::test {

namespace {

using core::Json;

// Loader failures unwind to loadPricingCaseFile() and become one Error.
struct BadCase : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const Json& need(const Json& object, const std::string& key, const std::string& at) {
    const Json* value = object.find(key);
    if (value == nullptr) throw BadCase(at + ": missing \"" + key + "\"");
    return *value;
}

std::string text(const Json& object, const std::string& key, const std::string& at,
                 std::string fallback = {}) {
    const Json* value = object.find(key);
    if (value == nullptr || value->isNull()) return fallback;
    if (value->isNumber()) return value->numberText();
    if (!value->isString()) throw BadCase(at + "." + key + ": expected a string");
    return value->asString();
}

std::optional<std::string> optionalText(const Json& object, const std::string& key, const std::string& at) {
    if (!object.contains(key)) return std::nullopt;
    return text(object, key, at);
}

core::Decimal decimal(const Json& value, const std::string& at) {
    auto parsed = value.asDecimal();
    if (!parsed) throw BadCase(at + ": " + parsed.error().message);
    return *parsed;
}

core::Decimal decimal(const Json& object, const std::string& key, const std::string& at,
                      const char* fallback) {
    const Json* value = object.find(key);
    if (value == nullptr) return *core::Decimal::parse(fallback);
    return decimal(*value, at + "." + key);
}

std::optional<core::Date> date(const Json& object, const std::string& key, const std::string& at) {
    const auto value = text(object, key, at);
    if (value.empty()) return std::nullopt;
    auto parsed = core::Date::parse(value);
    if (!parsed) throw BadCase(at + "." + key + ": " + parsed.error().message);
    return *parsed;
}

const Json::Array& array(const Json& object, const std::string& key, const std::string& at) {
    static const Json::Array kEmpty;
    const Json* value = object.find(key);
    if (value == nullptr) return kEmpty;
    if (!value->isArray()) throw BadCase(at + "." + key + ": expected an array");
    return value->items();
}

std::string at(const std::string& base, std::size_t i) { return base + "[" + std::to_string(i) + "]"; }

ItemFacts readItem(const Json& json, const std::string& where) {
    auto units = core::UnitConversions::create(text(json, "base_uom", where, "EA"));
    if (!units) throw BadCase(where + ": " + units.error().message);
    const auto& packs = array(json, "packs", where);
    for (std::size_t i = 0; i < packs.size(); ++i) {
        auto added = units->addLevel(text(packs[i], "uom", at(where + ".packs", i)),
                                     decimal(need(packs[i], "qty", where), at(where + ".packs", i)));
        if (!added) throw BadCase(where + ": " + added.error().message);
    }
    std::optional<core::Decimal> cost;
    if (json.contains("cost")) cost = decimal(need(json, "cost", where), where + ".cost");
    need(json, "sku", where);
    return ItemFacts{text(json, "sku", where), text(json, "category", where), text(json, "brand", where),
                     cost, std::move(*units)};
}

RuleList readRules(const Json& json, const std::string& where) {
    RuleList rules;
    need(json, "list", where);
    rules.list_id = text(json, "list", where);
    const auto source = text(json, "source", where, std::string(kBaseListId));
    if (source == "cost") {
        rules.source = RuleSource::Cost;
    } else {
        rules.source_list_id = source;
    }
    const auto& items = array(json, "rules", where);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto rule_at = at(where + ".rules", i);
        PriceRule rule;
        const auto scope = parseRuleScope(text(items[i], "scope", rule_at, "all"));
        if (!scope) throw BadCase(rule_at + ": unknown scope");
        rule.scope = *scope;
        rule.value = text(items[i], "value", rule_at);
        if (items[i].contains("markup")) {
            rule.adjustment =
                Adjustment{Adjustment::Kind::Markup, decimal(need(items[i], "markup", rule_at), rule_at)};
        } else {
            rule.adjustment =
                Adjustment{Adjustment::Kind::PercentOff, decimal(items[i], "percent_off", rule_at, "0")};
        }
        rules.rules.push_back(std::move(rule));
    }
    return rules;
}

ExpectedLine readExpect(const Json& json, const std::string& where) {
    ExpectedLine expect;
    expect.unit_price = optionalText(json, "unit_price", where);
    expect.extended = optionalText(json, "extended", where);
    expect.source = optionalText(json, "source", where);
    expect.min_qty = optionalText(json, "min_qty", where);
    expect.error = optionalText(json, "error", where);
    expect.reason = optionalText(json, "reason", where);
    expect.next_quantity = optionalText(json, "next_quantity", where);
    expect.next_price = optionalText(json, "next_price", where);
    for (const auto& fragment : array(json, "explanation_contains", where)) {
        expect.explanation_contains.push_back(fragment.asString());
    }
    return expect;
}

void readData(const Json& root, PricingCaseFile& file) {
    const auto& lists = array(root, "lists", "$");
    for (std::size_t i = 0; i < lists.size(); ++i) {
        const auto where = at("$.lists", i);
        PriceList list;
        list.id = text(lists[i], "id", where);
        list.name = text(lists[i], "name", where, list.id);
        list.currency = text(lists[i], "currency", where, "USD");
        const auto kind =
            parseListKind(text(lists[i], "kind", where, list.id == kBaseListId ? "base" : "group"));
        if (!kind) throw BadCase(where + ": unknown kind");
        list.kind = *kind;
        list.valid_from = date(lists[i], "from", where);
        list.valid_to = date(lists[i], "to", where);
        file.data.lists.push_back(std::move(list));
    }
    const auto& entries = array(root, "entries", "$");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto where = at("$.entries", i);
        PriceEntry entry;
        entry.list_id = text(entries[i], "list", where, std::string(kBaseListId));
        entry.sku = text(entries[i], "sku", where);
        entry.uom = text(entries[i], "uom", where, "EA");
        entry.min_qty = decimal(entries[i], "min_qty", where, "1");
        entry.unit_price = decimal(need(entries[i], "price", where), where + ".price");
        entry.valid_from = date(entries[i], "from", where);
        entry.valid_to = date(entries[i], "to", where);
        entry.currency = text(entries[i], "currency", where);
        file.data.entries.push_back(std::move(entry));
    }
    const auto& rule_lists = array(root, "rules", "$");
    for (std::size_t i = 0; i < rule_lists.size(); ++i) {
        file.data.rule_lists.push_back(readRules(rule_lists[i], at("$.rules", i)));
    }
    const auto& customers = array(root, "customers", "$");
    for (std::size_t i = 0; i < customers.size(); ++i) {
        const auto where = at("$.customers", i);
        CustomerPricing customer;
        customer.customer_id = text(customers[i], "id", where);
        customer.currency = text(customers[i], "currency", where, "USD");
        for (const auto& id : array(customers[i], "chain", where)) customer.chain.push_back(id.asString());
        const auto strategy = parseStrategy(text(customers[i], "strategy", where, "priority"));
        if (!strategy) throw BadCase(where + ": unknown strategy");
        customer.strategy = *strategy;
        file.data.customers.push_back(std::move(customer));
    }
    file.items = std::make_shared<InMemoryItemLookup>();
    const auto& items = array(root, "items", "$");
    for (std::size_t i = 0; i < items.size(); ++i) file.items->put(readItem(items[i], at("$.items", i)));
}

PricingCase readCase(const Json& json, const std::string& where) {
    PricingCase c;
    c.name = text(json, "name", where, where);
    const Json& request = need(json, "request", where);
    const auto request_at = where + ".request";
    c.customer = text(request, "customer", request_at);
    c.sku = text(request, "sku", request_at);
    c.uom = text(request, "uom", request_at, "EA");
    c.quantity = decimal(need(request, "quantity", request_at), request_at + ".quantity");
    const auto when = date(request, "at", request_at);
    c.date = when ? *when : *core::Date::fromYmd(2026, 1, 15);
    c.expect = readExpect(need(json, "expect", where), where + ".expect");
    return c;
}

}  // namespace

core::Result<PricingCaseFile> loadPricingCaseFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::makeError(core::ErrorCode::NotFound, "cannot open case file", path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto root = core::parseJson(buffer.str());
    if (!root)
        return core::makeError(root.error().code, root.error().message, path + " " + root.error().where);
    PricingCaseFile file;
    file.path = path;
    try {
        file.description = text(*root, "description", "$");
        readData(*root, file);
        if (const Json* error = root->find("build_error")) {
            file.build_error = ExpectedBuildError{text(*error, "code", "$.build_error"),
                                                  text(*error, "where", "$.build_error"),
                                                  text(*error, "message_contains", "$.build_error")};
        }
        const auto& cases = array(*root, "cases", "$");
        for (std::size_t i = 0; i < cases.size(); ++i)
            file.cases.push_back(readCase(cases[i], at("$.cases", i)));
    } catch (const BadCase& bad) {
        return core::makeError(core::ErrorCode::InvalidArgument, bad.what(), path);
    } catch (const std::logic_error& wrong_type) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               std::string("wrong JSON type: ") + wrong_type.what(), path);
    }
    return file;
}

}  // namespace crossdock::pricing::test
