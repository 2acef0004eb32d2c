// price_lists and prices imports: validated by a SnapshotBuilder over the live
// snapshot, written in one transaction, then the built snapshot is published.
#include <algorithm>
#include <istream>

#include "crossdock/core/currency.h"
#include "crossdock/server/runtime.h"
#include "import/csv_rows.h"
#include "state/pricing_state.h"

namespace crossdock::server {
namespace {

core::Result<core::Decimal> decimalField(const CsvRow& row, std::string_view column) {
    auto value = core::Decimal::parse(row[column]);
    if (!value) return row.error(column, "'" + std::string(row[column]) + "' is not a decimal number");
    return *value;
}

/// Builds and, when valid, writes; the error of build() becomes the report's.
template <typename Write>
void buildAndWrite(Runtime& runtime, pricing::SnapshotBuilder& builder, catalog::ImportReport& report,
                   const Write& write_changes) {
    if (!report.ok()) return;
    auto built = builder.build();
    if (!built) {
        report.errors.push_back(built.error());
        report.accepted = 0;
        return;
    }
    auto write = runtime.pricing().repository().begin();
    write_changes(*write);
    const std::int64_t version = write->commit();
    runtime.pricing().adopt(*built, version);
}

pricing::ListKind defaultKind(const std::string& list_id) {
    return list_id.rfind("BASE", 0) == 0 ? pricing::ListKind::Base : pricing::ListKind::Group;
}

}  // namespace

catalog::ImportReport importPriceLists(Runtime& runtime, std::istream& in, const std::string& source,
                                       const ImportProgress& progress) {
    pricing::SnapshotBuilder builder(runtime.pricing().current());
    std::vector<pricing::PriceList> lists;
    auto report = readCsvRows(
        in, source, {"price_list", "name", "currency", "kind"}, {"valid_from", "valid_to"},
        [&](const CsvRow& row) {
            std::vector<core::Error> errors;
            pricing::PriceList list{std::string(row["price_list"]),
                                    std::string(row["name"]),
                                    std::string(row["currency"]),
                                    pricing::ListKind::Group,
                                    {},
                                    {}};
            if (list.id.empty()) errors.push_back(row.error("price_list", "must not be empty"));
            auto kind = pricing::parseListKind(row["kind"]);
            if (!kind) errors.push_back(row.error("kind", "must be base, group, contract or promotion"));
            auto from = optionalDate(row, "valid_from");
            auto to = optionalDate(row, "valid_to");
            if (!from) errors.push_back(from.error());
            if (!to) errors.push_back(to.error());
            if (!errors.empty()) return errors;
            list.kind = *kind;
            list.valid_from = *from;
            list.valid_to = *to;
            builder.putList(list, row.where);
            lists.push_back(std::move(list));
            return errors;
        },
        progress);
    buildAndWrite(runtime, builder, report, [&](pricing::PricingWrite& write) {
        for (const auto& list : lists) write.putList(list);
    });
    return report;
}

catalog::ImportReport importPrices(Runtime& runtime, std::istream& in, const std::string& source,
                                   const ImportProgress& progress) {
    auto base = runtime.pricing().current();
    pricing::SnapshotBuilder builder(base);
    std::vector<pricing::PriceList> new_lists;
    std::vector<pricing::PriceEntry> entries;
    auto report = readCsvRows(
        in, source, {"price_list", "currency", "sku", "uom", "min_qty", "unit_price"},
        {"valid_from", "valid_to"},
        [&](const CsvRow& row) {
            std::vector<core::Error> errors;
            pricing::PriceEntry entry;
            entry.list_id = std::string(row["price_list"]);
            entry.currency = std::string(row["currency"]);
            entry.sku = std::string(row["sku"]);
            entry.uom = std::string(row["uom"]);
            auto min_qty = decimalField(row, "min_qty");
            auto price = decimalField(row, "unit_price");
            auto from = optionalDate(row, "valid_from");
            auto to = optionalDate(row, "valid_to");
            auto note = [&](const auto& result) {
                if (!result) errors.push_back(result.error());
            };
            note(min_qty);
            note(price);
            note(from);
            note(to);
            if (entry.list_id.empty()) errors.push_back(row.error("price_list", "must not be empty"));
            if (core::findCurrency(entry.currency) == std::nullopt) {
                errors.push_back(
                    row.error("currency", "'" + entry.currency + "' is not an ISO 4217 currency"));
            }
            if (!errors.empty()) return errors;
            entry.min_qty = *min_qty;
            entry.unit_price = *price;
            entry.valid_from = *from;
            entry.valid_to = *to;
            const bool known =
                base->list(entry.list_id).has_value() ||
                std::any_of(new_lists.begin(), new_lists.end(),
                            [&](const pricing::PriceList& l) { return l.id == entry.list_id; });
            if (!known) {
                new_lists.push_back(
                    {entry.list_id, entry.list_id, entry.currency, defaultKind(entry.list_id), {}, {}});
                builder.putList(new_lists.back(), row.where);
            }
            builder.putEntry(entry, row.where);
            entries.push_back(std::move(entry));
            return errors;
        },
        progress);
    buildAndWrite(runtime, builder, report, [&](pricing::PricingWrite& write) {
        for (const auto& list : new_lists) write.putList(list);
        for (const auto& entry : entries) write.putEntry(entry);
    });
    return report;
}

}  // namespace crossdock::server
