#include "crossdock/catalog/catalog_record_validator.h"

#include <limits>

#include "catalog_csv_layout.h"
#include "import_support.h"
#include "item_row_parser.h"

namespace crossdock::catalog {

namespace {

// The row parser positions its errors as "<position> field <column>": with this
// position the column is whatever follows it.
const std::string kPosition = "record";
const std::string kFieldPrefix = kPosition + " field ";

}  // namespace

struct CatalogRecordValidator::Impl {
    Impl(const CategoryTree& tree, detail::CatalogLayout header_layout)
        : layout(std::move(header_layout)),
          collector(report, std::numeric_limits<std::size_t>::max()),
          parser(layout, tree, nullptr, collector) {}

    detail::CatalogLayout layout;
    ImportReport report;
    detail::ErrorCollector collector;
    detail::ItemRowParser parser;
};

CatalogRecordValidator::CatalogRecordValidator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CatalogRecordValidator::~CatalogRecordValidator() = default;

core::Result<std::unique_ptr<CatalogRecordValidator>> CatalogRecordValidator::create(
    const CategoryTree& tree, const std::vector<std::string>& columns, const std::string& where) {
    auto layout = detail::CatalogLayout::fromHeader(columns, where);
    if (!layout) return layout.takeError();
    auto impl = std::make_unique<Impl>(tree, std::move(*layout));
    return std::unique_ptr<CatalogRecordValidator>(new CatalogRecordValidator(std::move(impl)));
}

bool CatalogRecordValidator::validate(const std::vector<std::string>& fields, std::size_t line, Item& item,
                                      std::vector<RecordError>& errors) {
    if (fields.size() != impl_->layout.width) {
        errors.push_back({"", detail::fieldCountMessage(fields.size(), impl_->layout.width)});
        return false;
    }
    impl_->report.errors.clear();
    bool ok = impl_->parser.parse(fields, kPosition, line, item);
    for (auto& error : impl_->report.errors) {
        std::string column =
            error.where.starts_with(kFieldPrefix) ? error.where.substr(kFieldPrefix.size()) : "";
        errors.push_back({std::move(column), std::move(error.message)});
    }
    impl_->report.errors.clear();
    return ok;
}

}  // namespace crossdock::catalog
