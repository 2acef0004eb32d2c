// Facet counts over the filtered, visible hit set. Counting uses dense arrays
// (brand ids, enum choice slots) rather than maps: a browse of a large category
// counts hundreds of thousands of hits.

#include <algorithm>
#include <tuple>

#include "search_internal.h"

namespace crossdock::catalog {

std::vector<Facet> SearchExecutor::facets(const std::vector<Scored>& hits) const {
    std::vector<Facet> out;
    Facet category = categoryFacet(hits);
    if (!category.values.empty()) out.push_back(std::move(category));
    Facet brand = brandFacet(hits);
    if (!brand.values.empty()) out.push_back(std::move(brand));
    for (auto& facet : attributeFacets(hits)) out.push_back(std::move(facet));
    return out;
}

Facet SearchExecutor::categoryFacet(const std::vector<Scored>& hits) const {
    const CategoryTree& tree = index_.tree_;
    const auto& children = query_.category ? tree.category(*query_.category).children : tree.roots();
    // (pre, post, id) by pre: a hit falls in the child whose interval holds its pre number.
    std::vector<std::tuple<std::uint32_t, std::uint32_t, CategoryId>> spans;
    for (CategoryId child : children)
        spans.emplace_back(tree.category(child).pre, tree.category(child).post, child);
    std::sort(spans.begin(), spans.end());
    std::vector<std::uint32_t> counts(spans.size(), 0);
    for (const Scored& hit : hits) {
        const std::uint32_t pre = index_.pre_[hit.doc];
        auto it = std::upper_bound(spans.begin(), spans.end(), pre,
                                   [](std::uint32_t p, const auto& span) { return p < std::get<0>(span); });
        if (it == spans.begin()) continue;
        --it;
        if (pre <= std::get<1>(*it)) ++counts[static_cast<std::size_t>(it - spans.begin())];
    }
    Facet facet;
    facet.kind = FacetKind::Category;
    facet.code = "category";
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (counts[i] == 0) continue;
        const CategoryId id = std::get<2>(spans[i]);
        facet.values.push_back(FacetValue{tree.category(id).name, counts[i], id, std::nullopt});
    }
    finish(facet);
    return facet;
}

Facet SearchExecutor::brandFacet(const std::vector<Scored>& hits) const {
    std::vector<std::uint32_t> counts(index_.brands_.size(), 0);
    for (const Scored& hit : hits) ++counts[index_.brand_[hit.doc]];
    Facet facet;
    facet.kind = FacetKind::Brand;
    facet.code = "brand";
    for (std::size_t id = 1; id < counts.size(); ++id) {  // id 0: no brand
        if (counts[id] > 0)
            facet.values.push_back(FacetValue{index_.brands_[id], counts[id], kNoCategory, {}});
    }
    finish(facet);
    return facet;
}

std::vector<Facet> SearchExecutor::attributeFacets(const std::vector<Scored>& hits) const {
    const CategoryTree& tree = index_.tree_;
    // Slot layout: each filterable enum gets one counter per choice, each boolean two.
    std::vector<std::size_t> base(tree.attributeCount(), 0);
    std::size_t slots = 0;
    for (AttributeId id = 0; id < tree.attributeCount(); ++id) {
        const auto& definition = tree.attribute(id);
        base[id] = slots;
        if (!definition.filterable) continue;
        if (definition.type == AttributeType::Enum) slots += definition.allowed_values.size();
        if (definition.type == AttributeType::Boolean) slots += 2;
    }
    std::vector<std::uint32_t> counts(slots, 0);
    std::vector<Facet> numbers(tree.attributeCount());
    for (const Scored& hit : hits) {
        for (const AttributeValue& value : index_.items_[hit.doc].attributes) {
            if (value.attribute >= base.size() || !tree.attribute(value.attribute).filterable) continue;
            if (const auto* choice = std::get_if<EnumChoice>(&value.data)) {
                if (choice->index < tree.attribute(value.attribute).allowed_values.size()) {
                    ++counts[base[value.attribute] + choice->index];
                }
            } else if (const auto* flag = std::get_if<bool>(&value.data)) {
                ++counts[base[value.attribute] + (*flag ? 0U : 1U)];
            } else if (const auto* number = std::get_if<core::Decimal>(&value.data)) {
                Facet& stats = numbers[value.attribute];
                ++stats.count;
                if (!stats.min || *number < *stats.min) stats.min = *number;
                if (!stats.max || *number > *stats.max) stats.max = *number;
            }
        }
    }
    std::vector<Facet> out;
    for (AttributeId id = 0; id < tree.attributeCount(); ++id) {
        const auto& definition = tree.attribute(id);
        if (!definition.filterable || definition.type == AttributeType::Text) continue;
        Facet facet = std::move(numbers[id]);
        facet.code = definition.code;
        facet.attribute = id;
        if (definition.type == AttributeType::Number) {
            facet.kind = FacetKind::Number;
            if (facet.count > 0) out.push_back(std::move(facet));
            continue;
        }
        facet.kind = definition.type == AttributeType::Enum ? FacetKind::Enum : FacetKind::Boolean;
        const std::size_t width = facet.kind == FacetKind::Enum ? definition.allowed_values.size() : 2;
        for (std::size_t i = 0; i < width; ++i) {
            const std::uint32_t count = counts[base[id] + i];
            if (count == 0) continue;
            if (facet.kind == FacetKind::Enum) {
                facet.values.push_back(FacetValue{definition.allowed_values[i], count, kNoCategory,
                                                  EnumChoice{static_cast<std::uint16_t>(i)}});
            } else {
                facet.values.push_back(FacetValue{i == 0 ? "true" : "false", count, kNoCategory, {}});
            }
        }
        finish(facet);
        if (!facet.values.empty()) out.push_back(std::move(facet));
    }
    return out;
}

void SearchExecutor::finish(Facet& facet) const {
    std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (facet.values.size() > query_.facet_values) facet.values.resize(query_.facet_values);
}

}  // namespace crossdock::catalog
