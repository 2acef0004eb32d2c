#include <cstdint>
#include <stdexcept>

#include <boost/test/unit_test.hpp>

#include "printers.h"

#include "crossdock/core/json.h"

using crossdock::core::Decimal;
using crossdock::core::ErrorCode;
using crossdock::core::Json;
using crossdock::core::parseJson;

BOOST_AUTO_TEST_SUITE(json_value)

BOOST_AUTO_TEST_CASE(builds_values) {
    Json object = Json::object();
    object.set("name", "ACME");
    object.set("count", 3);
    object.set("big", std::int64_t{9'000'000'000});
    object.set("ok", true);
    object.set("none", nullptr);
    object.set("list", Json::array({1, "two", Json::number(Decimal::fromRaw(25'000))}));
    BOOST_TEST(object.size() == 6u);
    BOOST_TEST(object.find("count")->numberText() == "3");
    BOOST_TEST(object.find("big")->numberText() == "9000000000");
    BOOST_TEST(object.find("list")->items()[2].numberText() == "2.5");
    object.set("count", 4);  // replaces in place
    BOOST_TEST(object.size() == 6u);
    BOOST_TEST(object.members()[1].key == "count");
    BOOST_TEST(object.find("count")->numberText() == "4");
}

BOOST_AUTO_TEST_CASE(wrong_type_access_is_a_logic_error) {
    Json text("x");
    BOOST_CHECK_THROW(text.asBool(), std::logic_error);
    BOOST_CHECK_THROW(text.items(), std::logic_error);
    BOOST_CHECK_THROW(text.numberText(), std::logic_error);
    BOOST_TEST(text.find("a") == nullptr);
    BOOST_TEST(text.size() == 0u);
}

BOOST_AUTO_TEST_CASE(number_from_text_validates) {
    BOOST_TEST(Json::numberFromText("-12.5e-3").ok());
    BOOST_TEST(!Json::numberFromText("01").ok());
    BOOST_TEST(!Json::numberFromText("1 ").ok());
    BOOST_TEST(!Json::numberFromText("").ok());
}

BOOST_AUTO_TEST_CASE(as_int64) {
    BOOST_TEST(*parseJson("42")->asInt64() == 42);
    BOOST_TEST(*parseJson("-9223372036854775808")->asInt64() == INT64_MIN);
    BOOST_TEST(*parseJson("2.0")->asInt64() == 2);
    BOOST_TEST(*parseJson("2e3")->asInt64() == 2000);
    BOOST_TEST(*parseJson("0e99999999999")->asInt64() == 0);
    BOOST_TEST(*parseJson("1500e-2")->asInt64() == 15);
    BOOST_TEST(parseJson("2.5")->asInt64().error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(parseJson("9223372036854775808")->asInt64().error().code == ErrorCode::Overflow);
    BOOST_TEST(parseJson("1e400")->asInt64().error().code == ErrorCode::Overflow);
    BOOST_TEST(parseJson("\"42\"")->asInt64().error().code == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(as_decimal) {
    BOOST_TEST(parseJson("12.3400")->asDecimal()->toString() == "12.3400");
    BOOST_TEST(parseJson("1.5e3")->asDecimal()->toString() == "1500.0000");
    BOOST_TEST(parseJson("125E-4")->asDecimal()->toString() == "0.0125");
    BOOST_TEST(parseJson("-0.0")->asDecimal()->isZero());
    BOOST_TEST(parseJson("\"7.25\"")->asDecimal()->toString() == "7.2500");
    BOOST_TEST(parseJson("0.00001")->asDecimal().error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(parseJson("1e-400")->asDecimal().error().code == ErrorCode::InvalidArgument);
    BOOST_TEST(parseJson("1e30")->asDecimal().error().code == ErrorCode::Overflow);
    BOOST_TEST(parseJson("true")->asDecimal().error().code == ErrorCode::InvalidArgument);
}

BOOST_AUTO_TEST_CASE(equality_is_structural) {
    BOOST_TEST(*parseJson(R"({"a":[1,"x"]})") == *parseJson(R"( { "a" : [ 1 , "x" ] } )"));
    BOOST_TEST(!(*parseJson("1.0") == *parseJson("1")));
    BOOST_TEST(!(*parseJson(R"({"a":1,"b":2})") == *parseJson(R"({"b":2,"a":1})")));
}

BOOST_AUTO_TEST_SUITE_END()
