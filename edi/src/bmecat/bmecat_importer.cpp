#include "crossdock/edi/bmecat/bmecat_importer.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "bmecat_groups.h"
#include "bmecat_handler.h"
#include "bmecat_mapper.h"
#include "bmecat_parse.h"
#include "crossdock/catalog/catalog_record_validator.h"

namespace crossdock::edi::bmecat {

namespace {

/// Appends errors to the report until the limit, as the CSV importers do.
class Errors {
public:
    Errors(catalog::ImportReport& report, std::size_t max) : report_(report), max_(max == 0 ? 1 : max) {}
    void add(std::string message, std::string where) {
        if (full()) {
            report_.error_limit_reached = true;
            return;
        }
        report_.errors.push_back(
            core::makeError(core::ErrorCode::InvalidArgument, std::move(message), std::move(where)));
    }
    bool full() const { return report_.errors.size() >= max_; }

private:
    catalog::ImportReport& report_;
    std::size_t max_;
};

std::string at(const std::string& source, const detail::FieldSource& field) {
    return source + ":" + std::to_string(field.line) + " field " + std::string(field.element);
}

/// What the product pass writes back into the importer.
struct Outputs {
    catalog::CategoryTree& tree;
    std::vector<catalog::CategoryId>& created;
    std::vector<std::string>& deleted;
    std::size_t& ignored_features;
    std::size_t& price_count;
};

/// The products of a parsed document, validated and handed to the sinks.
class ProductPass {
public:
    ProductPass(const detail::ParsedDocument& document, const DocumentInfo& info,
                const BmecatOptions& options, const std::string& source, catalog::ImportReport& report,
                Errors& errors, Outputs out)
        : document_(document),
          info_(info),
          options_(options),
          source_(source),
          report_(report),
          errors_(errors),
          out_(out) {}

    void run(const BmecatSinks& sinks);

private:
    void add(std::string message, const detail::FieldSource& field) {
        errors_.add(std::move(message), at(source_, field));
    }
    bool addAll(const std::vector<detail::MappingError>& problems);
    std::vector<std::optional<detail::Placement>> placeAll();
    void product(const detail::ProductRecord& record, const std::optional<detail::Placement>& placement,
                 const BmecatSinks& sinks);
    void prices(const detail::ProductRecord& record, const BmecatSinks& sinks, bool emit);

    const detail::ParsedDocument& document_;
    const DocumentInfo& info_;
    const BmecatOptions& options_;
    const std::string& source_;
    catalog::ImportReport& report_;
    Errors& errors_;
    Outputs out_;
    std::unique_ptr<detail::ProductMapper> mapper_;
    std::unique_ptr<catalog::CatalogRecordValidator> validator_;
};

bool ProductPass::addAll(const std::vector<detail::MappingError>& problems) {
    for (const auto& problem : problems) add(problem.message, problem.at);
    return problems.empty();
}

std::vector<std::optional<detail::Placement>> ProductPass::placeAll() {
    const std::size_t before = out_.tree.size();
    detail::GroupResolver groups(
        document_, out_.tree, options_,
        [&](std::string message, std::string where) { errors_.add(std::move(message), std::move(where)); },
        [&](std::size_t line) { return source_ + ":" + std::to_string(line); });
    groups.createCatalogGroups();
    std::vector<std::optional<detail::Placement>> placements;
    placements.reserve(document_.products.size());
    const bool prices_only = info_.transaction == "T_UPDATE_PRICES";
    for (const auto& record : document_.products) {
        placements.push_back(prices_only || record.mode == "delete" ? std::nullopt : groups.place(record));
    }
    for (std::size_t id = before; id < out_.tree.size(); ++id)
        out_.created.push_back(static_cast<catalog::CategoryId>(id));
    out_.tree.reindex();
    return placements;
}

void ProductPass::run(const BmecatSinks& sinks) {
    auto placements = placeAll();
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < placements.size(); ++i) {
        if (placements[i])
            detail::collectAttributeCodes(out_.tree, document_.products[i], placements[i]->category, codes);
    }
    mapper_ = std::make_unique<detail::ProductMapper>(out_.tree, codes, options_.strict_features);
    auto validator = catalog::CatalogRecordValidator::create(out_.tree, mapper_->columns(), source_);
    if (!validator) {  // only if a code slipped through unchecked: a bug
        errors_.add(validator.error().message, validator.error().where);
        return;
    }
    validator_ = std::move(*validator);
    if (report_.ok() && sinks.categories) sinks.categories(out_.tree, out_.created);
    for (std::size_t i = 0; i < placements.size() && !errors_.full(); ++i) {
        product(document_.products[i], placements[i], sinks);
    }
    out_.ignored_features = mapper_->ignoredFeatures();
}

void ProductPass::product(const detail::ProductRecord& record,
                          const std::optional<detail::Placement>& placement, const BmecatSinks& sinks) {
    const detail::FieldSource sku_at{record.sku.present() ? record.sku.element : record.element,
                                     record.sku.present() ? record.sku.line : record.line};
    if (info_.transaction == "T_UPDATE_PRICES" || record.mode == "delete") {
        if (record.sku.text.empty()) return add("sku is empty", sku_at);
        ++report_.accepted;
        if (record.mode == "delete") {
            out_.deleted.push_back(record.sku.text);
        } else {
            prices(record, sinks, true);
        }
        return;
    }
    if (!placement) return;  // reported by the group resolver
    detail::MappedProduct mapped;
    std::vector<detail::MappingError> problems;
    mapper_->map(record, *placement, mapped, problems);
    catalog::Item item;
    std::vector<catalog::RecordError> invalid;
    bool ok = validator_->validate(mapped.fields, record.line, item, invalid);
    for (const auto& error : invalid) {
        auto column = std::find(mapper_->columns().begin(), mapper_->columns().end(), error.column);
        const auto index = static_cast<std::size_t>(column - mapper_->columns().begin());
        add(error.message, column == mapper_->columns().end()
                               ? detail::FieldSource{record.element, record.line}
                               : mapped.sources[index]);
    }
    ok = addAll(problems) && ok;
    if (!ok) return;
    ++report_.accepted;
    const bool emit = report_.ok();
    if (emit && sinks.items) sinks.items(std::move(item));
    prices(record, sinks, emit);
}

void ProductPass::prices(const detail::ProductRecord& record, const BmecatSinks& sinks, bool emit) {
    std::vector<PriceRow> rows;
    std::vector<detail::MappingError> problems;
    detail::buildPrices(record, info_.currency, rows, problems);
    addAll(problems);
    out_.price_count += rows.size();
    if (!emit || !report_.ok() || !sinks.prices) return;
    for (auto& row : rows) sinks.prices(std::move(row));
}

}  // namespace

BmecatImporter::BmecatImporter(const catalog::CategoryTree& tree, BmecatOptions options)
    : tree_(tree), options_(std::move(options)) {}

catalog::ImportReport BmecatImporter::run(std::istream& in, const std::string& source,
                                          const catalog::ItemSink& sink) {
    BmecatSinks sinks;
    sinks.items = sink;
    return run(in, source, sinks);
}

catalog::ImportReport BmecatImporter::run(std::istream& in, const std::string& source,
                                          const BmecatSinks& sinks) {
    catalog::ImportReport report;
    Errors errors(report, options_.import.max_errors);
    auto on_error = [&](std::string message, std::string where) {
        errors.add(std::move(message), std::move(where));
    };
    detail::ParsedDocument document;
    const auto& import = options_.import;
    auto on_product = [&](std::size_t products) {
        if (import.progress_every != 0 && products % import.progress_every == 0 && import.on_progress)
            import.on_progress(products);
    };
    detail::BmecatHandler handler(source, document, document_, on_error, on_product);
    bool complete = detail::parseDocument(in, source, options_.schema_dir, handler, document_, on_error,
                                          [&] { return errors.full(); });
    report.rows = document.products.size();
    if (errors.full()) report.error_limit_reached = true;
    if (!complete || handler.stopped()) return report;
    if (!document.has_header) on_error("BMECAT has no HEADER", handler.where(handler.rootLine()));
    if (document_.transaction.empty()) {
        on_error("BMECAT holds no T_NEW_CATALOG, T_UPDATE_PRODUCTS or T_UPDATE_PRICES",
                 handler.where(handler.rootLine()));
    }
    Outputs outputs{tree_, created_, deleted_, ignored_features_, price_count_};
    ProductPass(document, document_, options_, source, report, errors, outputs).run(sinks);
    if (errors.full()) report.error_limit_reached = true;
    return report;
}

}  // namespace crossdock::edi::bmecat
