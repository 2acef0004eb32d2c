#pragma once

// Where each BMEcat product goes in the category tree: the catalog group system and
// its group maps, classification-group references, then the fallbacks. Private.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "bmecat_handler.h"
#include "bmecat_records.h"
#include "crossdock/catalog/category_tree.h"

namespace crossdock::edi::bmecat::detail {

/// A product's category and the element that decided it (for error positions).
struct Placement {
    catalog::CategoryId category = catalog::kNoCategory;
    std::string_view element;
    std::size_t line = 0;
};

class GroupResolver {
public:
    /// Adds categories to `tree`; reports errors through `on_error` at `where(line)`.
    GroupResolver(const ParsedDocument& document, catalog::CategoryTree& tree, const BmecatOptions& options,
                  ErrorFn on_error, std::function<std::string(std::size_t)> where);

    /// Creates the path of every CATALOG_GROUP_SYSTEM group (the root group left out).
    void createCatalogGroups();

    /// The category of `product`, created when needed; nullopt after reporting why not.
    std::optional<Placement> place(const ProductRecord& product);

private:
    struct System {
        const GroupSystem* groups = nullptr;
        bool skip_root = false;
        std::unordered_map<std::string, std::size_t> by_id;
        std::unordered_map<std::string, std::optional<catalog::CategoryId>> created;  // by group id
    };

    static System index(const GroupSystem& groups, bool skip_root);
    std::optional<catalog::CategoryId> categoryOf(System& system, const std::string& group_id);
    std::optional<std::string> pathOf(const System& system, std::size_t group, std::string& problem) const;
    std::optional<catalog::CategoryId> create(const std::string& path, std::string_view element,
                                              std::size_t line);
    std::optional<Placement> placeByReference(const ProductRecord& product);

    const ParsedDocument& document_;
    catalog::CategoryTree& tree_;
    const BmecatOptions& options_;
    ErrorFn on_error_;
    std::function<std::string(std::size_t)> where_;
    System catalog_;
    std::unordered_map<std::string, System> classifications_;
    std::unordered_map<std::string, const GroupMap*> map_by_sku_;
};

}  // namespace crossdock::edi::bmecat::detail
