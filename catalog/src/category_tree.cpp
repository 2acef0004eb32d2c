#include "crossdock/catalog/category_tree.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace crossdock::catalog {

namespace {

using core::ErrorCode;
using core::makeError;

std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(kSpace);
    return text.substr(first, last - first + 1);
}

core::Status checkDefinition(const AttributeDefinition& d) {
    const std::string code = "attribute '" + d.code + "'";
    if (!isValidAttributeCode(d.code)) {
        return makeError(ErrorCode::InvalidArgument, "invalid attribute code '" + d.code +
                                                         "': expected 1-64 letters, digits, '_', '-' or '.'");
    }
    if (d.type != AttributeType::Number && !d.unit.empty()) {
        return makeError(ErrorCode::InvalidArgument, code + " has a unit but is not a number");
    }
    if (d.type != AttributeType::Enum && !d.allowed_values.empty()) {
        return makeError(ErrorCode::InvalidArgument, code + " has values but is not an enum");
    }
    if (d.type == AttributeType::Enum) {
        if (d.allowed_values.empty())
            return makeError(ErrorCode::InvalidArgument, code + " is an enum without values");
        if (d.allowed_values.size() > std::numeric_limits<std::uint16_t>::max()) {
            return makeError(ErrorCode::InvalidArgument, code + " has more than 65535 values");
        }
        std::unordered_set<std::string_view> seen;
        for (const auto& value : d.allowed_values) {
            if (value.empty()) return makeError(ErrorCode::InvalidArgument, code + " has an empty value");
            if (!seen.insert(value).second) {
                std::string message = code;
                message.append(" lists the value '").append(value).append("' twice");
                return makeError(ErrorCode::InvalidArgument, std::move(message));
            }
        }
    }
    return {};
}

}  // namespace

core::Result<std::string> CategoryTree::normalizePath(std::string_view path) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
        auto end = path.find('>', start);
        auto level =
            trim(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (level.empty()) {
            return makeError(ErrorCode::InvalidArgument,
                             path.empty() ? "empty category path"
                                          : "category path '" + std::string(path) + "' has an empty level");
        }
        if (!out.empty()) out += " > ";
        out += level;
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::optional<CategoryId> CategoryTree::find(std::string_view path) const {
    // The fast path: input that is already canonical, as every exported file is.
    if (auto it = by_path_.find(std::string(path)); it != by_path_.end()) return it->second;
    auto canonical = normalizePath(path);
    if (!canonical) return std::nullopt;
    if (auto it = by_path_.find(*canonical); it != by_path_.end()) return it->second;
    return std::nullopt;
}

core::Result<CategoryId> CategoryTree::addPath(std::string_view path) {
    auto canonical = normalizePath(path);
    if (!canonical) return canonical.takeError();
    if (auto it = by_path_.find(*canonical); it != by_path_.end()) return it->second;
    CategoryId parent = kNoCategory;
    std::size_t start = 0;
    for (;;) {
        auto end = canonical->find(" > ", start);
        std::string prefix = canonical->substr(0, end);
        auto it = by_path_.find(prefix);
        if (it != by_path_.end()) {
            parent = it->second;
        } else {
            if (categories_.size() >= kNoCategory) throw std::length_error("too many categories");
            const auto id = static_cast<CategoryId>(categories_.size());
            Category node;
            node.name = canonical->substr(start, end == std::string::npos ? std::string::npos : end - start);
            node.path = prefix;
            node.parent = parent;
            categories_.push_back(std::move(node));
            (parent == kNoCategory ? roots_ : categories_[parent].children).push_back(id);
            by_path_.emplace(std::move(prefix), id);
            parent = id;
            indexed_ = false;
        }
        if (end == std::string::npos) return parent;
        start = end + 3;
    }
}

void CategoryTree::reindex() {
    // Iterative DFS: a pathological depth must not overflow the stack.
    std::uint32_t counter = 0;
    std::vector<std::pair<CategoryId, std::size_t>> stack;  // node, next child to visit
    for (CategoryId root : roots_) {
        categories_[root].pre = counter++;
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            auto& children = categories_[node].children;
            if (next < children.size()) {
                CategoryId child = children[next++];
                categories_[child].pre = counter++;
                stack.emplace_back(child, 0);
            } else {
                categories_[node].post = counter - 1;
                stack.pop_back();
            }
        }
    }
    indexed_ = true;
}

bool CategoryTree::isInSubtree(CategoryId category, CategoryId ancestor) const {
    if (indexed_) {
        const auto& c = categories_.at(category);
        const auto& a = categories_.at(ancestor);
        return a.pre <= c.pre && c.pre <= a.post;
    }
    for (CategoryId at = category; at != kNoCategory; at = categories_.at(at).parent) {
        if (at == ancestor) return true;
    }
    return false;
}

std::optional<AttributeId> CategoryTree::findOwnAttribute(CategoryId category, std::string_view code) const {
    for (AttributeId id : categories_.at(category).attributes) {
        if (attributes_[id].code == code) return id;
    }
    return std::nullopt;
}

std::optional<AttributeId> CategoryTree::findInSubtree(CategoryId category, std::string_view code) const {
    std::vector<CategoryId> pending{category};
    while (!pending.empty()) {
        CategoryId at = pending.back();
        pending.pop_back();
        if (auto found = findOwnAttribute(at, code)) return found;
        const auto& children = categories_[at].children;
        pending.insert(pending.end(), children.begin(), children.end());
    }
    return std::nullopt;
}

core::Result<AttributeId> CategoryTree::defineAttribute(CategoryId category, AttributeDefinition definition) {
    if (category >= categories_.size()) throw std::out_of_range("defineAttribute: no such category");
    if (auto bad = checkDefinition(definition); !bad) return bad.takeError();
    if (definition.label.empty()) definition.label = definition.code;
    definition.category = category;
    const std::string code = "attribute '" + definition.code + "'";
    if (auto own = findOwnAttribute(category, definition.code)) {
        auto& existing = attributes_[*own];
        if (existing.type != definition.type) {
            return makeError(ErrorCode::InvalidArgument, code + " is already defined as " +
                                                             std::string(toString(existing.type)) + " on '" +
                                                             categories_[category].path + "'");
        }
        // Items hold enum values as indexes: keep every known value where it is and
        // append the new ones, so no stored choice changes meaning or disappears.
        std::vector<std::string> values = std::move(existing.allowed_values);
        for (auto& value : definition.allowed_values) {
            if (std::find(values.begin(), values.end(), value) == values.end())
                values.push_back(std::move(value));
        }
        if (values.size() > std::numeric_limits<std::uint16_t>::max()) {
            return makeError(ErrorCode::InvalidArgument, code + " has more than 65535 values");
        }
        definition.allowed_values = std::move(values);
        existing = std::move(definition);
        return *own;
    }
    auto conflict = findAttribute(category, definition.code);
    if (!conflict) conflict = findInSubtree(category, definition.code);
    if (conflict) {
        return makeError(
            ErrorCode::InvalidArgument,
            code + " is already defined on '" + categories_[attributes_[*conflict].category].path + "'");
    }
    if (attributes_.size() >= std::numeric_limits<AttributeId>::max())
        throw std::length_error("too many attributes");
    const auto id = static_cast<AttributeId>(attributes_.size());
    attributes_.push_back(std::move(definition));
    categories_[category].attributes.push_back(id);
    return id;
}

std::vector<AttributeId> CategoryTree::effectiveAttributes(CategoryId category) const {
    std::vector<CategoryId> chain;
    for (CategoryId at = category; at != kNoCategory; at = categories_.at(at).parent) chain.push_back(at);
    std::vector<AttributeId> out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const auto& own = categories_[*it].attributes;
        out.insert(out.end(), own.begin(), own.end());
    }
    return out;
}

std::optional<AttributeId> CategoryTree::findAttribute(CategoryId category, std::string_view code) const {
    for (CategoryId at = category; at != kNoCategory; at = categories_.at(at).parent) {
        if (auto found = findOwnAttribute(at, code)) return found;
    }
    return std::nullopt;
}

}  // namespace crossdock::catalog
