#include "crossdock/sales/quote_diff.h"

#include <deque>
#include <string>
#include <unordered_map>

namespace crossdock::sales {
namespace {

void compare(std::vector<FieldChange>& out, const char* field, const std::string& before,
             const std::string& after) {
    if (before != after) out.push_back(FieldChange{field, before, after});
}

void compare(std::vector<FieldChange>& out, const char* field, core::Decimal before, core::Decimal after) {
    if (before != after) out.push_back(FieldChange{field, before.toShortString(), after.toShortString()});
}

std::vector<FieldChange> lineChanges(const QuoteLine& a, const QuoteLine& b) {
    std::vector<FieldChange> changes;
    compare(changes, "quantity", a.quantity, b.quantity);
    compare(changes, "uom", a.uom, b.uom);
    compare(changes, "unit_price", a.unit_price, b.unit_price);
    compare(changes, "list_price", a.list_price, b.list_price);
    compare(changes, "reason", a.reason, b.reason);
    return changes;
}

}  // namespace

QuoteDiff diffQuoteVersions(const QuoteVersion& from, const QuoteVersion& to) {
    QuoteDiff diff;
    diff.from_version = from.version;
    diff.to_version = to.version;

    // SKU → indexes of its lines in `from`, in order; the k-th line of a SKU in `to`
    // takes the k-th one. Whatever is left over was removed.
    std::unordered_map<std::string, std::deque<std::size_t>> pending;
    for (std::size_t i = 0; i < from.lines.size(); ++i) pending[from.lines[i].sku].push_back(i);
    std::vector<bool> matched(from.lines.size(), false);

    for (const QuoteLine& line : to.lines) {
        auto it = pending.find(line.sku);
        if (it == pending.end() || it->second.empty()) {
            diff.added.push_back(line);
            continue;
        }
        const std::size_t index = it->second.front();
        it->second.pop_front();
        matched[index] = true;
        auto changes = lineChanges(from.lines[index], line);
        if (!changes.empty()) {
            diff.changed.push_back(
                LineChange{line.sku, from.lines[index].line_no, line.line_no, std::move(changes)});
        }
    }
    for (std::size_t i = 0; i < from.lines.size(); ++i) {
        if (!matched[i]) diff.removed.push_back(from.lines[i]);
    }

    compare(diff.terms, "valid_until", from.valid_until.toString(), to.valid_until.toString());
    compare(diff.terms, "notes", from.notes, to.notes);
    compare(diff.terms, "terms", from.terms, to.terms);
    compare(diff.terms, "total", from.total, to.total);
    return diff;
}

}  // namespace crossdock::sales
