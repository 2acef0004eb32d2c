#pragma once

// What changed between two versions of a quote (GET /api/v1/quotes/{id}/diff).

#include <optional>
#include <string>
#include <vector>

#include "crossdock/sales/quote.h"

namespace crossdock::sales {

/// One field that differs, both sides as text (decimals in short form, dates ISO).
struct FieldChange {
    std::string field;  ///< "quantity", "uom", "unit_price", "list_price", "reason"; or
                        ///< "valid_until", "notes", "terms", "total"
    std::string before;
    std::string after;

    bool operator==(const FieldChange&) const = default;
};

/// A line present in both versions whose content differs.
struct LineChange {
    std::string sku;
    int from_line_no = 0;
    int to_line_no = 0;
    std::vector<FieldChange> changes;  ///< in the order listed for FieldChange::field
};

/// The differences from one version to another.
struct QuoteDiff {
    int from_version = 0;
    int to_version = 0;
    std::vector<QuoteLine> added;     ///< lines of `to` with no counterpart in `from`
    std::vector<QuoteLine> removed;   ///< lines of `from` with no counterpart in `to`
    std::vector<LineChange> changed;  ///< counterparts that differ, in `to` line order
    std::vector<FieldChange> terms;   ///< valid_until, notes, terms, total (those that differ)

    bool empty() const { return added.empty() && removed.empty() && changed.empty() && terms.empty(); }
};

/// Compares two versions. Lines are matched by SKU: the k-th line of a SKU in
/// `from` is the counterpart of the k-th line of that SKU in `to`, so a changed
/// unit or quantity shows as a change, not as a removal plus an addition; a
/// renumbering alone (line_no) is not a change. Compared per line: quantity, uom,
/// unit_price, list_price, reason. O(lines) with hashing.
QuoteDiff diffQuoteVersions(const QuoteVersion& from, const QuoteVersion& to);

}  // namespace crossdock::sales
