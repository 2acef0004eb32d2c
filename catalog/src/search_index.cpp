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
    index.items_.reserve(items.size());
    for (auto& item : items) {
        const bool stocked = in_stock && in_stock(item.sku);
        index.appendDoc(std::move(item), stocked);
    }
    items = {};
    auto& by_sku = index.by_sku_;
    by_sku.resize(index.items_.size());
    std::iota(by_sku.begin(), by_sku.end(), 0U);
    std::stable_sort(by_sku.begin(), by_sku.end(), [&](std::uint32_t a, std::uint32_t b) {
        return index.items_[a].sku < index.items_[b].sku;
    });
    // A SKU given twice: the later doc wins, the earlier is retired.
    std::vector<std::uint32_t> unique;
    unique.reserve(by_sku.size());
    for (std::uint32_t doc : by_sku) {
        if (!unique.empty() && index.items_[unique.back()].sku == index.items_[doc].sku) {
            index.flags_[unique.back()] = 0;
            --index.live_;
            unique.back() = doc;
        } else {
            unique.push_back(doc);
        }
    }
    by_sku = std::move(unique);
    auto& by_category = index.by_category_;
    by_category = by_sku;
    std::sort(by_category.begin(), by_category.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::pair(index.pre_[a], a) < std::pair(index.pre_[b], b);
    });
    index.codes_.reserve(by_sku.size() * 3);
    for (std::uint32_t doc : by_sku) index.appendCodes(doc, index.codes_);
    index.sortCodes(index.codes_);
    return index;
}

std::uint32_t SearchIndex::appendDoc(Item item, bool in_stock) {
    const auto doc = static_cast<std::uint32_t>(items_.size());
    pre_.push_back(preOf(item.category));
    brand_.push_back(brandId(item.brand));
    flags_.push_back(static_cast<std::uint8_t>(kLive | (in_stock ? kInStock : 0)));
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
        }
        if (!definition.searchable || definition.type == AttributeType::Number) continue;
        if (definition.type == AttributeType::Boolean) continue;
        addTokens(formatAttributeValue(definition, value.data), detail::kFieldAttribute, tokens);
    }
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
    by_sku_.insert(at, doc);
    // doc is the largest id, so it goes after every doc with the same pre-order number.
    auto cat = std::upper_bound(by_category_.begin(), by_category_.end(), pre_[doc],
                                [&](std::uint32_t pre, std::uint32_t d) { return pre < pre_[d]; });
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
    flags_[*doc] = 0;  // postings and codes keep the id; queries skip it until compact()
    --live_;
    by_sku_.erase(std::find(by_sku_.begin(), by_sku_.end(), *doc));
    auto cat = std::lower_bound(by_category_.begin(), by_category_.end(), std::pair(pre_[*doc], *doc),
                                [&](std::uint32_t d, const std::pair<std::uint32_t, std::uint32_t>& key) {
                                    return std::pair(pre_[d], d) < key;
                                });
    by_category_.erase(cat);
    return true;
}

bool SearchIndex::setInStock(std::string_view sku, bool in_stock) {
    auto doc = docOf(sku);
    if (!doc) return false;
    flags_[*doc] = static_cast<std::uint8_t>(kLive | (in_stock ? kInStock : 0));
    return true;
}

void SearchIndex::compact() {
    std::vector<Item> items;
    std::vector<std::string> stocked;
    items.reserve(live_);
    for (std::uint32_t doc : by_sku_) {
        if (flags_[doc] & kInStock) stocked.push_back(items_[doc].sku);  // by_sku_ order: sorted
        items.push_back(std::move(items_[doc]));
    }
    auto in_stock = [&](std::string_view sku) {
        return std::binary_search(stocked.begin(), stocked.end(), sku);
    };
    *this = build(std::move(tree_), std::move(items), in_stock);
}

std::size_t SearchIndex::indexBytes() const {
    std::size_t bytes = flags_.capacity() + 4 * (pre_.capacity() + brand_.capacity() + by_sku_.capacity() +
                                                 by_category_.capacity());
    bytes += code_arena_.capacity() + codes_.capacity() * sizeof(CodeEntry);
    bytes += postings_.capacity() * sizeof(Postings);
    for (const auto& postings : postings_) bytes += postings.docs.capacity() * 4 + postings.fields.capacity();
    for (const auto& [term, id] : terms_) bytes += term.capacity() + 48;  // node, hash, bucket
    return bytes;
}

}  // namespace crossdock::catalog
