#include "crossdock/catalog/search_index.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "search_internal.h"

namespace crossdock::catalog {

namespace {

constexpr std::uint32_t kNoPre = 0xffff'ffffU;

void addTokens(std::string_view text, std::uint8_t field,
               std::vector<std::pair<std::string, std::uint8_t>>& out) {
    for (auto& token : tokenizeText(text)) out.emplace_back(std::move(token), field);
}

/// Stable-sorts `order` by the text `key(i)` in byte order. Comparing strings that live
/// in a million scattered items costs two cache misses per comparison, so each entry
/// carries 8 bytes of its key (after the prefix all keys share) as a big-endian integer
/// and the strings are compared only when those are equal.
template <typename KeyOf>
void sortByText(std::vector<std::uint32_t>& order, KeyOf key) {
    if (order.empty()) return;
    std::size_t common = key(order.front()).size();
    for (std::uint32_t i : order) {
        const std::string_view text = key(i);
        const std::string_view first = key(order.front());
        common = std::min(common, text.size());
        while (common > 0 && text.substr(0, common) != first.substr(0, common)) --common;
    }
    struct Entry {
        std::uint64_t head;
        std::uint32_t index;
    };
    std::vector<Entry> entries;
    entries.reserve(order.size());
    for (std::uint32_t i : order) {
        const std::string_view text = key(i).substr(common);
        std::uint64_t head = 0;
        for (std::size_t b = 0; b < 8; ++b)
            head = (head << 8) | (b < text.size() ? static_cast<unsigned char>(text[b]) : 0U);
        entries.push_back({head, i});
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        return a.head != b.head ? a.head < b.head : key(a.index) < key(b.index);
    });
    for (std::size_t i = 0; i < entries.size(); ++i) order[i] = entries[i].index;
}

/// The positions of `items` in SKU order, one per SKU: a SKU given twice keeps its later item.
std::vector<std::uint32_t> latestPerSku(const std::vector<Item>& items) {
    std::vector<std::uint32_t> order(items.size());
    std::iota(order.begin(), order.end(), 0U);
    sortByText(order, [&](std::uint32_t i) { return std::string_view(items[i].sku); });
    std::vector<std::uint32_t> kept;
    kept.reserve(order.size());
    for (std::uint32_t i : order) {
        if (!kept.empty() && items[kept.back()].sku == items[i].sku) {
            kept.back() = i;
        } else {
            kept.push_back(i);
        }
    }
    return kept;
}

}  // namespace

std::string filterTerm(AttributeId attribute, const AttributeData& data) {
    std::string term = "\x01" + std::to_string(attribute) + "=";
    if (const auto* choice = std::get_if<EnumChoice>(&data)) return term + std::to_string(choice->index);
    if (const auto* flag = std::get_if<bool>(&data)) return term + (*flag ? "t" : "f");
    return {};
}

SearchIndex::SearchIndex(CategoryTree tree) : tree_(std::move(tree)) {
    if (!tree_.indexed()) tree_.reindex();
    brand_ids_.emplace("", 0);
    brands_.emplace_back();
}

SearchIndex SearchIndex::build(CategoryTree tree, std::vector<Item> items, const StockLookup& in_stock) {
    SearchIndex index(std::move(tree));
    const std::vector<std::uint32_t> kept = latestPerSku(items);
    // Docs in category pre-order (SKU order within a category): a subtree's docs are
    // adjacent in every per-doc array, so browsing a category reads memory in order.
    std::vector<std::uint32_t> by_pre = kept;
    std::stable_sort(by_pre.begin(), by_pre.end(), [&](std::uint32_t a, std::uint32_t b) {
        return index.preOf(items[a].category) < index.preOf(items[b].category);
    });
    std::vector<std::uint32_t> doc_of(items.size(), 0);
    index.items_.reserve(by_pre.size());
    for (std::uint32_t i : by_pre) {
        const bool stocked = in_stock && in_stock(items[i].sku);
        doc_of[i] = index.appendDoc(std::move(items[i]), stocked);
    }
    items = {};
    auto& by_sku = index.by_sku_;
    by_sku.reserve(kept.size());
    for (std::uint32_t i : kept) by_sku.push_back(doc_of[i]);  // kept is in SKU order
    index.renumberRanks(by_sku, &DocColumns::sku_rank);
    index.by_name_ = by_sku;
    sortByText(index.by_name_, [&](std::uint32_t doc) { return std::string_view(index.items_[doc].name); });
    index.renumberRanks(index.by_name_, &DocColumns::name_rank);
    index.by_category_.resize(index.items_.size());
    std::iota(index.by_category_.begin(), index.by_category_.end(), 0U);  // (pre, doc) order already
    index.codes_.reserve(by_sku.size() * 3);
    for (std::uint32_t doc : by_sku) index.appendCodes(doc, index.codes_);
    index.sortCodes(index.codes_);
    return index;
}

void SearchIndex::rankNewDoc(const std::vector<std::uint32_t>& order, std::size_t position, RankField field) {
    const std::uint64_t lo = position > 0 ? docs_[order[position - 1]].*field : 0;
    const std::uint64_t hi = position + 1 < order.size() ? docs_[order[position + 1]].*field : 0xffff'ffffULL;
    if (hi - lo >= 2) {
        docs_[order[position]].*field = static_cast<std::uint32_t>(lo + (hi - lo) / 2);
    } else {
        renumberRanks(order, field);  // no room left between the neighbours: O(n), rare
    }
}

void SearchIndex::renumberRanks(const std::vector<std::uint32_t>& order, RankField field) {
    const std::uint64_t gap = std::max<std::uint64_t>(1, 0xffff'fffeULL / (order.size() + 1));
    for (std::size_t i = 0; i < order.size(); ++i)
        docs_[order[i]].*field = static_cast<std::uint32_t>((i + 1) * gap);
}

bool SearchIndex::nameLess(std::uint32_t a, std::uint32_t b) const {
    const Item& x = items_[a];
    const Item& y = items_[b];
    return x.name != y.name ? x.name < y.name : x.sku < y.sku;
}

std::shared_ptr<const std::vector<std::uint32_t>> SearchIndex::listedDocs(
    const std::shared_ptr<const Assortment>& assortment) const {
    {
        std::lock_guard lock(listed_docs_.mutex);
        auto it = listed_docs_.entries.find(assortment.get());
        if (it != listed_docs_.entries.end() && it->second.owner.lock() == assortment) return it->second.docs;
    }
    auto docs = std::make_shared<std::vector<std::uint32_t>>();
    for (const auto& sku : assortment->skus()) {
        if (auto doc = docOf(sku)) docs->push_back(*doc);
    }
    std::sort(docs->begin(), docs->end());
    std::lock_guard lock(listed_docs_.mutex);
    if (listed_docs_.entries.size() >= 4096) listed_docs_.entries.clear();  // bounded
    listed_docs_.entries[assortment.get()] = {assortment, docs};
    return docs;
}

std::uint32_t SearchIndex::appendDoc(Item item, bool in_stock) {
    const auto doc = static_cast<std::uint32_t>(items_.size());
    DocColumns columns;
    columns.pre = preOf(item.category);
    columns.brand = brandId(item.brand);
    columns.flags = static_cast<std::uint8_t>(kLive | (in_stock ? kInStock : 0) |
                                              (item.status == ItemStatus::Draft ? kDraft : 0));
    columns.facet_begin = static_cast<std::uint32_t>(facet_cells_.size());
    docs_.push_back(columns);  // sku_rank is set once the doc has its place in by_sku_
    items_.push_back(std::move(item));
    ++live_;
    indexText(doc);
    return doc;
}

void SearchIndex::indexText(std::uint32_t doc) {
    const Item& item = items_[doc];
    std::vector<std::pair<std::string, std::uint8_t>> tokens;
    addTokens(item.name, detail::kFieldName, tokens);
    addTokens(item.brand, detail::kFieldBrand, tokens);
    addTokens(item.description, detail::kFieldDescription, tokens);
    for (const auto& value : item.attributes) {
        if (value.attribute >= tree_.attributeCount()) continue;
        const auto& definition = tree_.attribute(value.attribute);
        if (definition.filterable) {
            if (auto term = filterTerm(value.attribute, value.data); !term.empty())
                tokens.emplace_back(term, 0);
            addFacetCell(value);
        }
        if (!definition.searchable || definition.type == AttributeType::Number) continue;
        if (definition.type == AttributeType::Boolean) continue;
        addTokens(formatAttributeValue(definition, value.data), detail::kFieldAttribute, tokens);
    }
    docs_[doc].facet_count = static_cast<std::uint16_t>(facet_cells_.size() - docs_[doc].facet_begin);
    std::sort(tokens.begin(), tokens.end());
    for (std::size_t i = 0; i < tokens.size();) {
        std::uint8_t fields = 0;
        std::size_t j = i;
        for (; j < tokens.size() && tokens[j].first == tokens[i].first; ++j) fields |= tokens[j].second;
        auto [it, inserted] =
            terms_.try_emplace(tokens[i].first, static_cast<std::uint32_t>(postings_.size()));
        if (inserted) postings_.emplace_back();
        auto& postings = postings_[it->second];
        postings.docs.push_back(doc);  // doc is the largest id so far: the vector stays sorted
        postings.fields.push_back(fields);
        i = j;
    }
}

void SearchIndex::addFacetCell(const AttributeValue& value) {
    if (facet_cells_.size() - docs_.back().facet_begin >= 0xffff) return;  // facet_count is 16 bits
    if (const auto* choice = std::get_if<EnumChoice>(&value.data)) {
        facet_cells_.push_back({value.attribute, choice->index});
    } else if (const auto* flag = std::get_if<bool>(&value.data)) {
        facet_cells_.push_back({value.attribute, *flag ? 0U : 1U});
    } else if (const auto* number = std::get_if<core::Decimal>(&value.data)) {
        facet_cells_.push_back(
            {value.attribute, kNumberBit | static_cast<std::uint32_t>(facet_numbers_.size())});
        facet_numbers_.push_back(number->raw());
    }
}

void SearchIndex::appendCodes(std::uint32_t doc, std::vector<CodeEntry>& out) {
    const Item& item = items_[doc];
    for (const std::string* text : {&item.sku, &item.mpn, &item.gtin}) {
        std::string code = normalizeCode(*text);
        if (code.empty()) continue;
        if (code.size() > 255) code.resize(255);
        out.push_back(CodeEntry{static_cast<std::uint32_t>(code_arena_.size()), doc,
                                static_cast<std::uint8_t>(code.size())});
        code_arena_ += code;
    }
}

std::string_view SearchIndex::code(const CodeEntry& entry) const {
    return std::string_view(code_arena_).substr(entry.offset, entry.length);
}

void SearchIndex::sortCodes(std::vector<CodeEntry>& entries) const {
    std::sort(entries.begin(), entries.end(), [&](const CodeEntry& a, const CodeEntry& b) {
        const auto order = code(a).compare(code(b));
        return order != 0 ? order < 0 : a.doc < b.doc;
    });
}

std::uint32_t SearchIndex::brandId(const std::string& brand) {
    auto [it, inserted] = brand_ids_.try_emplace(brand, static_cast<std::uint32_t>(brands_.size()));
    if (inserted) brands_.push_back(brand);
    return it->second;
}

std::uint32_t SearchIndex::preOf(CategoryId category) const {
    return category == kNoCategory ? kNoPre : tree_.category(category).pre;
}

std::optional<std::uint32_t> SearchIndex::docOf(std::string_view sku) const {
    auto it =
        std::lower_bound(by_sku_.begin(), by_sku_.end(), sku,
                         [&](std::uint32_t doc, std::string_view key) { return items_[doc].sku < key; });
    if (it == by_sku_.end() || items_[*it].sku != sku) return std::nullopt;
    return *it;
}

const Item* SearchIndex::find(std::string_view sku) const {
    auto doc = docOf(sku);
    return doc ? &items_[*doc] : nullptr;
}

core::Status SearchIndex::upsert(Item item, bool in_stock) {
    if (item.sku.empty()) return core::makeError(core::ErrorCode::InvalidArgument, "item without a SKU");
    if (item.category != kNoCategory && item.category >= tree_.size()) {
        return core::makeError(core::ErrorCode::InvalidArgument,
                               "item " + item.sku + ": category id not in the search index's tree");
    }
    const auto old_doc = docOf(item.sku);
    if (old_doc) remove(item.sku);
    const std::uint32_t doc = appendDoc(std::move(item), in_stock);
    const std::string& sku = items_[doc].sku;
    auto at = std::lower_bound(by_sku_.begin(), by_sku_.end(), sku,
                               [&](std::uint32_t d, const std::string& key) { return items_[d].sku < key; });
    const auto position = static_cast<std::size_t>(at - by_sku_.begin());
    by_sku_.insert(at, doc);
    rankNewDoc(by_sku_, position, &DocColumns::sku_rank);
    auto named = std::lower_bound(by_name_.begin(), by_name_.end(), doc,
                                  [&](std::uint32_t a, std::uint32_t b) { return nameLess(a, b); });
    const auto name_position = static_cast<std::size_t>(named - by_name_.begin());
    by_name_.insert(named, doc);
    rankNewDoc(by_name_, name_position, &DocColumns::name_rank);
    listed_docs_.clear();
    // doc is the largest id, so it goes after every doc with the same pre-order number.
    auto cat = std::upper_bound(by_category_.begin(), by_category_.end(), docs_[doc].pre,
                                [&](std::uint32_t pre, std::uint32_t d) { return pre < docs_[d].pre; });
    by_category_.insert(cat, doc);
    std::vector<CodeEntry> fresh;
    appendCodes(doc, fresh);
    for (const auto& entry : fresh) {
        auto pos = std::upper_bound(codes_.begin(), codes_.end(), entry,
                                    [&](const CodeEntry& a, const CodeEntry& b) {
                                        const auto order = code(a).compare(code(b));
                                        return order != 0 ? order < 0 : a.doc < b.doc;
                                    });
        codes_.insert(pos, entry);
    }
    return {};
}

bool SearchIndex::remove(std::string_view sku) {
    auto doc = docOf(sku);
    if (!doc) return false;
    docs_[*doc].flags = 0;  // postings and codes keep the id; queries skip it until compact()
    --live_;
    by_sku_.erase(std::find(by_sku_.begin(), by_sku_.end(), *doc));
    by_name_.erase(std::find(by_name_.begin(), by_name_.end(), *doc));
    listed_docs_.clear();
    auto cat = std::lower_bound(by_category_.begin(), by_category_.end(), std::pair(docs_[*doc].pre, *doc),
                                [&](std::uint32_t d, const std::pair<std::uint32_t, std::uint32_t>& key) {
                                    return std::pair(docs_[d].pre, d) < key;
                                });
    by_category_.erase(cat);
    return true;
}

bool SearchIndex::setInStock(std::string_view sku, bool in_stock) {
    auto doc = docOf(sku);
    if (!doc) return false;
    docs_[*doc].flags =
        static_cast<std::uint8_t>((docs_[*doc].flags & ~kInStock) | (in_stock ? kInStock : 0));
    return true;
}

void SearchIndex::compact() {
    std::vector<Item> items;
    std::vector<std::string> stocked;
    items.reserve(live_);
    for (std::uint32_t doc : by_sku_) {
        if (docs_[doc].flags & kInStock) stocked.push_back(items_[doc].sku);  // by_sku_ order: sorted
        items.push_back(std::move(items_[doc]));
    }
    auto in_stock = [&](std::string_view sku) {
        return std::binary_search(stocked.begin(), stocked.end(), sku);
    };
    *this = build(std::move(tree_), std::move(items), in_stock);
}

std::size_t SearchIndex::indexBytes() const {
    std::size_t bytes =
        docs_.capacity() * sizeof(DocColumns) + 4 * (by_sku_.capacity() + by_category_.capacity());
    bytes += facet_cells_.capacity() * sizeof(FacetCell) + facet_numbers_.capacity() * 8;
    bytes += code_arena_.capacity() + codes_.capacity() * sizeof(CodeEntry);
    bytes += postings_.capacity() * sizeof(Postings);
    for (const auto& postings : postings_) bytes += postings.docs.capacity() * 4 + postings.fields.capacity();
    for (const auto& [term, id] : terms_) bytes += term.capacity() + 48;  // node, hash, bucket
    return bytes;
}

}  // namespace crossdock::catalog
