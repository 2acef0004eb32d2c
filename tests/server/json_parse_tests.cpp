#include <string>

#include <boost/test/unit_test.hpp>

#include "printers.h"

#include "crossdock/core/json.h"

using crossdock::core::Json;
using crossdock::core::JsonParseOptions;
using crossdock::core::JsonTextPosition;
using crossdock::core::parseJson;

namespace {

/// The error message of parsing `text`; fails the test when it parses.
std::string errorOf(std::string_view text, JsonTextPosition* position = nullptr) {
    auto result = parseJson(text, {}, position);
    BOOST_TEST_REQUIRE(!result.ok(), "expected a parse error for: " << text);
    return result.error().message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_parse)

BOOST_AUTO_TEST_CASE(parses_scalars) {
    BOOST_TEST(parseJson("null")->isNull());
    BOOST_TEST(parseJson(" true ")->asBool());
    BOOST_TEST(!parseJson("false")->asBool());
    BOOST_TEST(parseJson("\"hi\"")->asString() == "hi");
    BOOST_TEST(parseJson("-0.50")->numberText() == "-0.50");
    BOOST_TEST(parseJson("1E+3")->numberText() == "1E+3");
}

BOOST_AUTO_TEST_CASE(objects_keep_insertion_order) {
    auto value = parseJson(R"({"z":1,"a":[true,null],"m":{"k":"v"}})");
    BOOST_TEST_REQUIRE(value.ok());
    const auto& members = value->members();
    BOOST_TEST_REQUIRE(members.size() == 3u);
    BOOST_TEST(members[0].key == "z");
    BOOST_TEST(members[1].key == "a");
    BOOST_TEST(members[2].key == "m");
    BOOST_TEST(value->find("a")->size() == 2u);
    BOOST_TEST(value->find("m")->find("k")->asString() == "v");
    BOOST_TEST(value->find("missing") == nullptr);
}

BOOST_AUTO_TEST_CASE(decimal_numbers_never_pass_through_double) {
    auto value = parseJson(R"({"qty": 0.1, "price": 12345678901234.5678})");
    BOOST_TEST_REQUIRE(value.ok());
    BOOST_TEST(value->find("qty")->asDecimal()->toString() == "0.1000");
    BOOST_TEST(value->find("price")->asDecimal()->toString() == "12345678901234.5678");
}

BOOST_AUTO_TEST_CASE(decodes_escapes_and_surrogate_pairs) {
    auto value = parseJson(R"("a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac\ud83d\ude00")");
    BOOST_TEST_REQUIRE(value.ok());
    BOOST_TEST(value->asString() == "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(keeps_raw_utf8) {
    BOOST_TEST(parseJson("\"gr\xC3\xBC\xC3\x9F \xE6\x97\xA5\"")->asString() ==
               "gr\xC3\xBC\xC3\x9F \xE6\x97\xA5");
}

BOOST_AUTO_TEST_CASE(skips_a_byte_order_mark) { BOOST_TEST(parseJson("\xEF\xBB\xBF{}")->isObject()); }

BOOST_AUTO_TEST_CASE(reports_line_column_and_offset) {
    JsonTextPosition position;
    const std::string text = "{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3\n}";
    auto result = parseJson(text, {}, &position);
    BOOST_TEST_REQUIRE(!result.ok());
    BOOST_TEST(result.error().message == "expected ',' or '}' after member value");
    BOOST_TEST(position.line == 3u);
    BOOST_TEST(position.column == 10u);
    BOOST_TEST(position.offset == 21u);
    BOOST_TEST(result.error().where == "line 3, column 10 (offset 21)");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
    JsonTextPosition position;
    errorOf("[\"\xC3\xA9\xC3\xA9\" x]", &position);
    BOOST_TEST(position.column == 7u);
    BOOST_TEST(position.offset == 8u);
}

BOOST_AUTO_TEST_CASE(rejects_malformed_documents) {
    BOOST_TEST(errorOf("") == "unexpected end of input: expected a value");
    BOOST_TEST(errorOf("[1,]") == "unexpected character ']': expected a value");
    BOOST_TEST(errorOf("{\"a\":1,}") == "expected '\"' to begin a member name");
    BOOST_TEST(errorOf("{\"a\" 1}") == "expected ':' after member name");
    BOOST_TEST(errorOf("[1 2]") == "expected ',' or ']' after array element");
    BOOST_TEST(errorOf("[1") == "unexpected end of input: expected ',' or ']' after array element");
    BOOST_TEST(errorOf("{} {}") == "unexpected text after the JSON value");
    BOOST_TEST(errorOf("// comment\n1") == "unexpected character '/': expected a value");
    BOOST_TEST(errorOf("tru") == "unexpected character 't': expected a value");
    BOOST_TEST(errorOf("\"abc") == "unexpected end of input inside a string");
    BOOST_TEST(errorOf("'a'") == "unexpected character ''': expected a value");
}

BOOST_AUTO_TEST_CASE(rejects_malformed_numbers) {
    BOOST_TEST(errorOf("01") == "invalid number: leading zero");
    BOOST_TEST(errorOf("1.") == "invalid number: expected a digit after '.'");
    BOOST_TEST(errorOf("-") == "invalid number: expected a digit");
    BOOST_TEST(errorOf("1e") == "invalid number: expected a digit in the exponent");
    BOOST_TEST(errorOf(".5") == "unexpected character '.': expected a value");
    BOOST_TEST(errorOf("+1") == "unexpected character '+': expected a value");
    BOOST_TEST(errorOf("NaN") == "unexpected character 'N': expected a value");
}

BOOST_AUTO_TEST_CASE(rejects_bad_strings) {
    BOOST_TEST(errorOf("\"a\tb\"") == "control character in a string must be escaped");
    BOOST_TEST(errorOf(R"("\x")") == "invalid escape sequence '\\x'");
    BOOST_TEST(errorOf(R"("\u12")") == "invalid \\u escape: expected 4 hex digits");
    BOOST_TEST(errorOf(R"("\u12g4")") == "invalid \\u escape: expected 4 hex digits");
    BOOST_TEST(errorOf(R"("\ud83d")") == "invalid \\u escape: unpaired high surrogate");
    BOOST_TEST(errorOf(R"("\ud83d\u0041")") == "invalid \\u escape: unpaired high surrogate");
    BOOST_TEST(errorOf(R"("\ude00")") == "invalid \\u escape: unpaired low surrogate");
    BOOST_TEST(errorOf(R"("\u0000")") == "\\u0000 is not allowed in strings");
}

BOOST_AUTO_TEST_CASE(rejects_invalid_utf8) {
    BOOST_TEST(errorOf("\"\xC3\"") == "invalid UTF-8 in a string");              // truncated
    BOOST_TEST(errorOf("\"\xC0\xAF\"") == "invalid UTF-8 in a string");          // overlong
    BOOST_TEST(errorOf("\"\xED\xA0\x80\"") == "invalid UTF-8 in a string");      // surrogate
    BOOST_TEST(errorOf("\"\xF4\x90\x80\x80\"") == "invalid UTF-8 in a string");  // > U+10FFFF
    BOOST_TEST(errorOf("\"\x80\"") == "invalid UTF-8 in a string");              // stray continuation
    BOOST_TEST(errorOf("\xFF") == "unexpected byte 0xff: expected a value");
}

BOOST_AUTO_TEST_CASE(nul_characters_can_be_allowed) {
    JsonParseOptions options;
    options.allow_nul_char = true;
    auto value = parseJson(R"("a\u0000b")", options);
    BOOST_TEST_REQUIRE(value.ok());
    BOOST_TEST(value->asString() == std::string("a\0b", 3));
}

BOOST_AUTO_TEST_CASE(limits_depth) {
    const std::string ok = std::string(64, '[') + std::string(64, ']');
    const std::string deep = std::string(65, '[') + std::string(65, ']');
    BOOST_TEST(parseJson(ok).ok());
    BOOST_TEST(errorOf(deep) == "nesting deeper than 64 levels");
    const std::string very_deep(100000, '[');
    BOOST_TEST(errorOf(very_deep) == "nesting deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(rejects_duplicate_names) {
    JsonTextPosition position;
    BOOST_TEST(errorOf(R"({"a":1, "a":2})", &position) == "duplicate member name \"a\"");
    BOOST_TEST(position.column == 9u);
    std::string big = "{";
    for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    BOOST_TEST(parseJson(big + "\"last\":0}").ok());
    BOOST_TEST(errorOf(big + "\"k7\":0}") == "duplicate member name \"k7\"");
    JsonParseOptions options;
    options.allow_duplicate_keys = true;
    BOOST_TEST(parseJson(R"({"a":1,"a":2})", options).ok());
}

BOOST_AUTO_TEST_SUITE_END()
