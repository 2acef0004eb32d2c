#include "crossdock/catalog/category_csv_importer.h"

#include <unordered_map>

#include "crossdock/core/csv.h"
#include "import_support.h"

namespace crossdock::catalog {

namespace {

using detail::fieldWhere;
using detail::quote;

const std::vector<std::string_view> kRequired = {"category_path"};
const std::vector<std::string_view> kOptional = {"code",   "label",    "type",       "unit",
                                                 "values", "required", "filterable", "searchable"};

/// Validates and imports one data row.
class RowImporter {
public:
    RowImporter(CategoryTree& tree, const core::CsvHeader& header, detail::ErrorCollector& errors)
        : tree_(tree), header_(header), errors_(errors) {}

    /// Returns the attribute defined, if any (and valid).
    std::optional<AttributeId> import(const std::vector<std::string>& row, const std::string& position) {
        row_ = &row;
        position_ = &position;
        const std::size_t errors_before = errors_.count();
        auto category = tree_.addPath(field("category_path"));
        if (!category) fail("category_path", category.error().message);
        const auto code = field("code");
        if (code.empty()) {
            for (auto column : kOptional) {
                if (!field(column).empty())
                    fail(column, std::string(column) + " is given without an attribute code");
            }
            return std::nullopt;
        }
        AttributeDefinition definition = parseDefinition(code);
        if (!category || errors_.count() != errors_before) return std::nullopt;
        auto defined = tree_.defineAttribute(*category, std::move(definition));
        if (!defined) {
            fail("code", defined.error().message);
            return std::nullopt;
        }
        return *defined;
    }

private:
    std::string_view field(std::string_view column) const { return header_.field(*row_, column); }
    void fail(std::string_view column, std::string message) {
        errors_.add(std::move(message), fieldWhere(*position_, column));
    }

    AttributeDefinition parseDefinition(std::string_view code) {
        AttributeDefinition d;
        d.code = std::string(code);
        if (!isValidAttributeCode(code)) {
            fail("code", "invalid attribute code " + quote(code) +
                             ": expected 1-64 letters, digits, '_', '-' or '.'");
        }
        d.label = std::string(field("label"));
        if (auto type_text = field("type"); !type_text.empty()) {
            auto type = parseAttributeType(type_text);
            if (type) {
                d.type = *type;
            } else {
                fail("type", type.error().message);
            }
        }
        d.unit = std::string(field("unit"));
        if (!d.unit.empty() && d.type != AttributeType::Number) {
            fail("unit", "unit is only allowed for number attributes");
        }
        d.allowed_values = detail::splitList(field("values"));
        if (d.type == AttributeType::Enum) {
            checkValues(d.allowed_values);
        } else if (!d.allowed_values.empty()) {
            fail("values", "values are only allowed for enum attributes");
        }
        d.required = flag("required");
        d.filterable = flag("filterable");
        d.searchable = flag("searchable");
        return d;
    }

    void checkValues(const std::vector<std::string>& values) {
        if (values.empty()) fail("values", "an enum attribute needs values (separated by ';')");
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i].empty()) {
                fail("values", "empty value in the list");
                return;
            }
            for (std::size_t j = 0; j < i; ++j) {
                if (values[j] == values[i]) {
                    fail("values", "value " + quote(values[i]) + " is listed twice");
                    return;
                }
            }
        }
        if (values.size() > 65535) fail("values", "more than 65535 values");
    }

    bool flag(std::string_view column) {
        auto text = field(column);
        if (text.empty()) return false;
        auto parsed = parseBoolean(text);
        if (!parsed) {
            fail(column, std::string(column) + " expects true or false, got " + quote(text));
            return false;
        }
        return *parsed;
    }

    CategoryTree& tree_;
    const core::CsvHeader& header_;
    detail::ErrorCollector& errors_;
    const std::vector<std::string>* row_ = nullptr;
    const std::string* position_ = nullptr;
};

}  // namespace

CategoryCsvImporter::CategoryCsvImporter(CategoryTree base, ImportOptions options)
    : tree_(std::move(base)), options_(std::move(options)) {}

ImportReport CategoryCsvImporter::run(std::istream& in, const std::string& source) {
    ImportReport report;
    detail::ErrorCollector errors(report, options_.max_errors);
    const std::size_t categories_before = tree_.size();
    core::CsvReader reader(in, source);
    std::vector<std::string> row;
    auto first = reader.next(row);
    if (!first || !*first) {
        if (!first)
            errors.add(first.error().message, first.error().where);
        else
            errors.add("empty file: expected a header row", source + ":1");
        return report;
    }
    auto header = core::CsvHeader::check(row, kRequired, kOptional, {}, reader.position());
    if (!header) {
        errors.add(header.error().message, header.error().where);
        return report;
    }
    RowImporter importer(tree_, *header, errors);
    std::unordered_map<AttributeId, std::size_t> defined_on_line;
    for (;;) {
        if (errors.full()) {
            report.error_limit_reached = true;
            break;
        }
        auto more = reader.next(row);
        if (!more) {
            errors.add(more.error().message,
                       more.error().where);  // the reader cannot resync after bad quoting
            break;
        }
        if (!*more) break;
        ++report.rows;
        const std::string position = reader.position();
        const std::size_t errors_before = errors.count();
        if (row.size() != header->columns().size()) {
            errors.add(detail::fieldCountMessage(row.size(), header->columns().size()), position);
        } else if (auto attribute = importer.import(row, position)) {
            auto [it, fresh] = defined_on_line.emplace(*attribute, reader.recordLine());
            if (fresh) {
                changes_.defined_attributes.push_back(*attribute);
            } else {
                errors.add("attribute " + quote(tree_.attribute(*attribute).code) +
                               " is defined twice (first on line " + std::to_string(it->second) + ")",
                           fieldWhere(position, "code"));
            }
        }
        if (errors.count() == errors_before) ++report.accepted;
        detail::reportProgress(options_, report.rows);
    }
    for (std::size_t id = categories_before; id < tree_.size(); ++id) {
        changes_.added_categories.push_back(static_cast<CategoryId>(id));
    }
    tree_.reindex();
    return report;
}

}  // namespace crossdock::catalog
