#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crossdock/catalog/attribute.h"
#include "crossdock/core/result.h"

namespace crossdock::catalog {

/// One node of a CategoryTree.
struct Category {
    std::string name;                     ///< the last level: "Screws"
    std::string path;                     ///< canonical full path: "Hardware > Fasteners > Screws"
    CategoryId parent = kNoCategory;      ///< kNoCategory for a root
    std::vector<CategoryId> children;     ///< in the order they were added
    std::vector<AttributeId> attributes;  ///< defined here (not inherited), in order of definition
    std::uint32_t pre = 0;                ///< pre-order number (valid after CategoryTree::reindex())
    std::uint32_t post = 0;               ///< largest pre-order number in this subtree
};

/// The category forest (several roots allowed) and the attribute definitions
/// attached to its nodes. Categories are identified by path: levels joined by
/// " > ". Nothing is ever removed, so ids stay valid. A value type: copy it, change
/// the copy, swap it in. Const methods are safe from several threads at once;
/// mutation needs exclusive access.
class CategoryTree {
public:
    /// The canonical form of `path`: levels split at '>', surrounding whitespace of
    /// each level trimmed, joined with " > " ("Hardware>Fasteners " → "Hardware >
    /// Fasteners"). A level name therefore cannot contain '>'. InvalidArgument when
    /// the path or any level is empty.
    static core::Result<std::string> normalizePath(std::string_view path);

    /// The category at `path` (any spelling normalizePath() accepts), or nullopt.
    std::optional<CategoryId> find(std::string_view path) const;

    /// The category at `path`, creating it and any missing ancestors. Returns the
    /// existing id when it is already there. InvalidArgument for a malformed path.
    /// Leaves the subtree intervals stale until reindex().
    core::Result<CategoryId> addPath(std::string_view path);

    /// Renumbers the pre/post-order intervals in O(size()). Call after a batch of
    /// addPath(); until then isInSubtree() still answers correctly, only slower.
    void reindex();

    /// True when `category` is `ancestor` or lies below it. O(1) when the tree is
    /// indexed, O(depth) otherwise. Ids must be valid.
    bool isInSubtree(CategoryId category, CategoryId ancestor) const;

    /// Defines `definition` on `category` (its `category` member is overwritten)
    /// and returns its id. Redefining a code at the same category with the same
    /// type replaces label, unit and flags and keeps the id (re-importing a file is
    /// harmless); enum values are merged, not replaced: the known ones keep their
    /// positions (items hold them as EnumChoice indexes) and new ones are appended.
    /// InvalidArgument when the code is invalid, when the same code is defined on an
    /// ancestor or a descendant, when redefining changes the type, when an enum has no
    /// values, a value twice, an empty value or more than 65,535, or when a
    /// non-number has a unit or a non-enum has values.
    core::Result<AttributeId> defineAttribute(CategoryId category, AttributeDefinition definition);

    /// The attributes that apply to items of `category`: those of its root first,
    /// then each level down to the category's own.
    std::vector<AttributeId> effectiveAttributes(CategoryId category) const;

    /// The attribute `code` as it applies to `category` (defined there or on an
    /// ancestor), or nullopt.
    std::optional<AttributeId> findAttribute(CategoryId category, std::string_view code) const;

    const Category& category(CategoryId id) const { return categories_.at(id); }
    const AttributeDefinition& attribute(AttributeId id) const { return attributes_.at(id); }
    std::size_t size() const { return categories_.size(); }
    std::size_t attributeCount() const { return attributes_.size(); }
    /// The roots, in the order they were added.
    const std::vector<CategoryId>& roots() const { return roots_; }
    bool indexed() const { return indexed_; }

private:
    std::optional<AttributeId> findOwnAttribute(CategoryId category, std::string_view code) const;
    std::optional<AttributeId> findInSubtree(CategoryId category, std::string_view code) const;

    std::vector<Category> categories_;
    std::vector<AttributeDefinition> attributes_;
    std::vector<CategoryId> roots_;
    std::unordered_map<std::string, CategoryId> by_path_;
    bool indexed_ = true;
};

}  // namespace crossdock::catalog
