#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "crossdock/catalog/assortment.h"
#include "crossdock/catalog/customer_part_numbers.h"
#include "crossdock/catalog/stock.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dec;
using crossdock::catalog::test::fixtureTree;
using crossdock::core::Date;
using crossdock::core::ErrorCode;

namespace {

Item itemIn(const CategoryTree& tree, std::string sku, std::string_view path) {
    Item item;
    item.sku = std::move(sku);
    item.category = *tree.find(path);
    return item;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(assortments)

BOOST_AUTO_TEST_CASE(an_assortment_holds_subtrees_and_skus) {
    auto tree = fixtureTree();
    Assortment fasteners("fasteners");
    fasteners.addCategory(*tree.find("Hardware > Fasteners"));
    fasteners.addSku("CBL-NYM-3X15");
    BOOST_TEST(fasteners.contains(tree, itemIn(tree, "SCR-1", "Hardware > Fasteners > Screws")));
    BOOST_TEST(fasteners.contains(tree, itemIn(tree, "FAST-1", "Hardware > Fasteners")));
    BOOST_TEST(!fasteners.contains(tree, itemIn(tree, "HW-1", "Hardware")));
    BOOST_TEST(fasteners.contains(tree, itemIn(tree, "CBL-NYM-3X15", "Electrical > Cable")));
    BOOST_TEST(!fasteners.contains(tree, itemIn(tree, "CBL-OTHER", "Electrical > Cable")));
    BOOST_TEST(fasteners.contains(tree, "CBL-NYM-3X15", kNoCategory));
    BOOST_TEST(!fasteners.contains(tree, "X", kNoCategory));
}

BOOST_AUTO_TEST_CASE(customers_see_everything_or_the_union_of_their_assortments) {
    auto tree = fixtureTree();
    AssortmentDirectory directory;
    Assortment electrical("electrical");
    electrical.addCategory(*tree.find("Electrical"));
    Assortment gloves("gloves");
    gloves.addCategory(*tree.find("Apparel > Gloves"));
    gloves.addSku("SCR-SPECIAL");
    directory.put(electrical);
    directory.put(gloves);

    const auto screw = itemIn(tree, "SCR-1", "Hardware > Fasteners > Screws");
    const auto special = itemIn(tree, "SCR-SPECIAL", "Hardware > Fasteners > Screws");
    const auto cable = itemIn(tree, "CBL-1", "Electrical > Cable");
    const auto glove = itemIn(tree, "GLV-1", "Apparel > Gloves");

    // No assortment: everything.
    BOOST_TEST(directory.visibilityFor("ACME").unrestricted());
    for (const auto* item : {&screw, &special, &cable, &glove})
        BOOST_TEST(directory.canSee("ACME", tree, *item));

    BOOST_TEST(directory.assign("BOLT", {"electrical"}).ok());
    BOOST_TEST(directory.canSee("BOLT", tree, cable));
    BOOST_TEST(!directory.canSee("BOLT", tree, screw));
    BOOST_TEST(!directory.canSee("BOLT", tree, glove));

    BOOST_TEST(directory.assign("BOLT", {"electrical", "gloves"}).ok());
    auto view = directory.visibilityFor("BOLT");
    BOOST_TEST(!view.unrestricted());
    BOOST_TEST(view.canSee(tree, cable));
    BOOST_TEST(view.canSee(tree, glove));
    BOOST_TEST(view.canSee(tree, special));
    BOOST_TEST(!view.canSee(tree, screw));

    auto unknown = directory.assign("BOLT", {"gloves", "nope"});
    BOOST_TEST(unknown.error().code == ErrorCode::NotFound);
    BOOST_TEST(unknown.error().message == "unknown assortment 'nope'");
    BOOST_TEST(directory.assignment("BOLT") == (std::vector<std::string>{"electrical", "gloves"}),
               boost::test_tools::per_element());

    BOOST_TEST(directory.assign("BOLT", {}).ok());  // lifted
    BOOST_TEST(directory.canSee("BOLT", tree, screw));
}

BOOST_AUTO_TEST_CASE(replacing_an_assortment_leaves_resolved_views_alone) {
    auto tree = fixtureTree();
    AssortmentDirectory directory;
    Assortment a("a");
    a.addSku("X-1");
    directory.put(a);
    BOOST_TEST(directory.assign("C", {"a"}).ok());
    auto before = directory.visibilityFor("C");
    Assortment replacement("a");
    replacement.addSku("X-2");
    directory.put(replacement);
    Item x1;
    x1.sku = "X-1";
    BOOST_TEST(before.canSee(tree, x1));
    BOOST_TEST(!directory.canSee("C", tree, x1));
}

BOOST_AUTO_TEST_CASE(customer_part_numbers_work_both_ways) {
    CustomerPartNumbers parts;
    BOOST_TEST(parts.add("ACME", "AC-100", "SCR-4X40").ok());
    BOOST_TEST(parts.add("ACME", "AC-100-ALT", "SCR-4X40").ok());
    BOOST_TEST(parts.add("BOLT", "AC-100", "CBL-NYM-3X15").ok());  // another customer, same code
    BOOST_TEST(parts.add("ACME", "AC-100", "SCR-4X40").ok());      // again: no-op
    BOOST_TEST(parts.size() == 3u);

    BOOST_TEST(*parts.skuFor("ACME", "AC-100") == "SCR-4X40");
    BOOST_TEST(*parts.skuFor("BOLT", "AC-100") == "CBL-NYM-3X15");
    BOOST_TEST(!parts.skuFor("ACME", "ac-100"));
    BOOST_TEST(!parts.skuFor("OTHER", "AC-100"));
    BOOST_TEST(parts.partNumbersFor("ACME", "SCR-4X40") == (std::vector<std::string>{"AC-100", "AC-100-ALT"}),
               boost::test_tools::per_element());
    BOOST_TEST(parts.partNumbersFor("BOLT", "SCR-4X40").empty());

    auto conflict = parts.add("ACME", "AC-100", "OTHER-SKU");
    BOOST_TEST(conflict.error().code == ErrorCode::Conflict);
    BOOST_TEST(*parts.skuFor("ACME", "AC-100") == "SCR-4X40");
    BOOST_TEST(parts.add("ACME", "", "X").error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(parts
                   .add("AC\x1f"
                        "ME",
                        "P", "X")
                   .error()
                   .code == ErrorCode::InvalidArgument);

    BOOST_TEST(parts.remove("ACME", "AC-100"));
    BOOST_TEST(!parts.remove("ACME", "AC-100"));
    BOOST_TEST(!parts.skuFor("ACME", "AC-100"));
    BOOST_TEST(parts.partNumbersFor("ACME", "SCR-4X40") == std::vector<std::string>{"AC-100-ALT"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(stock_per_warehouse) {
    ItemStock stock;
    BOOST_TEST(stock.set({"DAL", dec("100"), dec("30"), std::nullopt}).ok());
    BOOST_TEST(stock.set({"CHI", dec("5"), dec("8"), *Date::parse("2026-03-02")}).ok());  // oversold
    BOOST_TEST(stock.set({"ATL", dec("0"), dec("0"), *Date::parse("2026-02-20")}).ok());
    BOOST_TEST(stock.find("DAL")->available() == dec("70"));
    BOOST_TEST(stock.find("CHI")->available() == dec("-3"));
    BOOST_TEST(stock.totalAvailable() == dec("70"));
    BOOST_TEST(stock.inStock());
    BOOST_TEST(stock.nextReceipt()->toString() == "2026-02-20");

    BOOST_TEST(stock.set({"DAL", dec("10"), dec("10"), std::nullopt}).ok());  // replaces
    BOOST_TEST(stock.levels().size() == 3u);
    BOOST_TEST(!stock.inStock());
    BOOST_TEST(stock.totalAvailable() == dec("0"));

    BOOST_TEST(!stock.set({"", dec("1"), dec("0"), std::nullopt}).ok());
    BOOST_TEST(stock.set({"DAL", dec("1"), dec("-1"), std::nullopt}).error().message ==
               "reserved stock in warehouse 'DAL' is negative: -1");
    BOOST_TEST(stock.find("NYC") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
