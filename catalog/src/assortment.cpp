#include "crossdock/catalog/assortment.h"

#include <algorithm>

namespace crossdock::catalog {

void Assortment::addCategory(CategoryId category) {
    if (std::find(categories_.begin(), categories_.end(), category) == categories_.end()) {
        categories_.push_back(category);
    }
}

void Assortment::addSku(std::string sku) { skus_.insert(std::move(sku)); }

bool Assortment::contains(const CategoryTree& tree, const Item& item) const {
    return contains(tree, item.sku, item.category);
}

bool Assortment::contains(const CategoryTree& tree, std::string_view sku, CategoryId category) const {
    if (category != kNoCategory) {
        for (CategoryId root : categories_) {
            if (tree.isInSubtree(category, root)) return true;
        }
    }
    return skus_.find(sku) != skus_.end();
}

CustomerVisibility::CustomerVisibility(std::vector<std::shared_ptr<const Assortment>> assortments)
    : unrestricted_(false), assortments_(std::move(assortments)) {}

bool CustomerVisibility::canSee(const CategoryTree& tree, const Item& item) const {
    if (unrestricted_) return true;
    return std::any_of(assortments_.begin(), assortments_.end(),
                       [&](const auto& assortment) { return assortment->contains(tree, item); });
}

void AssortmentDirectory::put(Assortment assortment) {
    std::string name = assortment.name();
    assortments_[std::move(name)] = std::make_shared<const Assortment>(std::move(assortment));
}

std::shared_ptr<const Assortment> AssortmentDirectory::find(std::string_view name) const {
    auto it = assortments_.find(name);
    return it == assortments_.end() ? nullptr : it->second;
}

core::Status AssortmentDirectory::assign(const std::string& customer_id,
                                         std::vector<std::string> assortment_names) {
    for (const auto& name : assortment_names) {
        if (!find(name)) {
            return core::makeError(core::ErrorCode::NotFound, "unknown assortment '" + name + "'");
        }
    }
    if (assortment_names.empty()) {
        assignments_.erase(customer_id);
    } else {
        assignments_[customer_id] = std::move(assortment_names);
    }
    return {};
}

std::vector<std::string> AssortmentDirectory::assignment(std::string_view customer_id) const {
    auto it = assignments_.find(customer_id);
    return it == assignments_.end() ? std::vector<std::string>{} : it->second;
}

CustomerVisibility AssortmentDirectory::visibilityFor(std::string_view customer_id) const {
    auto it = assignments_.find(customer_id);
    if (it == assignments_.end()) return CustomerVisibility();
    std::vector<std::shared_ptr<const Assortment>> assigned;
    for (const auto& name : it->second) {
        // put() never removes a name, so every assigned name still resolves.
        if (auto assortment = find(name)) assigned.push_back(std::move(assortment));
    }
    return CustomerVisibility(std::move(assigned));
}

bool AssortmentDirectory::canSee(std::string_view customer_id, const CategoryTree& tree,
                                 const Item& item) const {
    return visibilityFor(customer_id).canSee(tree, item);
}

}  // namespace crossdock::catalog
