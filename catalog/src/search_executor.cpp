#include <algorithm>

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
    std::vector<Scored> hits = candidates();
    std::erase_if(hits, [&](const Scored& hit) { return !passes(hit.doc); });
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
        result.hits.push_back(
            SearchHit{index_.items_[doc], hits[i].score, (index_.flags_[doc] & SearchIndex::kInStock) != 0});
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
    for (const auto& filter : query_.attributes) {
        if (filter.attribute >= tree.attributeCount()) return badQuery("unknown attribute id");
        const auto type = tree.attribute(filter.attribute).type;
        const bool fits = (type == AttributeType::Enum && std::holds_alternative<EnumChoice>(filter.value)) ||
                          (type == AttributeType::Boolean && std::holds_alternative<bool>(filter.value));
        if (!fits)
            return badQuery("attribute " + tree.attribute(filter.attribute).code +
                            ": not an enum/boolean match");
    }
    for (const auto& range : query_.ranges) {
        if (range.attribute >= tree.attributeCount() ||
            tree.attribute(range.attribute).type != AttributeType::Number) {
            return badQuery("range filter on an attribute that is not a number");
        }
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
    if (browse) {
        // Browse: a category is one contiguous range of by_category_.
        std::vector<Scored> hits;
        const auto& by_category = index_.by_category_;
        auto first =
            std::lower_bound(by_category.begin(), by_category.end(), pre_lo_,
                             [&](std::uint32_t doc, std::uint32_t pre) { return index_.pre_[doc] < pre; });
        for (auto it = first; it != by_category.end() && index_.pre_[*it] <= pre_hi_; ++it)
            hits.push_back({*it, 0});
        std::sort(hits.begin(), hits.end(), [](const Scored& a, const Scored& b) { return a.doc < b.doc; });
        return hits;
    }
    if (!words.empty()) words.insert(words.end(), filters.begin(), filters.end());
    std::vector<Scored> hits = textMatches(words);
    mergeScores(hits, codeMatches());
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
    if (!(index_.flags_[doc] & SearchIndex::kLive)) return false;
    if (query_.in_stock_only && !(index_.flags_[doc] & SearchIndex::kInStock)) return false;
    const std::uint32_t pre = index_.pre_[doc];
    if (query_.category && (pre < pre_lo_ || pre > pre_hi_)) return false;
    if (!query_.brands.empty() &&
        !std::binary_search(brand_filter_.begin(), brand_filter_.end(), index_.brand_[doc])) {
        return false;
    }
    const Item& item = index_.items_[doc];
    if (item.status == ItemStatus::Draft && !query_.include_drafts) return false;
    for (const auto& filter : query_.attributes) {
        const AttributeValue* value = item.attributeValue(filter.attribute);
        if (!value || value->data != filter.value) return false;
    }
    for (const auto& range : query_.ranges) {
        const AttributeValue* value = item.attributeValue(range.attribute);
        const auto* number = value ? std::get_if<core::Decimal>(&value->data) : nullptr;
        if (!number || (range.min && *number < *range.min) || (range.max && *number > *range.max))
            return false;
    }
    return visible(item);
}

// An item is visible when an assortment covers its category or lists its SKU
// (Assortment's contract). Asking those two questions apart lets the category
// answer be asked once per category instead of once per item: a probe item with
// no SKU asks about the category, one with no category about the SKU. When some
// assortment lists the empty SKU the split would lie, so every item is asked whole.
bool SearchExecutor::visible(const Item& item) {
    const CustomerVisibility* visibility = query_.visibility;
    if (!visibility || visibility->unrestricted()) return true;
    if (category_visible_.empty()) {
        category_visible_.assign(index_.tree_.size(), -1);
        probe_.sku.clear();
        probe_.category = kNoCategory;
        split_visibility_ = !visibility->canSee(index_.tree_, probe_);
    }
    if (!split_visibility_) return visibility->canSee(index_.tree_, item);
    if (item.category != kNoCategory) {
        auto& known = category_visible_[item.category];
        if (known < 0) {
            probe_.sku.clear();
            probe_.category = item.category;
            known = visibility->canSee(index_.tree_, probe_) ? 1 : 0;
        }
        if (known == 1) return true;
    }
    probe_.sku = item.sku;
    probe_.category = kNoCategory;
    return visibility->canSee(index_.tree_, probe_);
}

SearchExecutor::Key SearchExecutor::keyOf(const Scored& hit) const {
    const Item& item = index_.items_[hit.doc];
    return Key{hit.score, item.name, item.sku};
}

bool SearchExecutor::less(const Key& a, const Key& b) const {
    switch (query_.sort) {
        case SearchSort::Relevance:
            if (a.score != b.score) return a.score > b.score;
            return a.sku < b.sku;
        case SearchSort::Name:
            if (a.name != b.name) return a.name < b.name;
            return a.sku < b.sku;
        case SearchSort::Sku:
            break;
    }
    return a.sku < b.sku;
}

}  // namespace crossdock::catalog
