#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "crossdock/catalog/assortment.h"
#include "crossdock/catalog/customer_part_numbers.h"
#include "crossdock/catalog/search_index.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dec;

namespace {

// Tools > Drills, Tools > Saws, Fasteners > Screws; attributes: voltage (enum,
// filterable), cordless (boolean, filterable), weight (number kg, filterable), finish (text, searchable).
struct Fixture {
    CategoryTree tree;
    CategoryId tools = 0, drills = 0, saws = 0, fasteners = 0, screws = 0;
    AttributeId voltage = 0, cordless = 0, weight = 0, finish = 0;

    Fixture() {
        drills = *tree.addPath("Tools > Drills");
        saws = *tree.addPath("Tools > Saws");
        screws = *tree.addPath("Fasteners > Screws");
        tools = *tree.find("Tools");
        fasteners = *tree.find("Fasteners");
        tree.reindex();
        voltage = define(tools, "voltage", AttributeType::Enum, {"12V", "18V"});
        cordless = define(tools, "cordless", AttributeType::Boolean, {});
        weight = define(tools, "weight", AttributeType::Number, {});
        finish = define(screws, "finish", AttributeType::Text, {}, false, true);
    }

    AttributeId define(CategoryId at, std::string code, AttributeType type, std::vector<std::string> values,
                       bool filterable = true, bool searchable = false) {
        AttributeDefinition definition;
        definition.code = std::move(code);
        definition.type = type;
        definition.allowed_values = std::move(values);
        definition.filterable = filterable;
        definition.searchable = searchable;
        auto id = tree.defineAttribute(at, definition);
        BOOST_REQUIRE(id.ok());
        return *id;
    }
};

Item item(std::string sku, std::string name, CategoryId category, std::string brand = "",
          std::string description = "") {
    Item out;
    out.sku = std::move(sku);
    out.name = std::move(name);
    out.category = category;
    out.brand = std::move(brand);
    out.description = std::move(description);
    return out;
}

Item tool(std::string sku, std::string name, CategoryId category, std::string brand, const Fixture& f,
          std::uint16_t volts, bool cordless, std::string_view kg) {
    Item out = item(std::move(sku), std::move(name), category, std::move(brand));
    out.setAttribute(AttributeValue{f.voltage, false, EnumChoice{volts}});
    out.setAttribute(AttributeValue{f.cordless, false, cordless});
    out.setAttribute(AttributeValue{f.weight, false, dec(kg)});
    return out;
}

SearchIndex fixtureIndex(const Fixture& f) {
    std::vector<Item> items;
    items.push_back(tool("DR-100", "Cordless drill 18V", f.drills, "Bosch", f, 1, true, "1.6"));
    items.push_back(tool("DR-200", "Hammer drill", f.drills, "Makita", f, 0, false, "2.4"));
    items.push_back(tool("SAW-1", "Circular saw", f.saws, "Makita", f, 1, true, "3.1"));
    Item bit = item("ACC-9", "Bit set", f.tools, "Bosch", "Fits every drill chuck");
    bit.mpn = "BSH-2607";
    items.push_back(bit);
    Item screw = item("SCR-4", "Wood screw 4x40", f.screws, "Spax", "Zinc plated");
    screw.gtin = "04006381333931";
    screw.setAttribute(AttributeValue{f.finish, false, std::string("Galvanisé")});
    items.push_back(screw);
    items.push_back(item("DRILL", "Drill stand", f.tools, "Wolfcraft"));
    auto in_stock = [](std::string_view sku) { return sku != "DR-200"; };
    return SearchIndex::build(f.tree, std::move(items), in_stock);
}

std::vector<std::string> skus(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.item.sku);
    return out;
}

SearchResult run(const SearchIndex& index, SearchQuery query) {
    auto result = index.search(query);
    BOOST_REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
    return *result;
}

SearchQuery text(std::string words) {
    SearchQuery query;
    query.text = std::move(words);
    return query;
}

const Facet* facet(const SearchResult& result, std::string_view code) {
    for (const auto& f : result.facets) {
        if (f.code == code) return &f;
    }
    return nullptr;
}

std::uint32_t countOf(const Facet* f, std::string_view value) {
    if (!f) return 0;
    for (const auto& v : f->values) {
        if (v.value == value) return v.count;
    }
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(tokenizer_folds_case_and_latin1) {
    const std::vector<std::string> expected{"schlussel", "gross", "m8", "40", "aero"};
    BOOST_TEST(tokenizeText("Schlüssel GROß/M8×40, Æro") == expected, boost::test_tools::per_element());
    BOOST_TEST(normalizeCode("ABC-12/x") == "abc12x");
}

BOOST_AUTO_TEST_CASE(name_outranks_brand_outranks_description) {
    Fixture f;
    const auto index = fixtureIndex(f);
    // "drill": DRILL's SKU exactly, then names (DR-100, DR-200, DRILL), then the description (ACC-9).
    const auto result = run(index, text("drill"));
    const std::vector<std::string> expected{"DRILL", "DR-100", "DR-200", "ACC-9"};
    BOOST_TEST(skus(result) == expected, boost::test_tools::per_element());
    BOOST_TEST(result.hits[0].score >= 1000U);
    BOOST_TEST(skus(run(index, text("makita saw"))) == std::vector<std::string>{"SAW-1"},
               boost::test_tools::per_element());
    BOOST_TEST(run(index, text("bosch")).hits.size() == 2U);
    BOOST_TEST(run(index, text("drill nonexistentword")).total == 0U);
}

BOOST_AUTO_TEST_CASE(exact_codes_rank_first_and_prefixes_match) {
    Fixture f;
    const auto index = fixtureIndex(f);
    BOOST_TEST(run(index, text("dr-100")).hits.at(0).item.sku == "DR-100");
    BOOST_TEST(run(index, text("bsh2607")).hits.at(0).item.sku == "ACC-9");        // MPN, punctuation ignored
    BOOST_TEST(run(index, text("4006381333931")).hits.at(0).item.sku == "SCR-4");  // EAN-13 finds the GTIN-14
    const auto prefix = run(index, text("BSH-26"));
    BOOST_TEST(skus(prefix) == std::vector<std::string>{"ACC-9"}, boost::test_tools::per_element());
    BOOST_TEST(run(index, text("galvanise")).hits.at(0).item.sku == "SCR-4");  // searchable attribute
}

BOOST_AUTO_TEST_CASE(part_numbers_only_for_their_customer) {
    Fixture f;
    const auto index = fixtureIndex(f);
    CustomerPartNumbers parts;
    BOOST_REQUIRE(parts.add("acme", "MY-SCREW-7", "SCR-4").ok());
    auto query = text("MY-SCREW-7");
    query.part_numbers = [&](std::string_view pn) { return parts.skuFor("acme", pn); };
    const auto mine = run(index, query);
    BOOST_TEST(skus(mine) == std::vector<std::string>{"SCR-4"}, boost::test_tools::per_element());
    BOOST_TEST(mine.hits[0].score >= 1000U);
    query.part_numbers = [&](std::string_view pn) { return parts.skuFor("globex", pn); };
    BOOST_TEST(run(index, query).total == 0U);
    query.part_numbers = {};
    BOOST_TEST(run(index, query).total == 0U);
}

BOOST_AUTO_TEST_CASE(filters_narrow_the_hits) {
    Fixture f;
    const auto index = fixtureIndex(f);
    SearchQuery query;
    query.category = f.tools;
    query.sort = SearchSort::Sku;
    BOOST_TEST(run(index, query).total == 5U);
    query.brands = {"Makita"};
    BOOST_TEST(skus(run(index, query)) == (std::vector<std::string>{"DR-200", "SAW-1"}),
               boost::test_tools::per_element());
    query.attributes = {AttributeEquals{f.cordless, true}};
    BOOST_TEST(skus(run(index, query)) == std::vector<std::string>{"SAW-1"},
               boost::test_tools::per_element());
    query = {};
    query.sort = SearchSort::Sku;
    query.attributes = {AttributeEquals{f.voltage, EnumChoice{1}}};
    BOOST_TEST(skus(run(index, query)) == (std::vector<std::string>{"DR-100", "SAW-1"}),
               boost::test_tools::per_element());
    query.attributes.clear();
    query.ranges = {NumericRange{f.weight, dec("2"), dec("3.1")}};
    BOOST_TEST(skus(run(index, query)) == (std::vector<std::string>{"DR-200", "SAW-1"}),
               boost::test_tools::per_element());
    query.ranges.clear();
    query.category = f.drills;
    query.in_stock_only = true;
    BOOST_TEST(skus(run(index, query)) == std::vector<std::string>{"DR-100"},
               boost::test_tools::per_element());
    query.ranges = {NumericRange{f.voltage, std::nullopt, std::nullopt}};
    BOOST_TEST(!index.search(query).ok());  // a range needs a number attribute
}

BOOST_AUTO_TEST_CASE(facets_count_the_filtered_hits) {
    Fixture f;
    const auto index = fixtureIndex(f);
    SearchQuery query;
    query.category = f.tools;
    const auto result = run(index, query);
    BOOST_TEST(countOf(facet(result, "category"), "Drills") == 2U);
    BOOST_TEST(countOf(facet(result, "category"), "Saws") == 1U);
    BOOST_TEST(countOf(facet(result, "brand"), "Makita") == 2U);
    BOOST_TEST(countOf(facet(result, "brand"), "Spax") == 0U);
    BOOST_TEST(countOf(facet(result, "voltage"), "18V") == 2U);
    BOOST_TEST(countOf(facet(result, "cordless"), "false") == 1U);
    const Facet* weight = facet(result, "weight");
    BOOST_REQUIRE(weight);
    BOOST_TEST(weight->count == 3U);
    BOOST_TEST(*weight->min == dec("1.6"));
    BOOST_TEST(*weight->max == dec("3.1"));
    const auto roots = run(index, SearchQuery{});
    BOOST_TEST(countOf(facet(roots, "category"), "Tools") == 5U);
    BOOST_TEST(countOf(facet(roots, "category"), "Fasteners") == 1U);
}

BOOST_AUTO_TEST_CASE(visibility_hides_hits_and_facet_counts) {
    Fixture f;
    const auto index = fixtureIndex(f);
    AssortmentDirectory directory;
    Assortment drills_only("drills");
    drills_only.addCategory(f.drills);
    drills_only.addSku("SCR-4");
    directory.put(std::move(drills_only));
    BOOST_REQUIRE(directory.assign("acme", {"drills"}).ok());
    const CustomerVisibility visibility = directory.visibilityFor("acme");
    SearchQuery query;
    query.visibility = &visibility;
    query.sort = SearchSort::Sku;
    const auto result = run(index, query);
    BOOST_TEST(skus(result) == (std::vector<std::string>{"DR-100", "DR-200", "SCR-4"}),
               boost::test_tools::per_element());
    BOOST_TEST(countOf(facet(result, "brand"), "Bosch") == 1U);  // ACC-9 is hidden
    BOOST_TEST(countOf(facet(result, "brand"), "Wolfcraft") == 0U);
    BOOST_TEST(countOf(facet(result, "category"), "Tools") == 2U);
    BOOST_TEST(countOf(facet(result, "voltage"), "18V") == 1U);  // SAW-1 is hidden
    query.text = "saw";
    BOOST_TEST(run(index, query).total == 0U);
}

BOOST_AUTO_TEST_CASE(cursor_pages_have_no_duplicates_or_gaps) {
    Fixture f;
    std::vector<Item> items;
    for (int i = 0; i < 57; ++i) {
        // Names repeat so that the name order needs the SKU tie-break.
        items.push_back(item("P" + std::to_string(1000 + i), "Widget " + std::to_string(i % 7), f.tools,
                             "Acme", i % 3 == 0 ? "widget widget" : ""));
    }
    const auto index = SearchIndex::build(f.tree, std::move(items));
    for (auto sort : {SearchSort::Relevance, SearchSort::Sku, SearchSort::Name}) {
        SearchQuery query = text("widget");
        query.sort = sort;
        query.limit = 10;
        std::vector<std::string> seen;
        int pages = 0;
        do {
            const auto page = run(index, query);
            BOOST_TEST(page.total == 57U);
            for (const auto& hit : page.hits) seen.push_back(hit.item.sku);
            query.cursor = page.next_cursor;
            ++pages;
        } while (!query.cursor.empty() && pages < 20);
        BOOST_TEST(pages == 6);
        BOOST_TEST(seen.size() == 57U);
        BOOST_TEST(std::set<std::string>(seen.begin(), seen.end()).size() == 57U);
    }
    SearchQuery bad = text("widget");
    bad.cursor = "zz";
    BOOST_TEST(!index.search(bad).ok());
    bad.cursor = run(index, text("widget")).next_cursor;
    bad.sort = SearchSort::Name;  // a cursor belongs to its sort order
    BOOST_TEST(!index.search(bad).ok());
}

BOOST_AUTO_TEST_CASE(upsert_replace_remove_and_compact) {
    Fixture f;
    auto index = fixtureIndex(f);
    BOOST_REQUIRE(index.upsert(item("NEW-1", "Angle grinder", f.tools, "Metabo"), true).ok());
    BOOST_TEST(skus(run(index, text("grinder"))) == std::vector<std::string>{"NEW-1"},
               boost::test_tools::per_element());
    BOOST_REQUIRE(index.upsert(item("DR-100", "Impact driver", f.drills, "Bosch")).ok());
    BOOST_TEST(run(index, text("cordless")).total == 0U);  // the old text is gone
    BOOST_TEST(skus(run(index, text("impact"))) == std::vector<std::string>{"DR-100"},
               boost::test_tools::per_element());
    BOOST_TEST(run(index, text("dr-100")).total == 1U);  // its codes once, not twice
    BOOST_TEST(index.remove("SAW-1"));
    BOOST_TEST(!index.remove("SAW-1"));
    BOOST_TEST(run(index, text("saw")).total == 0U);
    BOOST_TEST(index.size() == 6U);
    BOOST_TEST(index.retired() == 2U);
    SearchQuery browse;
    browse.category = f.tools;
    BOOST_TEST(run(index, browse).total == 5U);
    BOOST_TEST(index.setInStock("DR-200", true));
    index.compact();
    BOOST_TEST(index.retired() == 0U);
    BOOST_TEST(index.size() == 6U);
    browse.in_stock_only = true;
    browse.sort = SearchSort::Sku;
    BOOST_TEST(skus(run(index, browse)) == (std::vector<std::string>{"ACC-9", "DR-200", "DRILL", "NEW-1"}),
               boost::test_tools::per_element());
    BOOST_TEST(!index.upsert(item("", "nameless", f.tools)).ok());
}

BOOST_AUTO_TEST_CASE(upserts_between_close_neighbours_keep_sku_and_name_order) {
    // Each upsert lands between the same two neighbours, halving the gap between
    // their ranks until the index has to renumber: the orders must never notice.
    Fixture f;
    std::vector<Item> items;
    items.push_back(item("A", "zeta", f.tools));
    items.push_back(item("N", "alpha", f.tools));
    auto index = SearchIndex::build(f.tree, std::move(items));
    std::vector<std::pair<std::string, std::string>> by_name = {{"zeta", "A"}, {"alpha", "N"}};
    std::string sku = "M";
    for (int i = 0; i < 70; ++i) {
        sku += "0";  // "M0" < "M00" < ... all sort between "A" and "N"
        const std::string name = "name " + std::to_string(i % 9);  // repeats: SKU breaks ties
        BOOST_REQUIRE(index.upsert(item(sku, name, f.tools)).ok());
        by_name.emplace_back(name, sku);
    }
    std::sort(by_name.begin(), by_name.end());
    std::vector<std::string> expected_skus;
    for (const auto& entry : by_name) expected_skus.push_back(entry.second);
    std::vector<std::string> expected_names_order = expected_skus;
    std::sort(expected_skus.begin(), expected_skus.end());
    for (auto sort : {SearchSort::Sku, SearchSort::Name}) {
        SearchQuery browse;
        browse.sort = sort;
        browse.limit = 7;
        std::vector<std::string> seen;
        for (int pages = 0; pages < 30; ++pages) {
            const auto page = run(index, browse);
            for (const auto& hit : page.hits) seen.push_back(hit.item.sku);
            browse.cursor = page.next_cursor;
            if (browse.cursor.empty()) break;
        }
        const auto& expected = sort == SearchSort::Name ? expected_names_order : expected_skus;
        BOOST_TEST(seen == expected, boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(a_cursor_survives_the_removal_of_its_item) {
    Fixture f;
    for (auto sort : {SearchSort::Sku, SearchSort::Name, SearchSort::Relevance}) {
        auto index = fixtureIndex(f);
        SearchQuery browse;
        browse.sort = sort;
        browse.limit = 2;
        const auto first = run(index, browse);
        BOOST_REQUIRE(first.hits.size() == 2U);
        std::vector<std::string> seen = skus(first);
        BOOST_TEST(index.remove(seen.back()));  // the cursor's own item goes away
        browse.cursor = first.next_cursor;
        while (!browse.cursor.empty()) {
            const auto page = run(index, browse);
            for (const auto& hit : page.hits) seen.push_back(hit.item.sku);
            browse.cursor = page.next_cursor;
        }
        BOOST_TEST(seen.size() == 6U);  // every item once: the removed one on page 1 only
        BOOST_TEST(std::set<std::string>(seen.begin(), seen.end()).size() == 6U);
    }
}

BOOST_AUTO_TEST_CASE(browsing_under_an_assortment_follows_listed_skus_and_drafts) {
    Fixture f;
    auto index = fixtureIndex(f);
    AssortmentDirectory directory;
    Assortment saws("saws");
    saws.addCategory(f.saws);
    saws.addSku("DR-100");
    directory.put(std::move(saws));
    BOOST_REQUIRE(directory.assign("acme", {"saws"}).ok());
    const CustomerVisibility visibility = directory.visibilityFor("acme");
    SearchQuery browse;
    browse.category = f.tools;
    browse.visibility = &visibility;
    browse.sort = SearchSort::Sku;
    BOOST_TEST(skus(run(index, browse)) == (std::vector<std::string>{"DR-100", "SAW-1"}),
               boost::test_tools::per_element());
    BOOST_TEST(index.remove("DR-100"));  // the listed SKU's doc is resolved again
    BOOST_TEST(skus(run(index, browse)) == std::vector<std::string>{"SAW-1"},
               boost::test_tools::per_element());
    Item draft = item("DR-100", "Drill prototype", f.drills, "Bosch");
    draft.status = ItemStatus::Draft;
    BOOST_REQUIRE(index.upsert(draft).ok());
    BOOST_TEST(skus(run(index, browse)) == std::vector<std::string>{"SAW-1"},
               boost::test_tools::per_element());
    browse.include_drafts = true;
    BOOST_TEST(skus(run(index, browse)) == (std::vector<std::string>{"DR-100", "SAW-1"}),
               boost::test_tools::per_element());
    BOOST_TEST(index.setInStock("DR-100", true));  // keeps the draft flag
    browse.include_drafts = false;
    BOOST_TEST(run(index, browse).total == 1U);
}

BOOST_AUTO_TEST_SUITE_END()
