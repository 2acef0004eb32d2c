#pragma once

// Shared between search_index.cpp and search_executor.cpp: field bits and weights.

#include <cstdint>

namespace crossdock::catalog::detail {

inline constexpr std::uint8_t kFieldName = 1;
inline constexpr std::uint8_t kFieldBrand = 2;
inline constexpr std::uint8_t kFieldAttribute = 4;
inline constexpr std::uint8_t kFieldDescription = 8;

/// Score of one query word: the best field it matched in.
inline std::uint32_t fieldWeight(std::uint8_t fields) {
    if (fields & kFieldName) return 8;
    if (fields & kFieldBrand) return 4;
    if (fields & kFieldAttribute) return 2;
    return fields & kFieldDescription ? 1U : 0U;
}

/// An exact SKU / MPN / GTIN / customer part number: above any text score.
inline constexpr std::uint32_t kExactCodeScore = 1000;
/// A code that starts with the query (at least kMinPrefix characters).
inline constexpr std::uint32_t kPrefixCodeScore = 100;
inline constexpr std::size_t kMinPrefix = 4;
/// A prefix matching more codes than this is not expanded (e.g. "sku0").
inline constexpr std::size_t kMaxPrefixMatches = 1000;

}  // namespace crossdock::catalog::detail

#include <string>
#include <string_view>
#include <vector>

#include "crossdock/catalog/search_index.h"

namespace crossdock::catalog {

/// Runs one SearchQuery against one SearchIndex (search_executor.cpp, facets in
/// search_facets.cpp). Lives for one call; reads the index only.
/// The postings key of an Enum or Boolean attribute value ("\x01" never occurs in a
/// token); empty for other types.
std::string filterTerm(AttributeId attribute, const AttributeData& data);

struct FacetCounters;  // search_facets.cpp

class SearchExecutor {
public:
    struct Scored {
        std::uint32_t doc;
        std::uint32_t score;
    };

    SearchExecutor(const SearchIndex& index, const SearchQuery& query) : index_(index), query_(query) {}
    core::Result<SearchResult> run();

private:
    /// A sort key that compares without reading the item.
    struct Key {
        std::uint32_t score;
        std::uint64_t rank;  // 2 × SKU rank (Name: name rank); a cursor between two docs: odd
        std::uint32_t doc;   // kNoDoc for a cursor
    };
    static constexpr std::uint32_t kNoDoc = 0xffff'ffffU;

    core::Status prepare();
    std::vector<Scored> candidates() const;
    std::vector<Scored> browseRange() const;
    void prepareVisibility();
    bool coveredByCategory(std::uint32_t pre) const;
    std::vector<Scored> textMatches(const std::vector<std::string>& words) const;
    std::vector<Scored> codeMatches() const;
    void addCode(std::string_view code, std::vector<Scored>& out) const;
    bool passes(std::uint32_t doc);
    bool visible(std::uint32_t doc) const;
    Key keyOf(const Scored& hit) const;
    bool less(const Key& a, const Key& b) const;
    std::string encodeCursor(const Key& key) const;
    std::uint64_t cursorRank(std::string_view name, std::string_view sku) const;
    core::Status decodeCursor();
    std::vector<Facet> facets(const std::vector<Scored>& hits) const;
    Facet categoryFacet(const std::vector<Scored>& hits) const;
    Facet brandFacet(const std::vector<Scored>& hits) const;
    std::vector<Facet> attributeFacets(const std::vector<Scored>& hits) const;
    std::vector<Facet> facetsFrom(const FacetCounters& counters) const;
    void valueFacet(Facet& facet, const std::uint32_t* counts, std::size_t slots) const;
    void finish(Facet& facet) const;

    const SearchIndex& index_;
    const SearchQuery& query_;
    std::uint32_t pre_lo_ = 0;
    std::uint32_t pre_hi_ = 0xffff'ffffU;
    std::vector<std::uint32_t> brand_filter_;  // sorted brand ids; unused when query has no brands
    std::optional<core::Decimal> cellNumber(std::uint32_t doc, AttributeId attribute) const;
    static bool inRange(const NumericRange& range, std::optional<core::Decimal> number);

    std::vector<std::size_t> cell_ranges_;   // query_.ranges on filterable numbers
    std::vector<std::size_t> item_ranges_;   // the other query_.ranges
    std::vector<std::size_t> item_filters_;  // query_.attributes that postings do not enforce
    bool restricted_ = false;                // a visibility that does not see everything
    std::vector<std::pair<std::uint32_t, std::uint32_t>>
        visible_pre_;                      // merged [pre, post] of the assortments
    std::vector<std::uint32_t> sku_docs_;  // sorted docs of the SKUs the assortments list
    std::optional<Key> cursor_;
};

}  // namespace crossdock::catalog
