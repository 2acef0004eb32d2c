#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "crossdock/catalog/catalog_csv_importer.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/import_report.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/date.h"
#include "crossdock/core/decimal.h"

namespace crossdock::edi::bmecat {

/// Settings of one BMEcat import. Defaults suit `crossdock import catalog FILE.xml`.
struct BmecatOptions {
    /// max_errors, progress_every and on_progress as for the CSV importer (progress
    /// counts products read). create_missing_categories is ignored: the document's
    /// group system always creates its categories (in the importer's copy of the tree).
    catalog::ImportOptions import;
    /// Folder holding bmecat_2005_1.xsd and bmecat_2005_2.xsd (e.g. the corpus folder
    /// ../shared/corpus/bmecat/naugrimm-bmecat). Empty (the default): no XSD validation,
    /// only the structural checks. Set: documents in the 2005.1 / 2005.2 namespaces are
    /// validated with Xerces-C against that schema and every schema error is reported at
    /// "file:line:column"; documents in other namespaces (1.2, 2005) have no schema there
    /// and get the structural checks only (DocumentInfo::schema_validated says which).
    std::string schema_dir;
    /// Category for products that no group (CATALOG_GROUP_SYSTEM map or classification
    /// reference) places anywhere; created when missing. Empty: such a product is an error.
    std::string unassigned_category = "Unassigned";
    /// false (the default): a FEATURE whose FNAME is not an attribute code that applies
    /// to the product's category is skipped and counted (ignoredFeatures()). true: it is
    /// an error, as a non-empty attr: column for an undefined attribute is in the CSV.
    bool strict_features = false;
    /// Optional: the category path of the already stored item `sku`, or "" when there is
    /// none. Asked for a product that no group places (T_UPDATE_PRODUCTS usually carries no
    /// group system), before unassigned_category, so an update keeps the item's category.
    std::function<std::string(const std::string& sku)> stored_category;
};

/// One price of ARTICLE_PRICE_DETAILS / PRODUCT_PRICE_DETAILS, in the shape the prices
/// CSV takes (`price_list` is the caller's choice: e.g. `price_type` or a fixed name).
struct PriceRow {
    std::string sku;         ///< SUPPLIER_AID / SUPPLIER_PID
    std::string price_type;  ///< BMEcat price_type attribute: net_list, net_customer, gros_list, ...
    std::string uom;         ///< the ORDER_UNIT the price is for
    core::Decimal min_qty;   ///< LOWER_BOUND (in uom), 1 when absent
    /// PRICE_AMOUNT × PRICE_FACTOR ÷ PRICE_QUANTITY (factor and quantity 1 when absent),
    /// rounded half up to 4 fraction digits: the price of one uom.
    core::Decimal unit_price;
    std::string currency;                  ///< PRICE_CURRENCY, else the header's CURRENCY
    std::optional<core::Date> valid_from;  ///< DATETIME valid_start_date of the price details
    std::optional<core::Date> valid_to;    ///< DATETIME valid_end_date (inclusive)
    std::optional<core::Decimal> tax;      ///< TAX as given (0.19), informative
    std::vector<std::string> territories;  ///< TERRITORY codes, empty = everywhere
    std::size_t line = 0;                  ///< line of the ARTICLE_PRICE / PRODUCT_PRICE element
};

using PriceSink = std::function<void(PriceRow&& price)>;

/// What the document says about itself (filled by run(), also when it fails part way).
struct DocumentInfo {
    std::string version;  ///< BMECAT version attribute: "1.2", "2005", "2005.1", ...
    std::string namespace_uri;
    std::string transaction;  ///< "T_NEW_CATALOG", "T_UPDATE_PRODUCTS" or "T_UPDATE_PRICES"
    std::string catalog_id, catalog_version, language, currency;  ///< HEADER/CATALOG
    bool schema_validated = false;  ///< true when an XSD from schema_dir checked the document
};

/// The outputs of one run. Every member may be empty. The importer calls them only
/// while the document is error-free so far, in this order: categories once, then for
/// each product (document order) its item, then its prices. Any of them may throw: the
/// exception ends the import and propagates out of run().
struct BmecatSinks {
    /// The importer's tree and the categories it created (parents first), called once
    /// before the first item (also when none were created), so storage can write them first.
    std::function<void(const catalog::CategoryTree& tree, const std::vector<catalog::CategoryId>& created)>
        categories;
    catalog::ItemSink items;
    PriceSink prices;
};

/// Streaming reader of BMEcat 1.2 (ARTICLE) and BMEcat 2005 / 2005.1 / 2005.2 (PRODUCT)
/// documents: T_NEW_CATALOG, T_UPDATE_PRODUCTS (mode new/update upsert; mode delete is
/// listed in deletedSkus()) and T_UPDATE_PRICES (prices only). The XML is read with
/// Xerces-C SAX2 (no DTD or external entity is ever loaded); every product is turned into
/// a catalog record and checked by the catalog CSV importer's own rules (same SKU, GTIN,
/// unit, pack, order multiple, attribute and duplicate checks; see docs/catalog.md):
///
///   SUPPLIER_AID/PID → sku, DESCRIPTION_SHORT → name, DESCRIPTION_LONG → description,
///   MANUFACTURER_NAME → brand, MANUFACTURER_AID/PID → mpn, EAN or INTERNATIONAL_PID
///   (type gtin/ean/upc) → gtin; CONTENT_UNIT (else ORDER_UNIT) → base unit; when
///   ORDER_UNIT differs, a pack ORDER_UNIT = NO_CU_PER_OU base units, and QUANTITY_MIN /
///   QUANTITY_INTERVAL (in order units) × NO_CU_PER_OU → min_order_qty / order_multiple;
///   FEATURE FNAME/FVALUE(/FUNIT) → the attribute of that code; the category is the path
///   of group names (root group left out) from CATALOG_GROUP_SYSTEM and
///   ARTICLE/PRODUCT_TO_CATALOGGROUP_MAP, else from a REFERENCE_FEATURE_GROUP_ID/NAME in a
///   CLASSIFICATION_SYSTEM of the document, else BmecatOptions::stored_category, else
///   BmecatOptions::unassigned_category.
///
/// Errors are InvalidArgument at "file:line field ELEMENT" (the line Xerces reports for
/// that element; ELEMENT is the BMEcat element the value came from), "file:line:column"
/// for XML syntax and schema errors, "file:line" for errors about a whole product.
/// All are collected up to import.max_errors. Because the group maps follow the products
/// in the document, products are held (as text) until the end and validated then: memory
/// grows with the file, about the size of its product text. Nothing is applied anywhere:
/// the caller writes what the sinks receive inside one transaction and commits only when
/// the report is ok(). One run per importer. Not thread-safe. Never throws for bad input;
/// Xerces exceptions are translated into errors inside.
class BmecatImporter {
public:
    /// Works on its own copy of `tree` (the group system adds categories to it).
    explicit BmecatImporter(const catalog::CategoryTree& tree, BmecatOptions options = {});

    /// Same shape as CatalogCsvImporter::run(): items only (categories: see tree() and
    /// createdCategories() after the run; prices are dropped).
    catalog::ImportReport run(std::istream& in, const std::string& source, const catalog::ItemSink& sink);
    /// The full form. report.rows counts products (mode delete included), accepted the
    /// valid ones.
    catalog::ImportReport run(std::istream& in, const std::string& source, const BmecatSinks& sinks);

    /// The tree the items' category ids refer to: the given one plus the created categories.
    const catalog::CategoryTree& tree() const { return tree_; }
    /// Categories this run created, each after its parent.
    const std::vector<catalog::CategoryId>& createdCategories() const { return created_; }
    /// SKUs of T_UPDATE_PRODUCTS products with mode="delete", in document order.
    const std::vector<std::string>& deletedSkus() const { return deleted_; }
    /// Features skipped because no attribute of that code applies (strict_features off).
    std::size_t ignoredFeatures() const { return ignored_features_; }
    /// Price rows found (also when no PriceSink was given).
    std::size_t priceCount() const { return price_count_; }
    const DocumentInfo& document() const { return document_; }

private:
    catalog::CategoryTree tree_;
    BmecatOptions options_;
    std::vector<catalog::CategoryId> created_;
    std::vector<std::string> deleted_;
    std::size_t ignored_features_ = 0;
    std::size_t price_count_ = 0;
    DocumentInfo document_;
};

}  // namespace crossdock::edi::bmecat
