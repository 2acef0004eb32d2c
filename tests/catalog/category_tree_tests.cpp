#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "crossdock/catalog/catalog_csv_exporter.h"
#include "crossdock/catalog/category_csv_importer.h"
#include "crossdock/catalog/category_tree.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::errorLines;
using crossdock::catalog::test::fixtureTree;

namespace {

CategoryId add(CategoryTree& tree, std::string_view path) {
    auto id = tree.addPath(path);
    BOOST_REQUIRE_MESSAGE(id.ok(), (id.ok() ? std::string() : id.error().message));
    return *id;
}

std::vector<std::string> codes(const CategoryTree& tree, const std::vector<AttributeId>& ids) {
    std::vector<std::string> out;
    for (auto id : ids) out.push_back(tree.attribute(id).code);
    return out;
}

AttributeDefinition def(std::string code, AttributeType type, std::vector<std::string> values = {}) {
    AttributeDefinition d;
    d.code = std::move(code);
    d.type = type;
    d.allowed_values = std::move(values);
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(category_tree)

BOOST_AUTO_TEST_CASE(paths_are_normalized) {
    BOOST_TEST(*CategoryTree::normalizePath("Hardware>Fasteners >  Screws ") ==
               "Hardware > Fasteners > Screws");
    BOOST_TEST(*CategoryTree::normalizePath("Hardware") == "Hardware");
    BOOST_TEST(CategoryTree::normalizePath("").error().message == "empty category path");
    BOOST_TEST(CategoryTree::normalizePath("A >  > B").error().message ==
               "category path 'A >  > B' has an empty level");
    BOOST_TEST(!CategoryTree::normalizePath("A > ").ok());
    BOOST_TEST(!CategoryTree::normalizePath(" > A").ok());
}

BOOST_AUTO_TEST_CASE(add_path_creates_ancestors_once) {
    CategoryTree tree;
    auto screws = add(tree, "Hardware > Fasteners > Screws");
    BOOST_TEST(tree.size() == 3u);
    auto fasteners = *tree.find("Hardware > Fasteners");
    BOOST_TEST(tree.category(screws).parent == fasteners);
    BOOST_TEST(tree.category(screws).name == "Screws");
    BOOST_TEST(tree.category(screws).path == "Hardware > Fasteners > Screws");
    BOOST_TEST(add(tree, "Hardware>Fasteners>Screws") == screws);
    BOOST_TEST(tree.size() == 3u);
    BOOST_TEST(*tree.find(" Hardware >Fasteners") == fasteners);
    BOOST_TEST(!tree.find("Hardware > Nails"));
    BOOST_TEST(tree.roots().size() == 1u);
    add(tree, "Electrical");
    BOOST_TEST(tree.roots().size() == 2u);
}

BOOST_AUTO_TEST_CASE(subtree_test_with_and_without_the_index) {
    CategoryTree tree;
    auto hardware = add(tree, "Hardware");
    auto screws = add(tree, "Hardware > Fasteners > Screws");
    auto anchors = add(tree, "Hardware > Fasteners > Anchors");
    auto tools = add(tree, "Hardware > Tools");
    auto cable = add(tree, "Electrical > Cable");
    auto fasteners = *tree.find("Hardware > Fasteners");
    for (bool indexed : {false, true}) {
        if (indexed) tree.reindex();
        BOOST_TEST_CONTEXT("indexed " << indexed) {
            BOOST_TEST(tree.indexed() == indexed);
            BOOST_TEST(tree.isInSubtree(screws, hardware));
            BOOST_TEST(tree.isInSubtree(screws, fasteners));
            BOOST_TEST(tree.isInSubtree(screws, screws));
            BOOST_TEST(tree.isInSubtree(anchors, fasteners));
            BOOST_TEST(!tree.isInSubtree(tools, fasteners));
            BOOST_TEST(!tree.isInSubtree(fasteners, screws));
            BOOST_TEST(!tree.isInSubtree(cable, hardware));
            BOOST_TEST(!tree.isInSubtree(hardware, cable));
        }
    }
    auto nails = add(tree, "Hardware > Fasteners > Nails");  // stale again, still right
    BOOST_TEST(!tree.indexed());
    BOOST_TEST(tree.isInSubtree(nails, fasteners));
    tree.reindex();
    BOOST_TEST(tree.isInSubtree(nails, fasteners));
    BOOST_TEST(!tree.isInSubtree(nails, screws));
}

BOOST_AUTO_TEST_CASE(deep_trees_index_without_recursion) {
    CategoryTree tree;
    std::string path = "L0";
    for (int i = 1; i < 1000; ++i) path += " > L" + std::to_string(i);
    auto leaf = add(tree, path);
    tree.reindex();
    BOOST_TEST(tree.isInSubtree(leaf, *tree.find("L0")));
    BOOST_TEST(tree.category(leaf).pre == 999u);
}

BOOST_AUTO_TEST_CASE(attributes_are_inherited_down_the_tree) {
    auto tree = fixtureTree();
    auto screws = *tree.find("Hardware > Fasteners > Screws");
    auto fasteners = *tree.find("Hardware > Fasteners");
    auto cable = *tree.find("Electrical > Cable");
    BOOST_TEST(codes(tree, tree.effectiveAttributes(screws)) ==
                   (std::vector<std::string>{"material", "length", "thread", "head"}),
               boost::test_tools::per_element());
    BOOST_TEST(codes(tree, tree.effectiveAttributes(fasteners)) == std::vector<std::string>{"material"},
               boost::test_tools::per_element());
    BOOST_TEST(codes(tree, tree.effectiveAttributes(cable)) ==
                   (std::vector<std::string>{"cross_section", "shielded"}),
               boost::test_tools::per_element());
    BOOST_TEST(tree.findAttribute(screws, "material").has_value());
    BOOST_TEST(!tree.findAttribute(fasteners, "length").has_value());
    const auto& length = tree.attribute(*tree.findAttribute(screws, "length"));
    BOOST_TEST(length.type == AttributeType::Number);
    BOOST_TEST(length.unit == "mm");
    BOOST_TEST(length.required);
    BOOST_TEST(length.filterable);
    BOOST_TEST(length.category == screws);
}

BOOST_AUTO_TEST_CASE(a_code_is_unique_along_every_path) {
    CategoryTree tree;
    auto tools = add(tree, "Tools");
    auto drills = add(tree, "Tools > Drills");
    auto apparel = add(tree, "Apparel");
    BOOST_TEST(tree.defineAttribute(drills, def("size", AttributeType::Number)).ok());
    // Sibling subtrees may reuse a code with another meaning.
    BOOST_TEST(tree.defineAttribute(apparel, def("size", AttributeType::Enum, {"S", "M"})).ok());
    auto on_ancestor = tree.defineAttribute(tools, def("size", AttributeType::Text));
    BOOST_TEST(on_ancestor.error().message == "attribute 'size' is already defined on 'Tools > Drills'");
    auto redefined = tree.defineAttribute(drills, def("size", AttributeType::Text));
    BOOST_TEST(redefined.error().message ==
               "attribute 'size' is already defined as number on 'Tools > Drills'");
}

BOOST_AUTO_TEST_CASE(redefining_keeps_the_id_and_merges_enum_values) {
    CategoryTree tree;
    auto apparel = add(tree, "Apparel");
    auto first = *tree.defineAttribute(apparel, def("size", AttributeType::Enum, {"S", "M", "L"}));
    auto again = tree.defineAttribute(apparel, def("size", AttributeType::Enum, {"XL", "M"}));
    BOOST_TEST_REQUIRE(again.ok());
    BOOST_TEST(*again == first);
    BOOST_TEST(tree.attribute(first).allowed_values == (std::vector<std::string>{"S", "M", "L", "XL"}),
               boost::test_tools::per_element());
    BOOST_TEST(tree.attribute(first).label == "size");  // defaults to the code
}

BOOST_AUTO_TEST_CASE(definitions_are_checked) {
    CategoryTree tree;
    auto c = add(tree, "C");
    BOOST_TEST(!tree.defineAttribute(c, def("", AttributeType::Text)).ok());
    BOOST_TEST(!tree.defineAttribute(c, def("a b", AttributeType::Text)).ok());
    BOOST_TEST(!tree.defineAttribute(c, def("e", AttributeType::Enum)).ok());
    BOOST_TEST(!tree.defineAttribute(c, def("e", AttributeType::Enum, {"x", "x"})).ok());
    BOOST_TEST(!tree.defineAttribute(c, def("t", AttributeType::Text, {"x"})).ok());
    auto with_unit = def("b", AttributeType::Boolean);
    with_unit.unit = "kg";
    BOOST_TEST(!tree.defineAttribute(c, with_unit).ok());
    BOOST_TEST(tree.attributeCount() == 0u);
}

BOOST_AUTO_TEST_CASE(category_import_reports_its_changes) {
    auto tree = fixtureTree();
    std::istringstream more(
        "category_path,code,type,values\n"
        "Apparel > Gloves,colour,enum,black;red\n"
        "Apparel > Boots,,,\n");
    CategoryCsvImporter importer(tree);
    auto report = importer.run(more, "more.csv");
    BOOST_TEST_REQUIRE(report.ok(), errorLines(report));
    BOOST_TEST(report.summary() == "2 rows, 2 valid");
    const auto& changed = importer.changes();
    BOOST_TEST_REQUIRE(changed.added_categories.size() == 1u);
    BOOST_TEST(importer.tree().category(changed.added_categories[0]).path == "Apparel > Boots");
    BOOST_TEST_REQUIRE(changed.defined_attributes.size() == 1u);
    const auto& colour = importer.tree().attribute(changed.defined_attributes[0]);
    BOOST_TEST(colour.allowed_values == (std::vector<std::string>{"black", "blue", "orange", "red"}),
               boost::test_tools::per_element());
    BOOST_TEST(tree.attribute(changed.defined_attributes[0]).allowed_values.size() == 3u);  // base untouched
    BOOST_TEST(importer.tree().indexed());
}

BOOST_AUTO_TEST_CASE(categories_export_round_trip) {
    auto tree = fixtureTree();
    std::ostringstream exported;
    exportCategoriesCsv(exported, tree);
    std::istringstream in(exported.str());
    CategoryCsvImporter importer(CategoryTree{});
    auto report = importer.run(in, "exported.csv");
    BOOST_TEST_REQUIRE(report.ok(), errorLines(report));
    const auto& again = importer.tree();
    BOOST_TEST_REQUIRE(again.size() == tree.size());
    BOOST_TEST_REQUIRE(again.attributeCount() == tree.attributeCount());
    for (CategoryId id = 0; id < tree.size(); ++id)
        BOOST_TEST(again.category(id).path == tree.category(id).path);
    for (AttributeId id = 0; id < tree.attributeCount(); ++id)
        BOOST_TEST((again.attribute(id) == tree.attribute(id)));
    std::ostringstream twice;
    exportCategoriesCsv(twice, again);
    BOOST_TEST(twice.str() == exported.str());
}

BOOST_AUTO_TEST_SUITE_END()
