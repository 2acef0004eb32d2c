#include "bmecat_groups.h"

#include <vector>

namespace crossdock::edi::bmecat::detail {

namespace {

std::string quoted(const std::string& text) {
    return "'" + text.substr(0, 64) + (text.size() > 64 ? "...'" : "'");
}

}  // namespace

GroupResolver::GroupResolver(const ParsedDocument& document, catalog::CategoryTree& tree,
                             const BmecatOptions& options, ErrorFn on_error,
                             std::function<std::string(std::size_t)> where)
    : document_(document),
      tree_(tree),
      options_(options),
      on_error_(std::move(on_error)),
      where_(std::move(where)),
      catalog_(index(document.catalog_groups, true)) {
    for (const auto& [name, groups] : document.classifications)
        classifications_.emplace(name, index(groups, false));
    for (const auto& map : document.group_maps) map_by_sku_.try_emplace(map.sku.text, &map);
}

GroupResolver::System GroupResolver::index(const GroupSystem& groups, bool skip_root) {
    System system;
    system.groups = &groups;
    system.skip_root = skip_root;
    for (std::size_t i = 0; i < groups.groups.size(); ++i) system.by_id.try_emplace(groups.groups[i].id, i);
    return system;
}

void GroupResolver::createCatalogGroups() {
    for (const auto& group : document_.catalog_groups.groups) {
        if (group.type == "root") continue;
        (void)categoryOf(catalog_, group.id);
    }
}

std::optional<std::string> GroupResolver::pathOf(const System& system, std::size_t group,
                                                 std::string& problem) const {
    std::vector<const Group*> chain;
    const auto& groups = system.groups->groups;
    for (std::size_t at = group;;) {
        const Group& current = groups[at];
        if (chain.size() > groups.size()) {
            problem = "catalog group " + quoted(current.id) + " is its own ancestor";
            return std::nullopt;
        }
        chain.push_back(&current);
        // The root group's PARENT_ID is conventionally "0" (itself or no group).
        if (current.parent_id.empty() || (system.skip_root && current.type == "root")) break;
        auto parent = system.by_id.find(current.parent_id);
        if (parent == system.by_id.end()) {
            problem = "unknown parent group " + quoted(current.parent_id);
            return std::nullopt;
        }
        at = parent->second;
    }
    // The root group of a catalog group system names the catalog itself, not a level.
    if (system.skip_root && chain.size() > 1 && chain.back()->type == "root") chain.pop_back();
    std::string path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if ((*it)->name.find('>') != std::string::npos) {
            problem = "group name " + quoted((*it)->name) + " contains '>', which separates category levels";
            return std::nullopt;
        }
        path += (path.empty() ? "" : " > ") + (*it)->name;
    }
    return path;
}

std::optional<catalog::CategoryId> GroupResolver::create(const std::string& path, std::string_view element,
                                                         std::size_t line) {
    if (auto found = tree_.find(path)) return found;
    auto added = tree_.addPath(path);
    if (!added) {
        on_error_(added.error().message, where_(line) + " field " + std::string(element));
        return std::nullopt;
    }
    return *added;
}

std::optional<catalog::CategoryId> GroupResolver::categoryOf(System& system, const std::string& group_id) {
    if (auto done = system.created.find(group_id); done != system.created.end()) return done->second;
    auto found = system.by_id.find(group_id);
    if (found == system.by_id.end()) return std::nullopt;
    const Group& group = system.groups->groups[found->second];
    const char* element = system.skip_root ? "GROUP_NAME" : "CLASSIFICATION_GROUP_NAME";
    std::string problem;
    std::optional<catalog::CategoryId> category;
    if (auto path = pathOf(system, found->second, problem)) {
        category = create(*path, element, group.line);
    } else {
        on_error_(problem, where_(group.line) + " field " + element);
    }
    system.created.emplace(group_id, category);
    return category;
}

std::optional<Placement> GroupResolver::placeByReference(const ProductRecord& product) {
    for (const auto& reference : product.group_references) {
        auto system = classifications_.find(reference.system);
        if (system == classifications_.end()) continue;
        std::string id = reference.group_id.text;
        if (!reference.group_id.present()) {
            for (const auto& group : system->second.groups->groups) {
                if (group.name == reference.group_name.text) id = group.id;
            }
        }
        const Value& origin = reference.group_id.present() ? reference.group_id : reference.group_name;
        if (auto category = categoryOf(system->second, id))
            return Placement{*category, origin.element, origin.line};
    }
    return std::nullopt;
}

std::optional<Placement> GroupResolver::place(const ProductRecord& product) {
    if (auto map = map_by_sku_.find(product.sku.text); map != map_by_sku_.end()) {
        const Value& group = map->second->group_id;
        if (!catalog_.by_id.contains(group.text)) {
            on_error_("unknown catalog group " + quoted(group.text),
                      where_(group.line) + " field " + std::string(group.element));
            return std::nullopt;
        }
        auto category = categoryOf(catalog_, group.text);
        if (!category) return std::nullopt;  // the group's own error is reported
        return Placement{*category, group.element, group.line};
    }
    if (auto placed = placeByReference(product)) return placed;
    std::string path = options_.stored_category ? options_.stored_category(product.sku.text) : std::string();
    if (path.empty()) path = options_.unassigned_category;
    if (path.empty()) {
        on_error_("product " + quoted(product.sku.text) + " belongs to no catalog group",
                  where_(product.line) + " field " + std::string(product.element));
        return std::nullopt;
    }
    auto category = create(path, product.element, product.line);
    if (!category) return std::nullopt;
    return Placement{*category, product.element, product.line};
}

}  // namespace crossdock::edi::bmecat::detail
