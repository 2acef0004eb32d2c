#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crossdock/catalog/assortment.h"
#include "crossdock/catalog/attribute.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/decimal.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Order of the hits. Every order ends with the SKU, so it is total and stable.
enum class SearchSort : std::uint8_t {
    Relevance,  ///< score descending, then SKU ascending
    Sku,        ///< SKU ascending (byte order)
    Name,       ///< name ascending (byte order), then SKU
};

/// Keeps items whose value of `attribute` (an Enum or Boolean attribute) equals
/// `value` (an EnumChoice or a bool). Items without a value are dropped.
struct AttributeEquals {
    AttributeId attribute = 0;
    AttributeData value;
};

/// Keeps items whose Number value of `attribute` lies in [min, max] (either bound
/// optional, both inclusive). Items without a value are dropped.
struct NumericRange {
    AttributeId attribute = 0;
    std::optional<core::Decimal> min;
    std::optional<core::Decimal> max;
};

/// The SKU that the calling customer calls `part_number`, or nullopt. Bind it to
/// the caller: `[&](auto pn) { return parts.skuFor(customer_id, pn); }`, so
/// another customer's part numbers are never found.
using PartNumberLookup = std::function<std::optional<std::string>(std::string_view part_number)>;

/// One search request. Defaults: no text (browse), no filters, everything
/// visible, relevance order, 20 hits, facets on.
struct SearchQuery {
    /// Free text. Words must all match (AND) somewhere in name, brand, description
    /// or a searchable attribute; the whole text and each word are also looked up as
    /// SKU / MPN / GTIN (exact, or as a prefix of at least 4 characters) and as the
    /// caller's part number. Empty: every item passing the filters.
    std::string text;
    std::optional<CategoryId> category;       ///< items in this subtree only
    std::vector<std::string> brands;          ///< any of these brands (exact); empty: any
    std::vector<AttributeEquals> attributes;  ///< all of these must hold
    std::vector<NumericRange> ranges;         ///< all of these must hold
    bool in_stock_only = false;               ///< only items with available stock
    bool include_drafts = false;              ///< Draft items are hidden unless set
    /// What the caller may see; nullptr sees everything. Applied to hits and to
    /// facet counts alike. Must outlive the search() call.
    const CustomerVisibility* visibility = nullptr;
    PartNumberLookup part_numbers;  ///< the caller's part numbers; empty: none
    SearchSort sort = SearchSort::Relevance;
    std::size_t limit = 20;         ///< hits per page (0 is allowed: facets and total only)
    std::string cursor;             ///< SearchResult::next_cursor of the previous page; empty: first page
    bool with_facets = true;        ///< compute facets (the first page usually wants them)
    std::size_t facet_values = 50;  ///< at most this many values per facet, most frequent first
};

/// One hit: a copy of the item and why it matched.
struct SearchHit {
    Item item;
    std::uint32_t score = 0;  ///< ≥ 1000 for an exact code or part-number match
    bool in_stock = false;
};

/// What a facet counts.
enum class FacetKind : std::uint8_t { Category, Brand, Enum, Boolean, Number };

/// One value of a facet and the number of visible hits that carry it.
struct FacetValue {
    std::string value;  ///< brand, category name, enum value, "true"/"false"
    std::uint32_t count = 0;
    CategoryId category = kNoCategory;  ///< Category facets: the child category
    std::optional<EnumChoice> choice;   ///< Enum facets: the value as a filter takes it
};

/// Counts over the filtered, visible hit set (not only the page).
struct Facet {
    FacetKind kind = FacetKind::Brand;
    std::string code;                  ///< "category", "brand" or the attribute code
    AttributeId attribute = 0;         ///< Enum, Boolean, Number facets
    std::vector<FacetValue> values;    ///< count descending, then value; empty for Number
    std::uint32_t count = 0;           ///< Number: hits having a value
    std::optional<core::Decimal> min;  ///< Number: smallest value among the hits
    std::optional<core::Decimal> max;  ///< Number: largest value among the hits
};

/// One page of hits.
struct SearchResult {
    std::vector<SearchHit> hits;  ///< at most SearchQuery::limit, in the requested order
    std::size_t total = 0;        ///< all visible hits of the query (every page together)
    /// Opaque: pass it back as SearchQuery::cursor (same query otherwise) for the
    /// next page. Empty when this is the last page. It encodes the sort key of the
    /// last hit, so pages never repeat or skip an item that did not change between them.
    std::string next_cursor;
    std::vector<Facet> facets;  ///< category (children of the filter category), brand, then attributes
};

/// Lower-cases, folds common Latin-1 letters to ASCII (é → e, ß → ss, Æ → ae) and
/// splits at everything that is not a letter or digit (other non-ASCII UTF-8
/// bytes count as letters). Tokens longer than 64 bytes are cut. Used for the index
/// and for queries alike.
std::vector<std::string> tokenizeText(std::string_view text);

/// The lookup form of a SKU, MPN, GTIN or part number typed by a user: ASCII
/// letters lower-cased, everything that is not a letter or digit dropped
/// ("ABC-12/x" → "abc12x").
std::string normalizeCode(std::string_view code);

}  // namespace crossdock::catalog
