#include <algorithm>
#include <iterator>

#include "search_internal.h"

namespace crossdock::catalog {

namespace {

core::Error badQuery(std::string message) {
    return core::makeError(core::ErrorCode::InvalidArgument, std::move(message), "search");
}

std::vector<std::string_view> splitWhitespace(std::string_view text) {
    std::vector<std::string_view> pieces;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
        if (j > i) pieces.push_back(text.substr(i, j - i));
        i = j;
    }
    return pieces;
}

// Adds `scored` into `hits` (both sorted by doc), summing scores of a doc in both.
void mergeScores(std::vector<SearchExecutor::Scored>& hits,
                 const std::vector<SearchExecutor::Scored>& scored) {
    std::vector<SearchExecutor::Scored> merged;
    merged.reserve(hits.size() + scored.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < hits.size() || j < scored.size()) {
        if (j == scored.size() || (i < hits.size() && hits[i].doc < scored[j].doc)) {
            merged.push_back(hits[i++]);
        } else if (i == hits.size() || scored[j].doc < hits[i].doc) {
            merged.push_back(scored[j++]);
        } else {
            merged.push_back({hits[i].doc, hits[i].score + scored[j].score});
            ++i;
            ++j;
        }
    }
    hits = std::move(merged);
}

}  // namespace

core::Result<SearchResult> SearchIndex::search(const SearchQuery& query) const {
    return SearchExecutor(*this, query).run();
}

core::Result<SearchResult> SearchExecutor::run() {
    if (auto status = prepare(); !status) return status.takeError();
    prepareVisibility();
    std::vector<Scored> hits = candidates();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        // Candidates are scattered over docs_: fetch ahead so that the misses overlap.
        if (i + 16 < hits.size()) __builtin_prefetch(&index_.docs_[hits[i + 16].doc]);
        if (passes(hits[i].doc)) hits[kept++] = hits[i];
    }
    hits.resize(kept);
    SearchResult result;
    result.total = hits.size();
    if (query_.with_facets) result.facets = facets(hits);
    if (cursor_) std::erase_if(hits, [&](const Scored& hit) { return !less(*cursor_, keyOf(hit)); });
    auto by_key = [&](const Scored& a, const Scored& b) { return less(keyOf(a), keyOf(b)); };
    const std::size_t page = std::min(query_.limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(page), hits.end(), by_key);
    if (page < hits.size() && page > 0) result.next_cursor = encodeCursor(keyOf(hits[page - 1]));
    result.hits.reserve(page);
    for (std::size_t i = 0; i < page; ++i) {
        const std::uint32_t doc = hits[i].doc;
        result.hits.push_back(SearchHit{index_.items_[doc], hits[i].score,
                                        (index_.docs_[doc].flags & SearchIndex::kInStock) != 0});
    }
    return result;
}

core::Status SearchExecutor::prepare() {
    const CategoryTree& tree = index_.tree_;
    if (query_.category) {
        if (*query_.category >= tree.size()) return badQuery("unknown category id");
        pre_lo_ = tree.category(*query_.category).pre;
        pre_hi_ = tree.category(*query_.category).post;
    }
    for (const auto& brand : query_.brands) {
        auto it = index_.brand_ids_.find(brand);
        if (it != index_.brand_ids_.end()) brand_filter_.push_back(it->second);
    }
    std::sort(brand_filter_.begin(), brand_filter_.end());
    for (std::size_t i = 0; i < query_.attributes.size(); ++i) {
        const auto& filter = query_.attributes[i];
        if (filter.attribute >= tree.attributeCount()) return badQuery("unknown attribute id");
        // candidates() intersects filterable values' postings; the rest is checked per item.
        if (!tree.attribute(filter.attribute).filterable) item_filters_.push_back(i);
        const auto type = tree.attribute(filter.attribute).type;
        const bool fits = (type == AttributeType::Enum && std::holds_alternative<EnumChoice>(filter.value)) ||
                          (type == AttributeType::Boolean && std::holds_alternative<bool>(filter.value));
        if (!fits)
            return badQuery("attribute " + tree.attribute(filter.attribute).code +
                            ": not an enum/boolean match");
    }
    for (std::size_t i = 0; i < query_.ranges.size(); ++i) {
        const auto& range = query_.ranges[i];
        if (range.attribute >= tree.attributeCount() ||
            tree.attribute(range.attribute).type != AttributeType::Number) {
            return badQuery("range filter on an attribute that is not a number");
        }
        // A filterable number is in the index's facet cells; others are read from the item.
        (tree.attribute(range.attribute).filterable ? cell_ranges_ : item_ranges_).push_back(i);
    }
    return decodeCursor();
}

std::vector<SearchExecutor::Scored> SearchExecutor::candidates() const {
    auto words = tokenizeText(query_.text);
    const bool browse = words.empty() && splitWhitespace(query_.text).empty();
    // Filterable enum/boolean values have postings: they narrow the candidates
    // before any item is touched. They weigh 0 in the score.
    std::vector<std::string> filters;
    for (const auto& filter : query_.attributes) {
        if (index_.tree_.attribute(filter.attribute).filterable) {
            filters.push_back(filterTerm(filter.attribute, filter.value));
        }
    }
    if (browse && !filters.empty()) return textMatches(filters);
    if (browse) return browseRange();
    if (!words.empty()) words.insert(words.end(), filters.begin(), filters.end());
    std::vector<Scored> hits = textMatches(words);
    mergeScores(hits, codeMatches());
    return hits;
}

// Browse: a category is one contiguous range of by_category_. Under an assortment
// only the parts of it that the assortment's categories cover are read, plus the
// SKUs it lists one by one, so a whole division browsed under a small assortment
// costs what it shows.
std::vector<SearchExecutor::Scored> SearchExecutor::browseRange() const {
    std::vector<Scored> hits;
    auto take = [&](std::uint32_t lo, std::uint32_t hi) {
        const auto& by_category = index_.by_category_;
        auto first = std::lower_bound(
            by_category.begin(), by_category.end(), lo,
            [&](std::uint32_t doc, std::uint32_t pre) { return index_.docs_[doc].pre < pre; });
        for (auto it = first; it != by_category.end() && index_.docs_[*it].pre <= hi; ++it)
            hits.push_back({*it, 0});
    };
    if (!restricted_) {
        take(pre_lo_, pre_hi_);
    } else {
        for (const auto& [lo, hi] : visible_pre_) {
            if (hi >= pre_lo_ && lo <= pre_hi_) take(std::max(lo, pre_lo_), std::min(hi, pre_hi_));
        }
        for (std::uint32_t doc : sku_docs_) {
            const std::uint32_t pre = index_.docs_[doc].pre;
            if (pre >= pre_lo_ && pre <= pre_hi_ && !coveredByCategory(pre)) hits.push_back({doc, 0});
        }
    }
    auto by_doc = [](const Scored& a, const Scored& b) { return a.doc < b.doc; };
    // Built docs are numbered in category order: only upserted ones need sorting.
    if (!std::is_sorted(hits.begin(), hits.end(), by_doc)) std::sort(hits.begin(), hits.end(), by_doc);
    return hits;
}

std::vector<SearchExecutor::Scored> SearchExecutor::textMatches(const std::vector<std::string>& words) const {
    std::vector<const SearchIndex::Postings*> lists;
    for (const auto& word : words) {
        auto it = index_.terms_.find(word);
        if (it == index_.terms_.end()) return {};  // every word must match
        const auto* postings = &index_.postings_[it->second];
        if (std::find(lists.begin(), lists.end(), postings) == lists.end()) lists.push_back(postings);
    }
    if (lists.empty()) return {};
    std::sort(lists.begin(), lists.end(), [](auto* a, auto* b) { return a->docs.size() < b->docs.size(); });
    std::vector<Scored> hits;
    hits.reserve(lists.front()->docs.size());
    for (std::size_t i = 0; i < lists.front()->docs.size(); ++i) {
        hits.push_back({lists.front()->docs[i], detail::fieldWeight(lists.front()->fields[i])});
    }
    for (std::size_t l = 1; l < lists.size() && !hits.empty(); ++l) {
        const auto& docs = lists[l]->docs;
        auto from = docs.begin();
        std::size_t kept = 0;
        for (const Scored& hit : hits) {
            from = std::lower_bound(from, docs.end(), hit.doc);  // the smaller list drives the walk
            if (from == docs.end()) break;
            if (*from != hit.doc) continue;
            const auto at = static_cast<std::size_t>(from - docs.begin());
            hits[kept++] = {hit.doc, hit.score + detail::fieldWeight(lists[l]->fields[at])};
        }
        hits.resize(kept);
    }
    return hits;
}

std::vector<SearchExecutor::Scored> SearchExecutor::codeMatches() const {
    // The whole text is the code: "drill xyz" must not find the item whose SKU is "DRILL".
    std::vector<Scored> found;
    const auto pieces = splitWhitespace(query_.text);
    if (pieces.empty()) return found;
    const std::string_view whole(pieces.front().data(),
                                 static_cast<std::size_t>(pieces.back().end() - pieces.front().begin()));
    addCode(normalizeCode(whole), found);
    if (query_.part_numbers) {
        if (auto sku = query_.part_numbers(whole)) {
            if (auto doc = index_.docOf(*sku)) found.push_back({*doc, detail::kExactCodeScore});
        }
    }
    // One doc may match several ways: keep its best code score.
    std::sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) {
        return a.doc != b.doc ? a.doc < b.doc : a.score > b.score;
    });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Scored& a, const Scored& b) { return a.doc == b.doc; }),
                found.end());
    return found;
}

void SearchExecutor::addCode(std::string_view code, std::vector<Scored>& out) const {
    if (code.empty()) return;
    std::string padded;
    const bool digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && (code.size() == 8 || code.size() == 12 || code.size() == 13)) {
        padded = std::string(14 - code.size(), '0') + std::string(code);  // GTINs are stored as GTIN-14
        addCode(padded, out);
    }
    const auto& codes = index_.codes_;
    auto first = std::lower_bound(
        codes.begin(), codes.end(), code,
        [&](const SearchIndex::CodeEntry& e, std::string_view key) { return index_.code(e) < key; });
    auto last = first;
    while (last != codes.end() && index_.code(*last).starts_with(code)) {
        if (code.size() < detail::kMinPrefix && index_.code(*last) != code) break;
        if (static_cast<std::size_t>(last - first) > detail::kMaxPrefixMatches) {
            last = first;  // too broad a prefix: only the exact matches (which sort first) count
            while (last != codes.end() && index_.code(*last) == code) ++last;
            break;
        }
        ++last;
    }
    for (auto it = first; it != last; ++it) {
        const bool exact = index_.code(*it).size() == code.size();
        out.push_back({it->doc, exact ? detail::kExactCodeScore : detail::kPrefixCodeScore});
    }
}

bool SearchExecutor::passes(std::uint32_t doc) {
    const std::uint8_t flags = index_.docs_[doc].flags;
    if (!(flags & SearchIndex::kLive)) return false;
    if (query_.in_stock_only && !(flags & SearchIndex::kInStock)) return false;
    if ((flags & SearchIndex::kDraft) && !query_.include_drafts) return false;
    const std::uint32_t pre = index_.docs_[doc].pre;
    if (query_.category && (pre < pre_lo_ || pre > pre_hi_)) return false;
    if (!query_.brands.empty() &&
        !std::binary_search(brand_filter_.begin(), brand_filter_.end(), index_.docs_[doc].brand)) {
        return false;
    }
    for (std::size_t i : cell_ranges_) {
        if (!inRange(query_.ranges[i], cellNumber(doc, query_.ranges[i].attribute))) return false;
    }
    if (!item_filters_.empty() || !item_ranges_.empty()) {  // only these read the item itself
        const Item& item = index_.items_[doc];
        for (std::size_t i : item_filters_) {
            const AttributeValue* value = item.attributeValue(query_.attributes[i].attribute);
            if (!value || value->data != query_.attributes[i].value) return false;
        }
        for (std::size_t i : item_ranges_) {
            const AttributeValue* value = item.attributeValue(query_.ranges[i].attribute);
            const auto* number = value ? std::get_if<core::Decimal>(&value->data) : nullptr;
            if (!inRange(query_.ranges[i], number ? std::optional(*number) : std::nullopt)) return false;
        }
    }
    return visible(doc);
}

std::optional<core::Decimal> SearchExecutor::cellNumber(std::uint32_t doc, AttributeId attribute) const {
    const auto& columns = index_.docs_[doc];
    for (std::uint32_t i = columns.facet_begin; i < columns.facet_begin + columns.facet_count; ++i) {
        const auto& cell = index_.facet_cells_[i];
        if (cell.attribute == attribute && (cell.value & SearchIndex::kNumberBit))
            return core::Decimal::fromRaw(index_.facet_numbers_[cell.value & ~SearchIndex::kNumberBit]);
    }
    return std::nullopt;
}

bool SearchExecutor::inRange(const NumericRange& range, std::optional<core::Decimal> number) {
    return number && !(range.min && *number < *range.min) && !(range.max && *number > *range.max);
}

// An item is visible when an assortment covers its category or lists its SKU
// (Assortment's contract). The category half becomes a few merged pre-order
// intervals, tested on the doc's pre number; the SKU half the sorted docs of the
// listed SKUs, which the index resolves once per assortment and keeps.
void SearchExecutor::prepareVisibility() {
    const CustomerVisibility* visibility = query_.visibility;
    restricted_ = visibility != nullptr && !visibility->unrestricted();
    if (!restricted_) return;
    const CategoryTree& tree = index_.tree_;
    for (const auto& assortment : visibility->assortments()) {
        for (CategoryId root : assortment->categories()) {
            if (root < tree.size())
                visible_pre_.emplace_back(tree.category(root).pre, tree.category(root).post);
        }
        const auto listed = index_.listedDocs(assortment);
        sku_docs_.insert(sku_docs_.end(), listed->begin(), listed->end());
    }
    std::sort(visible_pre_.begin(), visible_pre_.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
    for (const auto& span : visible_pre_) {
        if (!merged.empty() && span.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, span.second);
        } else {
            merged.push_back(span);
        }
    }
    visible_pre_ = std::move(merged);
    std::sort(sku_docs_.begin(), sku_docs_.end());
    sku_docs_.erase(std::unique(sku_docs_.begin(), sku_docs_.end()), sku_docs_.end());
}

bool SearchExecutor::coveredByCategory(std::uint32_t pre) const {
    auto span = std::upper_bound(visible_pre_.begin(), visible_pre_.end(), pre,
                                 [](std::uint32_t p, const auto& interval) { return p < interval.first; });
    return span != visible_pre_.begin() && pre <= std::prev(span)->second;
}

bool SearchExecutor::visible(std::uint32_t doc) const {
    if (!restricted_) return true;
    return coveredByCategory(index_.docs_[doc].pre) ||
           std::binary_search(sku_docs_.begin(), sku_docs_.end(), doc);
}

SearchExecutor::Key SearchExecutor::keyOf(const Scored& hit) const {
    const auto& columns = index_.docs_[hit.doc];
    const std::uint32_t rank = query_.sort == SearchSort::Name ? columns.name_rank : columns.sku_rank;
    return Key{hit.score, 2 * std::uint64_t{rank}, hit.doc};
}

bool SearchExecutor::less(const Key& a, const Key& b) const {
    switch (query_.sort) {
        case SearchSort::Relevance:
            if (a.score != b.score) return a.score > b.score;
            return a.rank < b.rank;
        case SearchSort::Name:  // name_rank: (name, SKU) order
        case SearchSort::Sku:
            break;
    }
    return a.rank < b.rank;
}

}  // namespace crossdock::catalog
