#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crossdock/catalog/assortment.h"
#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/catalog/search_query.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Tells whether the item with this SKU has available stock (see ItemStock::inStock()).
using StockLookup = std::function<bool(std::string_view sku)>;

/// The in-memory catalog search engine: the items themselves (doc id = position)
/// plus an inverted index over their text and a sorted table of their codes.
///
/// - Text postings: one sorted vector of uint32 doc ids per term, with a parallel
///   byte of field bits (name, brand, searchable attribute, description).
/// - Codes: SKU, MPN and GTIN in normalizeCode() form, in one sorted table, so an
///   exact code and every prefix of one is a binary search away.
/// - Columns per doc: category pre-order number, brand id, flags (live, in stock,
///   draft), SKU rank (sorting and cursors without reading the item); doc ids sorted
///   by SKU and by category pre-order (a subtree is one range). build() numbers the
///   docs in category pre-order, so a subtree's docs are also adjacent in memory.
///
/// Every instance builds it from the database at start (so SQLite and PostgreSQL
/// behave the same) and patches it as items change. Patches never renumber:
/// replacing an item retires its doc id and appends a new one; retired ids stay in
/// the postings, skipped at query time, until compact().
///
/// Thread safety: const methods may run concurrently; upsert(), remove(),
/// setInStock() and compact() need exclusive access (the server guards the index
/// with a std::shared_mutex: a patch takes microseconds to a few milliseconds).
/// A full rebuild is done beside the live index and swapped in.
class SearchIndex {
public:
    /// An empty index over `tree` (reindexed here if needed). Items added later
    /// must have their category in this tree, or kNoCategory.
    explicit SearchIndex(CategoryTree tree);

    /// Builds an index of `items` in O(n log n). A SKU given twice keeps the last
    /// item. `in_stock` is asked once per item; empty means nothing is in stock.
    static SearchIndex build(CategoryTree tree, std::vector<Item> items, const StockLookup& in_stock = {});

    /// Adds `item`, or replaces the item with the same SKU. O(tokens + n) (the
    /// sorted SKU, category and code arrays take an insertion each).
    /// InvalidArgument when the SKU is empty or the category is not in the tree.
    core::Status upsert(Item item, bool in_stock = false);

    /// Removes the item with this SKU; false when there was none.
    bool remove(std::string_view sku);

    /// Records whether the item has stock; false when the SKU is unknown.
    bool setInStock(std::string_view sku, bool in_stock);

    /// Rebuilds the index without the retired doc ids. O(n log n); doc ids change.
    void compact();

    /// Runs `query`. InvalidArgument when the cursor is not one this index issued
    /// for the same sort order, or a filter names an attribute outside the tree.
    core::Result<SearchResult> search(const SearchQuery& query) const;

    /// The live item with this SKU, or nullptr. Valid until the next mutation.
    const Item* find(std::string_view sku) const;

    std::size_t size() const { return live_; }                     ///< live items
    std::size_t retired() const { return items_.size() - live_; }  ///< doc ids awaiting compact()
    std::size_t termCount() const { return postings_.size(); }
    const CategoryTree& tree() const { return tree_; }
    /// Bytes held by the index structures (not the items), from vector capacities.
    std::size_t indexBytes() const;

private:
    friend class SearchExecutor;

    struct Postings {
        std::vector<std::uint32_t> docs;   // ascending
        std::vector<std::uint8_t> fields;  // field bits, parallel to docs
    };
    struct CodeEntry {
        std::uint32_t offset;  // into code_arena_
        std::uint32_t doc;
        std::uint8_t length;
    };

    static constexpr std::uint8_t kLive = 1;
    static constexpr std::uint8_t kInStock = 2;
    static constexpr std::uint8_t kDraft = 4;

    std::uint32_t appendDoc(Item item, bool in_stock);
    void indexText(std::uint32_t doc);
    void appendCodes(std::uint32_t doc, std::vector<CodeEntry>& out);
    std::string_view code(const CodeEntry& entry) const;
    std::optional<std::uint32_t> docOf(std::string_view sku) const;
    std::uint32_t brandId(const std::string& brand);
    std::uint32_t preOf(CategoryId category) const;
    void sortCodes(std::vector<CodeEntry>& entries) const;
    void addFacetCell(const AttributeValue& value);
    bool nameLess(std::uint32_t a, std::uint32_t b) const;  // (name, SKU) order
    std::shared_ptr<const std::vector<std::uint32_t>> listedDocs(
        const std::shared_ptr<const Assortment>& assortment) const;

    CategoryTree tree_;
    std::vector<Item> items_;
    std::vector<std::uint32_t> by_sku_;       // live doc ids, SKU ascending
    std::vector<std::uint32_t> by_name_;      // live doc ids, (name, SKU) ascending
    std::vector<std::uint32_t> by_category_;  // live doc ids, (pre, doc) ascending
    /// What a query reads of a doc, side by side so that one cache line serves the
    /// filters, the sort key and the facets: a hit costs one memory access, not one
    /// per column (and no read of the Item until the page is assembled).
    struct DocColumns {
        std::uint32_t pre = 0;    // category pre-order number
        std::uint32_t brand = 0;  // brand id
        // Place in SKU order, with gaps so that an upsert rarely renumbers (ranks
        // compare like the SKUs of live docs; a retired doc keeps a stale rank).
        std::uint32_t sku_rank = 0;
        std::uint32_t name_rank = 0;    // the same in (name, SKU) order
        std::uint32_t facet_begin = 0;  // its filterable values: facet_cells_[begin, begin + count)
        std::uint16_t facet_count = 0;
        std::uint8_t flags = 0;
    };
    /// One filterable enum/boolean/number value of a doc.
    struct FacetCell {
        std::uint32_t attribute;
        std::uint32_t value;  // enum choice, 0 true / 1 false, or kNumberBit | index into facet_numbers_
    };
    static constexpr std::uint32_t kNumberBit = 0x8000'0000U;
    using RankField = std::uint32_t DocColumns::*;
    /// Gives the doc at `position` of `order` a rank between its neighbours'.
    void rankNewDoc(const std::vector<std::uint32_t>& order, std::size_t position, RankField field);
    void renumberRanks(const std::vector<std::uint32_t>& order, RankField field);

    std::vector<DocColumns> docs_;
    std::vector<FacetCell> facet_cells_;
    std::vector<std::int64_t> facet_numbers_;  // Decimal::raw() of number values

    /// The docs of the SKUs each assortment lists, resolved once and reused by the
    /// queries that follow (an assortment is immutable; entries hold a weak_ptr so a
    /// freed and reused address never matches). Cleared by every mutation; a copy of
    /// the index starts empty. Guarded by its own mutex: const searches share it.
    struct ListedDocsCache {
        struct Entry {
            std::weak_ptr<const Assortment> owner;
            std::shared_ptr<const std::vector<std::uint32_t>> docs;
        };
        ListedDocsCache() = default;
        ListedDocsCache(const ListedDocsCache&) {}
        ListedDocsCache& operator=(const ListedDocsCache&) {
            clear();
            return *this;
        }
        void clear() {
            std::lock_guard lock(mutex);
            entries.clear();
        }
        std::mutex mutex;
        std::unordered_map<const Assortment*, Entry> entries;
    };
    mutable ListedDocsCache listed_docs_;
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> terms_;
    std::vector<Postings> postings_;
    std::string code_arena_;
    std::vector<CodeEntry> codes_;  // sorted by code text, then doc
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> brand_ids_;
    std::vector<std::string> brands_;  // id → brand ("" is id 0)
    std::size_t live_ = 0;
};

}  // namespace crossdock::catalog
