// The mapping of BMEcat documents onto catalog items and price rows, XSD validation,
// options, and the behaviour of the sinks.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "bmecat_test_support.h"

using namespace crossdock;
using namespace crossdock::edi::bmecat;
using namespace crossdock::edi::bmecat::testing;
using core::Decimal;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

std::string pathOf(const Outcome& outcome, const catalog::Item& item) {
    return outcome.tree.category(item.category).path;
}

std::string attributeText(const Outcome& outcome, const catalog::Item& item, const std::string& code) {
    auto id = outcome.tree.findAttribute(item.category, code);
    if (!id) return "<undefined>";
    const auto* value = item.attributeValue(*id);
    return value ? catalog::formatAttributeValue(outcome.tree.attribute(*id), value->data) : "<none>";
}

/// An olivere corpus document with its EAN's check digit corrected (8712670911213 → ...11).
std::string olivere(const std::string& file) {
    std::string text = readFile(kCorpus / "olivere-bmecat" / file);
    for (auto at = text.find("8712670911213"); at != std::string::npos; at = text.find("8712670911213"))
        text.replace(at, 13, "8712670911211");
    return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_bmecat_2005_product_becomes_an_item_with_units_features_and_prices) {
    auto outcome = importText(readFile(kData / "good_2005.xml"), fixtureTree());
    BOOST_REQUIRE_MESSAGE(outcome.report.ok(), describeErrors(outcome.report));
    BOOST_TEST(outcome.report.summary() == "2 rows, 2 valid");
    BOOST_REQUIRE(outcome.items.size() == 2u);
    const auto& drill = outcome.items[0];
    BOOST_TEST(drill.sku == "DR-6");
    BOOST_TEST(drill.name == "HSS drill 6 mm");
    BOOST_TEST(drill.description == "Cobalt alloyed, for steel.");
    BOOST_TEST(drill.brand == "Bosch");
    BOOST_TEST(drill.mpn == "HSS-6-CO");
    BOOST_TEST(drill.gtin == "04006381333931");
    BOOST_TEST(pathOf(outcome, drill) == "Tools > Drills");
    BOOST_TEST(drill.units.baseUnit() == "C62");
    BOOST_TEST(drill.units.factor("BX").value() == Decimal::fromInt(10));
    BOOST_TEST(drill.min_order_qty == Decimal::fromInt(20));   // QUANTITY_MIN 2 boxes
    BOOST_TEST(drill.order_multiple == Decimal::fromInt(10));  // QUANTITY_INTERVAL 1 box
    BOOST_TEST(attributeText(outcome, drill, "diameter") == "6");
    BOOST_TEST(attributeText(outcome, drill, "material") == "steel");
    BOOST_TEST(outcome.ignored_features == 1u);                  // Colour: no such attribute
    BOOST_TEST(drill.tax_rate.value() == Decimal::fromInt(19));  // TAX 0.19 on its prices
    const auto& sander = outcome.items[1];
    BOOST_TEST(!sander.tax_rate.has_value());  // no TAX: the configured default applies
    BOOST_TEST(pathOf(outcome, sander) == "Tools > Sanders");
    BOOST_TEST(sander.units.baseUnit() == "C62");
    BOOST_TEST(outcome.created_paths == std::vector<std::string>{"Tools > Sanders"});
    BOOST_TEST(outcome.document.version == "2005.1");
    BOOST_TEST(outcome.document.transaction == "T_NEW_CATALOG");
    BOOST_TEST(outcome.document.catalog_id == "TOOLS");
    BOOST_TEST(outcome.document.currency == "EUR");
    BOOST_TEST(!outcome.document.schema_validated);
}

BOOST_AUTO_TEST_CASE(prices_come_out_per_order_unit_with_tiers_dates_and_the_header_currency) {
    auto outcome = importText(readFile(kData / "good_2005.xml"), fixtureTree());
    BOOST_REQUIRE(outcome.prices.size() == 3u);
    const auto& first = outcome.prices[0];
    BOOST_TEST(first.sku == "DR-6");
    BOOST_TEST(first.price_type == "net_list");
    BOOST_TEST(first.uom == "BX");
    BOOST_TEST(first.min_qty == Decimal::fromInt(1));
    BOOST_TEST(first.unit_price == dec("24.9"));
    BOOST_TEST(first.currency == "EUR");
    BOOST_TEST(first.valid_from->toString() == "2026-01-01");
    BOOST_TEST(first.valid_to->toString() == "2026-12-31");
    BOOST_TEST(first.tax.value() == dec("0.19"));
    const auto& tier = outcome.prices[1];
    BOOST_TEST(tier.min_qty == Decimal::fromInt(10));
    BOOST_TEST(tier.unit_price == dec("21.5"));
    BOOST_TEST(tier.currency == "EUR");  // from the HEADER
    BOOST_TEST(tier.territories == std::vector<std::string>{"DE"});
    const auto& sander = outcome.prices[2];
    BOOST_TEST(sander.uom == "C62");
    BOOST_TEST(sander.unit_price == dec("2.25"));  // 10 × PRICE_FACTOR 0.9 ÷ PRICE_QUANTITY 4
    BOOST_TEST(!sander.valid_from.has_value());
}

BOOST_AUTO_TEST_CASE(the_xsd_checks_a_2005_1_document_and_reports_line_and_column) {
    BmecatOptions options;
    options.schema_dir = kSchemaDir.string();
    const std::string good = readFile(kData / "good_2005.xml");
    auto valid = importText(good, fixtureTree(), options);
    BOOST_TEST(valid.report.ok(), describeErrors(valid.report));
    BOOST_TEST(valid.document.schema_validated);

    std::string broken = good;
    broken.replace(broken.find("<MANUFACTURER_NAME>"), 0, "<COLOUR>red</COLOUR>");
    auto invalid = importText(broken, fixtureTree(), options);
    BOOST_REQUIRE(!invalid.report.ok());
    BOOST_TEST(invalid.report.errors.front().where == "doc.xml:44:17");
    BOOST_TEST(invalid.report.errors.front().message.find("schema: ") == 0u);
    BOOST_TEST(invalid.items.empty());
    BOOST_TEST(importText(broken, fixtureTree()).report.ok());  // structurally fine without the XSD
}

BOOST_AUTO_TEST_CASE(strict_features_makes_an_unknown_feature_an_error) {
    BmecatOptions options;
    options.strict_features = true;
    auto outcome = importText(readFile(kData / "good_2005.xml"), fixtureTree(), options);
    BOOST_TEST(describeErrors(outcome.report) ==
               "doc.xml:56 field FEATURE: attribute 'Colour' is not defined for category 'Tools > Drills'\n");
}

BOOST_AUTO_TEST_CASE(bmecat_1_2_and_2005_articles_use_the_classification_groups) {
    for (std::string file : {"bmecat12/new_catalog.golden.xml", "bmecat2005/new_catalog.golden.xml"}) {
        BOOST_TEST_CONTEXT(file) {
            auto outcome = importText(olivere(file), catalog::CategoryTree{});
            BOOST_REQUIRE_MESSAGE(outcome.report.ok(), describeErrors(outcome.report));
            BOOST_REQUIRE(outcome.items.size() == 1u);
            const auto& item = outcome.items[0];
            BOOST_TEST(item.sku == "1000");
            BOOST_TEST(item.name == "Apple MacBook Pro 13\"");
            BOOST_TEST(item.brand == "Microsoft");
            BOOST_TEST(item.mpn == "MPN");
            BOOST_TEST(item.gtin == "08712670911211");
            BOOST_TEST(pathOf(outcome, item) == "Hardware > Notebook > Mac");
            BOOST_TEST(item.units.baseUnit() == "PCE");
            BOOST_TEST(item.units.factor("BOX").value() == Decimal::fromInt(6));
            BOOST_TEST(item.min_order_qty == Decimal::fromInt(6));
            BOOST_TEST(outcome.ignored_features == 1u);  // Netzspannung
            BOOST_REQUIRE(outcome.prices.size() == 2u);
            BOOST_TEST(outcome.prices[1].uom == "BOX");
            BOOST_TEST(outcome.prices[1].min_qty == Decimal::fromInt(100));
            BOOST_TEST(outcome.prices[1].unit_price == dec("1300.9"));
            BOOST_TEST(outcome.prices[1].valid_to->toString() == "2001-07-31");
        }
    }
}

BOOST_AUTO_TEST_CASE(update_products_upserts_lists_deletions_and_keeps_stored_categories) {
    auto plain = importText(olivere("bmecat12/update_products.golden.xml"), catalog::CategoryTree{});
    BOOST_REQUIRE_MESSAGE(plain.report.ok(), describeErrors(plain.report));
    BOOST_TEST(plain.document.transaction == "T_UPDATE_PRODUCTS");
    BOOST_TEST(plain.items.size() == 1u);
    BOOST_TEST(pathOf(plain, plain.items[0]) == "Unassigned");
    BOOST_TEST(plain.deleted == std::vector<std::string>{"2000"});

    BmecatOptions options;
    options.stored_category = [](const std::string& sku) {
        return sku == "1000" ? "Hardware > Notebook" : "";
    };
    auto kept = importText(olivere("bmecat12/update_products.golden.xml"), catalog::CategoryTree{}, options);
    BOOST_REQUIRE(kept.items.size() == 1u);
    BOOST_TEST(pathOf(kept, kept.items[0]) == "Hardware > Notebook");
}

BOOST_AUTO_TEST_CASE(without_a_fallback_category_an_ungrouped_product_is_an_error) {
    BmecatOptions options;
    options.unassigned_category.clear();
    auto outcome = importText(readFile(kData / "cases" / "unassigned.xml"), fixtureTree(), options);
    BOOST_TEST(describeErrors(outcome.report) ==
               "doc.xml:32 field PRODUCT: product 'A1' belongs to no catalog group\n");
    auto fallback = importText(readFile(kData / "cases" / "unassigned.xml"), fixtureTree());
    BOOST_REQUIRE(fallback.items.size() == 1u);
    BOOST_TEST(fallback.created_paths == std::vector<std::string>{"Unassigned"});
}

BOOST_AUTO_TEST_CASE(sinks_run_in_order_and_stop_at_the_first_error) {
    BmecatImporter importer(fixtureTree());
    std::vector<std::string> calls;
    BmecatSinks sinks;
    sinks.categories = [&](const catalog::CategoryTree& tree,
                           const std::vector<catalog::CategoryId>& created) {
        calls.push_back("categories " + std::to_string(created.size()) + " " +
                        tree.category(created.at(0)).path);
    };
    sinks.items = [&](catalog::Item&& item) { calls.push_back("item " + item.sku); };
    sinks.prices = [&](PriceRow&& row) { calls.push_back("price " + row.sku); };
    std::istringstream good(readFile(kData / "good_2005.xml"));
    BOOST_TEST(importer.run(good, "good.xml", sinks).ok());
    BOOST_TEST(calls == (std::vector<std::string>{"categories 1 Tools > Sanders", "item DR-6", "price DR-6",
                                                  "price DR-6", "item SD-1", "price SD-1"}));

    auto duplicate = importText(readFile(kData / "cases" / "duplicate_sku.xml"), fixtureTree());
    BOOST_TEST(duplicate.items.size() == 1u);  // the first A1 arrived before the error was known
    BOOST_TEST(duplicate.prices.size() == 1u);
}

BOOST_AUTO_TEST_CASE(errors_stop_at_the_limit_and_progress_is_reported) {
    BmecatOptions options;
    options.import.max_errors = 2;
    std::vector<std::size_t> progress;
    options.import.progress_every = 1;
    options.import.on_progress = [&](std::size_t products) { progress.push_back(products); };
    auto outcome = importText(readFile(kData / "cases" / "bad_features.xml"), fixtureTree(), options);
    BOOST_TEST(outcome.report.errors.size() == 2u);
    BOOST_TEST(outcome.report.error_limit_reached);
    BOOST_TEST(progress == (std::vector<std::size_t>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(external_entities_and_dtds_are_never_loaded) {
    std::string text = readFile(kData / "good_2005.xml");
    text.replace(text.find("<BMECAT"), 0,
                 "<!DOCTYPE BMECAT SYSTEM \"http://127.0.0.1:9/bmecat.dtd\" "
                 "[<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n");
    text.replace(text.find("HSS drill 6 mm"), 14, "HSS drill&secret;");
    auto outcome = importText(text, fixtureTree());
    BOOST_REQUIRE_MESSAGE(outcome.report.ok(), describeErrors(outcome.report));
    BOOST_TEST(outcome.items.at(0).name == "HSS drill");
}

BOOST_AUTO_TEST_CASE(a_document_that_is_not_xml_is_rejected_with_a_position) {
    auto outcome = importText("sku,name\nA,B\n", catalog::CategoryTree{});
    BOOST_REQUIRE(!outcome.report.ok());
    BOOST_TEST(outcome.report.errors.front().where.rfind("doc.xml:1:", 0) == 0u);
    BOOST_TEST(outcome.report.errors.front().message.find("malformed XML") == 0u);
    auto empty = importText("", catalog::CategoryTree{});
    BOOST_TEST(!empty.report.ok());
}
