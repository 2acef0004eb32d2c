#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crossdock/catalog/category_tree.h"
#include "crossdock/catalog/item.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// Hash for string containers that look up by std::string_view without a copy.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

/// A named set of category subtrees and single SKUs. An item belongs to it when
/// its category lies in one of the subtrees or its SKU is listed. A value type;
/// const methods are thread-safe.
class Assortment {
public:
    explicit Assortment(std::string name) : name_(std::move(name)) {}

    /// Adds the whole subtree under `category` (an id of the tree later passed to contains()).
    void addCategory(CategoryId category);
    /// Adds one SKU (whether or not it exists yet: assortments may be loaded first).
    void addSku(std::string sku);

    /// True when `item` belongs to the assortment. `tree` is the tree the item's
    /// category id and addCategory() refer to.
    bool contains(const CategoryTree& tree, const Item& item) const;
    /// As above, from the two fields that matter.
    bool contains(const CategoryTree& tree, std::string_view sku, CategoryId category) const;

    const std::string& name() const { return name_; }
    const std::vector<CategoryId>& categories() const { return categories_; }
    std::size_t skuCount() const { return skus_.size(); }
    /// The SKUs listed one by one (not those covered by a category), in no order.
    const std::unordered_set<std::string, StringHash, std::equal_to<>>& skus() const { return skus_; }

private:
    std::string name_;
    std::vector<CategoryId> categories_;
    std::unordered_set<std::string, StringHash, std::equal_to<>> skus_;
};

/// What one customer may see: everything, or the union of some assortments.
/// Holds shared references, so it stays valid when the directory changes.
class CustomerVisibility {
public:
    /// Sees everything.
    CustomerVisibility() = default;
    /// Sees the union of `assortments` (an empty list sees nothing).
    explicit CustomerVisibility(std::vector<std::shared_ptr<const Assortment>> assortments);

    /// True for a customer without assortments.
    bool unrestricted() const { return unrestricted_; }
    /// True when the customer may see `item` (see Assortment::contains()).
    bool canSee(const CategoryTree& tree, const Item& item) const;
    /// The assortments whose union the customer sees (empty when unrestricted).
    const std::vector<std::shared_ptr<const Assortment>>& assortments() const { return assortments_; }

private:
    bool unrestricted_ = true;
    std::vector<std::shared_ptr<const Assortment>> assortments_;
};

/// Every assortment and which customers are restricted to which. A customer with
/// no assortment assigned sees the whole catalog; one with several sees their
/// union. Not thread-safe for writers: build, then share as const.
class AssortmentDirectory {
public:
    /// Adds `assortment`, or replaces the one with the same name.
    void put(Assortment assortment);
    /// The assortment called `name`, or nullptr.
    std::shared_ptr<const Assortment> find(std::string_view name) const;

    /// Restricts `customer_id` to `assortment_names` (replacing any earlier
    /// assignment); an empty list lifts the restriction. NotFound, naming the first
    /// unknown assortment, leaves the assignment unchanged.
    core::Status assign(const std::string& customer_id, std::vector<std::string> assortment_names);
    /// The assortment names assigned to `customer_id` (empty: unrestricted).
    std::vector<std::string> assignment(std::string_view customer_id) const;

    /// What `customer_id` may see, resolved now.
    CustomerVisibility visibilityFor(std::string_view customer_id) const;
    /// Shorthand for visibilityFor(customer_id).canSee(tree, item).
    bool canSee(std::string_view customer_id, const CategoryTree& tree, const Item& item) const;

private:
    std::unordered_map<std::string, std::shared_ptr<const Assortment>, StringHash, std::equal_to<>>
        assortments_;
    std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>> assignments_;
};

}  // namespace crossdock::catalog
