#pragma once

// What the SAX pass keeps of a BMEcat document: text with the line it came from,
// per product and for the group systems. Private to edi/bmecat.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace crossdock::edi::bmecat::detail {

/// One element's text, its name as the document spells it (interned in
/// ParsedDocument::names, so a million products do not each copy it) and its line (0 = absent).
struct Value {
    std::string text;
    std::string_view element;
    std::size_t line = 0;

    bool present() const { return line != 0; }
};

struct Feature {
    std::string name;                 // FNAME
    std::vector<std::string> values;  // FVALUE, in order
    std::string unit;                 // FUNIT
    std::size_t line = 0;             // the FEATURE element
};

/// REFERENCE_FEATURE_SYSTEM_NAME with REFERENCE_FEATURE_GROUP_ID or _NAME.
struct GroupReference {
    std::string system;
    Value group_id;
    Value group_name;
};

struct Price {
    std::string price_type;
    Value amount, currency, tax, factor, lower_bound;
    std::vector<std::string> territories;
    std::size_t line = 0;
};

struct PriceDetails {
    Value valid_from, valid_to;  // DATE of DATETIME valid_start_date / valid_end_date
    std::vector<Price> prices;
};

/// One ARTICLE (1.2) or PRODUCT (2005).
struct ProductRecord {
    std::size_t line = 0;
    std::string_view element;  // "ARTICLE" or "PRODUCT"
    std::string mode;          // mode attribute: "", "new", "update", "delete"
    Value sku, name, description, brand, mpn, gtin;
    Value order_unit, content_unit, units_per_order_unit, price_quantity, quantity_min, quantity_interval;
    std::vector<Feature> features;
    std::vector<GroupReference> group_references;
    std::vector<PriceDetails> price_details;
};

/// A CATALOG_STRUCTURE or CLASSIFICATION_GROUP.
struct Group {
    std::string id;
    std::string name;
    std::string parent_id;
    std::string type;  // "root", "node", "leaf" (CATALOG_STRUCTURE only)
    std::size_t line = 0;
};

/// ARTICLE_TO_CATALOGGROUP_MAP / PRODUCT_TO_CATALOGGROUP_MAP.
struct GroupMap {
    Value sku;       // ART_ID / PROD_ID
    Value group_id;  // CATALOG_GROUP_ID
};

struct GroupSystem {
    std::vector<Group> groups;
};

/// Everything the importer needs after the parse.
struct ParsedDocument {
    GroupSystem catalog_groups;                          // CATALOG_GROUP_SYSTEM
    std::map<std::string, GroupSystem> classifications;  // by CLASSIFICATION_SYSTEM_NAME
    std::vector<GroupMap> group_maps;
    std::vector<ProductRecord> products;
    bool has_header = false;
    std::set<std::string, std::less<>> names;  // element names the Values point into
};

}  // namespace crossdock::edi::bmecat::detail
