#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>
#include <vector>

#include "crossdock/catalog/attribute.h"
#include "crossdock/catalog/item.h"
#include "test_support.h"

using namespace crossdock::catalog;
using crossdock::catalog::test::dec;
using crossdock::core::Decimal;
using crossdock::core::ErrorCode;

namespace {

// CS = 12 EA, PL = 40 CS = 480 EA: the example of the contract.
Item palletizedItem() {
    Item item;
    item.sku = "TAPE-19";
    BOOST_REQUIRE(item.units.addLevel("CS", dec("12")).ok());
    BOOST_REQUIRE(item.units.addLevel("PL", dec("480")).ok());
    return item;
}

AttributeDefinition definition(std::string code, AttributeType type, std::string unit = {},
                               std::vector<std::string> values = {}) {
    AttributeDefinition d;
    d.code = std::move(code);
    d.type = type;
    d.unit = std::move(unit);
    d.allowed_values = std::move(values);
    return d;
}

std::string convert(const Item& item, const char* qty, const char* from, const char* to) {
    auto result = item.units.convert(dec(qty), from, to);
    return result.ok() ? result->toShortString() : "error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(item)

BOOST_AUTO_TEST_CASE(units_convert_through_packs) {
    auto item = palletizedItem();
    BOOST_TEST(item.units.baseUnit() == "EA");
    BOOST_TEST(convert(item, "1", "CS", "EA") == "12");
    BOOST_TEST(convert(item, "1", "PL", "EA") == "480");
    BOOST_TEST(convert(item, "1", "PL", "CS") == "40");
    BOOST_TEST(convert(item, "2", "PL", "CS") == "80");
    BOOST_TEST(convert(item, "18", "EA", "CS") == "1.5");
    BOOST_TEST(convert(item, "120", "CS", "PL") == "3");
    BOOST_TEST(convert(item, "1", "BX", "EA") == "error");
}

BOOST_AUTO_TEST_CASE(order_quantities_respect_minimum_and_multiple) {
    auto item = palletizedItem();
    item.order_multiple = dec("6");
    item.min_order_qty = dec("12");
    BOOST_TEST(item.checkOrderQuantity(dec("12"), "EA").ok());
    BOOST_TEST(item.checkOrderQuantity(dec("1"), "CS").ok());
    BOOST_TEST(item.checkOrderQuantity(dec("1"), "PL").ok());
    BOOST_TEST(item.checkOrderQuantity(dec("0.5"), "CS").error().message ==
               "quantity 6 EA is below the minimum order of 12 EA");
    BOOST_TEST(item.checkOrderQuantity(dec("13"), "EA").error().message ==
               "quantity 13 EA is not a multiple of 6 EA");
    BOOST_TEST(item.checkOrderQuantity(dec("0"), "EA").error().message == "quantity must be positive, got 0");
    BOOST_TEST(!item.checkOrderQuantity(dec("1"), "BX").ok());
}

BOOST_AUTO_TEST_CASE(attribute_values_stay_sorted_and_unique) {
    Item item;
    item.setAttribute(AttributeValue{7, false, std::string("b")});
    item.setAttribute(AttributeValue{2, false, Decimal::fromInt(5)});
    item.setAttribute(AttributeValue{4, true, EnumChoice{1}});
    item.setAttribute(AttributeValue{2, false, Decimal::fromInt(6)});
    BOOST_TEST_REQUIRE(item.attributes.size() == 3u);
    BOOST_TEST(item.attributes[0].attribute == 2u);
    BOOST_TEST(item.attributes[1].attribute == 4u);
    BOOST_TEST(item.attributes[2].attribute == 7u);
    BOOST_TEST(std::get<Decimal>(item.attributeValue(2)->data) == Decimal::fromInt(6));
    BOOST_TEST(item.attributeValue(3) == nullptr);
}

BOOST_AUTO_TEST_CASE(attribute_values_parse_by_type) {
    auto length = definition("length", AttributeType::Number, "mm");
    BOOST_TEST(std::get<Decimal>(*parseAttributeValue(length, "40")) == dec("40"));
    BOOST_TEST(std::get<Decimal>(*parseAttributeValue(length, "40.5 mm")) == dec("40.5"));
    BOOST_TEST(parseAttributeValue(length, "40 cm").error().message ==
               "attribute 'length' expects a number in mm, got '40 cm'");
    BOOST_TEST(!parseAttributeValue(length, "mm").ok());

    auto size = definition("size", AttributeType::Enum, "", {"S", "M", "L"});
    BOOST_TEST(std::get<EnumChoice>(*parseAttributeValue(size, "L")).index == 2);
    BOOST_TEST(parseAttributeValue(size, "m").error().message ==
               "value 'm' is not allowed for attribute 'size' (allowed: S, M, L)");

    auto flag = definition("shielded", AttributeType::Boolean);
    for (const char* yes : {"true", "TRUE", "yes", "1"})
        BOOST_TEST(std::get<bool>(*parseAttributeValue(flag, yes)));
    for (const char* no : {"false", "No", "0"}) BOOST_TEST(!std::get<bool>(*parseAttributeValue(flag, no)));
    BOOST_TEST(parseAttributeValue(flag, "maybe").error().message ==
               "attribute 'shielded' expects true or false, got 'maybe'");

    auto text = definition("thread", AttributeType::Text);
    BOOST_TEST(std::get<std::string>(*parseAttributeValue(text, "M4, fine")) == "M4, fine");
}

BOOST_AUTO_TEST_CASE(attribute_values_format_as_they_parse) {
    auto length = definition("length", AttributeType::Number, "mm");
    auto size = definition("size", AttributeType::Enum, "", {"S", "M"});
    auto flag = definition("shielded", AttributeType::Boolean);
    BOOST_TEST(formatAttributeValue(length, dec("40.50")) == "40.5");
    BOOST_TEST(formatAttributeValue(size, EnumChoice{1}) == "M");
    BOOST_TEST(formatAttributeValue(flag, true) == "true");
    BOOST_TEST(formatAttributeValue(flag, false) == "false");
}

BOOST_AUTO_TEST_CASE(names_of_statuses_and_types) {
    BOOST_TEST(*parseItemStatus("discontinued") == ItemStatus::Discontinued);
    BOOST_TEST(toString(ItemStatus::Draft) == "draft");
    BOOST_TEST(parseItemStatus("Active").error().message ==
               "unknown status 'Active' (expected active, discontinued or draft)");
    BOOST_TEST(*parseAttributeType("boolean") == AttributeType::Boolean);
    BOOST_TEST(toString(AttributeType::Enum) == "enum");
    BOOST_TEST(!parseAttributeType("float").ok());
    BOOST_TEST(isValidAttributeCode("cross_section"));
    BOOST_TEST(isValidAttributeCode("Ø") == false);
    BOOST_TEST(isValidAttributeCode(std::string(65, 'a')) == false);
}

BOOST_AUTO_TEST_CASE(items_are_compact) {
    // The catalog holds a million items in memory next to the search index (≤ 1 KiB
    // per SKU in all): catch an accidental map or a fat member here.
    BOOST_TEST(sizeof(Item) <= 400u);
    BOOST_TEST(sizeof(AttributeValue) <= 48u);
}

BOOST_AUTO_TEST_SUITE_END()
