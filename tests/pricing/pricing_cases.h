#pragma once

// Reads the table-driven pricing cases of tests/data/pricing/*.json (format in
// tests/data/pricing/README.md) into plain structures.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"
#include "crossdock/pricing/item_facts.h"
#include "crossdock/pricing/model.h"

namespace crossdock::pricing::test {

struct ExpectedLine {
    std::optional<std::string> unit_price;  // decimal text, compared as "12.3400"
    std::optional<std::string> extended;    // compared with the currency's digits
    std::optional<std::string> source;      // the winning list
    std::optional<std::string> min_qty;
    std::optional<std::string> error;          // error code: "not_found", "invalid_argument"
    std::optional<std::string> reason;         // "no_price", "unknown_unit", ...
    std::optional<std::string> next_quantity;  // "none" when there must be no next tier
    std::optional<std::string> next_price;
    std::vector<std::string> explanation_contains;
};

struct PricingCase {
    std::string name;
    std::string customer;
    std::string sku;
    std::string uom;
    core::Decimal quantity;
    core::Date date;
    ExpectedLine expect;
};

struct ExpectedBuildError {
    std::string code;
    std::string where;
    std::string message_contains;
};

struct PricingCaseFile {
    std::string path;
    std::string description;
    PricingData data;
    std::shared_ptr<InMemoryItemLookup> items;
    std::optional<ExpectedBuildError> build_error;
    std::vector<PricingCase> cases;
};

/// Parses one case file; errors carry the file and the JSON path.
core::Result<PricingCaseFile> loadPricingCaseFile(const std::string& path);

}  // namespace crossdock::pricing::test
