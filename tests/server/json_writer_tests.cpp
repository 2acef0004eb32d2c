#include <string>

#include <boost/test/unit_test.hpp>

#include "printers.h"

#include "crossdock/core/json.h"

using crossdock::core::Decimal;
using crossdock::core::Json;
using crossdock::core::JsonWriter;
using crossdock::core::parseJson;
using crossdock::core::toJsonString;
using crossdock::core::toPrettyJsonString;

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(streams_nested_values_with_commas) {
    JsonWriter w;
    w.beginObject().field("status", "ok").key("items").beginArray();
    w.number(1)
        .number(std::uint64_t{2})
        .boolean(false)
        .null()
        .beginObject()
        .endObject()
        .beginArray()
        .endArray();
    w.endArray().field("n", -5).key("price").rawNumber("12.50").key("qty").number(Decimal::fromRaw(15'000));
    w.endObject();
    BOOST_TEST(w.str() == R"({"status":"ok","items":[1,2,false,null,{},[]],"n":-5,"price":12.50,"qty":1.5})");
}

BOOST_AUTO_TEST_CASE(escapes_strings) {
    JsonWriter w;
    w.string(std::string("q\"b\\s/\n\t\x01\x1f\x7f", 11));
    BOOST_TEST(w.str() == "\"q\\\"b\\\\s/\\n\\t\\u0001\\u001f\x7f\"");
}

BOOST_AUTO_TEST_CASE(keeps_utf8_and_replaces_invalid_bytes) {
    JsonWriter w;
    w.string("\xC3\xA9 \xF0\x9F\x98\x80 \xFF \xC3");
    BOOST_TEST(w.str() == "\"\xC3\xA9 \xF0\x9F\x98\x80 \\ufffd \\ufffd\"");
}

BOOST_AUTO_TEST_CASE(round_trips_exactly) {
    const std::string text =
        R"({"sku":"A-1","qty":0.1,"big":123456789012345678901234567890,"e":1E-7,"list":[true,null,"\u00e9"]})";
    auto value = parseJson(text);
    BOOST_TEST_REQUIRE(value.ok());
    BOOST_TEST(toJsonString(*value) ==
               "{\"sku\":\"A-1\",\"qty\":0.1,\"big\":123456789012345678901234567890,\"e\":1E-7,"
               "\"list\":[true,null,\"\xC3\xA9\"]}");
    BOOST_TEST(*parseJson(toJsonString(*value)) == *value);
}

BOOST_AUTO_TEST_CASE(take_resets_the_writer) {
    JsonWriter w;
    w.beginArray().number(1).endArray();
    BOOST_TEST(w.take() == "[1]");
    w.beginArray().endArray();
    BOOST_TEST(w.str() == "[]");
}

BOOST_AUTO_TEST_CASE(pretty_prints) {
    auto value = parseJson(R"({"a":[1,{"b":null}],"c":{},"d":[]})");
    BOOST_TEST(toPrettyJsonString(*value) ==
               "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}");
}

BOOST_AUTO_TEST_SUITE_END()
