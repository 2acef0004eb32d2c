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
    spans.reserve(children.size());
    for (CategoryId child : children)
        spans.emplace_back(tree.category(child).pre, tree.category(child).post, child);
    std::sort(spans.begin(), spans.end());
    std::vector<std::uint32_t> counts(spans.size(), 0);
    for (const Scored& hit : hits) {
        const std::uint32_t pre = index_.docs_[hit.doc].pre;
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
    for (const Scored& hit : hits) ++counts[index_.docs_[hit.doc].brand];
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

/// Per attribute: where its counters start, how many it has (enum choices, 2 for a
/// boolean, 0 otherwise) and, for numbers, the count and the raw min and max.
struct FacetCounters {
    std::vector<std::size_t> base;
    std::vector<std::size_t> slots;
    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> numbers;
    std::vector<std::int64_t> low, high;

    explicit FacetCounters(const CategoryTree& tree)
        : base(tree.attributeCount(), 0),
          slots(tree.attributeCount(), 0),
          numbers(tree.attributeCount(), 0),
          low(tree.attributeCount(), 0),
          high(tree.attributeCount(), 0) {
        std::size_t total = 0;
        for (AttributeId id = 0; id < tree.attributeCount(); ++id) {
            const auto& definition = tree.attribute(id);
            base[id] = total;
            if (!definition.filterable) continue;
            if (definition.type == AttributeType::Enum) slots[id] = definition.allowed_values.size();
            if (definition.type == AttributeType::Boolean) slots[id] = 2;
            total += slots[id];
        }
        counts.assign(total, 0);
    }
};

std::vector<Facet> SearchExecutor::attributeFacets(const std::vector<Scored>& hits) const {
    const CategoryTree& tree = index_.tree_;
    FacetCounters c(tree);
    // The index keeps each doc's filterable values in one array: no item is read here.
    const auto& cells = index_.facet_cells_;
    // Hits are scattered over the arrays: fetch a few hits ahead so that the misses overlap.
    constexpr std::size_t kAhead = 8;
    for (std::size_t h = 0; h < hits.size(); ++h) {
        if (h + 2 * kAhead < hits.size()) __builtin_prefetch(&index_.docs_[hits[h + 2 * kAhead].doc]);
        if (h + kAhead < hits.size())
            // data() + offset, not &cells[offset]: the array may be empty (no filterable values).
            __builtin_prefetch(cells.data() + index_.docs_[hits[h + kAhead].doc].facet_begin);
        const auto& columns = index_.docs_[hits[h].doc];
        for (std::uint32_t i = columns.facet_begin; i < columns.facet_begin + columns.facet_count; ++i) {
            const auto& cell = cells[i];
            if (cell.attribute >= c.base.size() || !tree.attribute(cell.attribute).filterable) continue;
            if (!(cell.value & SearchIndex::kNumberBit)) {
                if (cell.value < c.slots[cell.attribute]) ++c.counts[c.base[cell.attribute] + cell.value];
                continue;
            }
            const std::int64_t number = index_.facet_numbers_[cell.value & ~SearchIndex::kNumberBit];
            auto& count = c.numbers[cell.attribute];
            if (count == 0 || number < c.low[cell.attribute]) c.low[cell.attribute] = number;
            if (count == 0 || number > c.high[cell.attribute]) c.high[cell.attribute] = number;
            ++count;
        }
    }
    return facetsFrom(c);
}

std::vector<Facet> SearchExecutor::facetsFrom(const FacetCounters& c) const {
    const CategoryTree& tree = index_.tree_;
    std::vector<Facet> out;
    for (AttributeId id = 0; id < tree.attributeCount(); ++id) {
        const auto& definition = tree.attribute(id);
        if (!definition.filterable || definition.type == AttributeType::Text) continue;
        Facet facet;
        facet.code = definition.code;
        facet.attribute = id;
        if (definition.type == AttributeType::Number) {
            facet.kind = FacetKind::Number;
            facet.count = c.numbers[id];
            if (facet.count == 0) continue;
            facet.min = core::Decimal::fromRaw(c.low[id]);
            facet.max = core::Decimal::fromRaw(c.high[id]);
            out.push_back(std::move(facet));
            continue;
        }
        facet.kind = definition.type == AttributeType::Enum ? FacetKind::Enum : FacetKind::Boolean;
        valueFacet(facet, c.counts.data() + c.base[id], c.slots[id]);
        if (!facet.values.empty()) out.push_back(std::move(facet));
    }
    return out;
}

void SearchExecutor::valueFacet(Facet& facet, const std::uint32_t* counts, std::size_t slots) const {
    const auto& definition = index_.tree_.attribute(facet.attribute);
    for (std::size_t i = 0; i < slots; ++i) {
        if (counts[i] == 0) continue;
        if (facet.kind == FacetKind::Enum) {
            facet.values.push_back(FacetValue{definition.allowed_values[i], counts[i], kNoCategory,
                                              EnumChoice{static_cast<std::uint16_t>(i)}});
        } else {
            facet.values.push_back(FacetValue{i == 0 ? "true" : "false", counts[i], kNoCategory, {}});
        }
    }
    finish(facet);
}

void SearchExecutor::finish(Facet& facet) const {
    std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    if (facet.values.size() > query_.facet_values) facet.values.resize(query_.facet_values);
}

}  // namespace crossdock::catalog
