#include <boost/test/unit_test.hpp>

#include <sstream>

#include "crossdock/core/csv.h"

using crossdock::core::CsvHeader;
using crossdock::core::CsvReader;

namespace {

/// Every record of `text`, or the error's "message @ where".
std::vector<std::vector<std::string>> readAll(const std::string& text, std::string* error = nullptr) {
    std::istringstream in(text);
    CsvReader reader(in, "t.csv");
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> row;
    for (;;) {
        auto more = reader.next(row);
        if (!more) {
            if (error) *error = more.error().message + " @ " + more.error().where;
            return out;
        }
        if (!*more) return out;
        out.push_back(row);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(plain_quoted_and_empty_fields) {
    auto rows = readAll("a,b,c\n1,\"two, with comma\",\n");
    BOOST_REQUIRE_EQUAL(rows.size(), 2u);
    BOOST_TEST(rows[1] == (std::vector<std::string>{"1", "two, with comma", ""}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(doubled_quotes_newlines_in_fields_crlf_bom_and_no_final_newline) {
    std::string error;
    auto rows = readAll("\xEF\xBB\xBFsku,name\r\nA1,\"say \"\"hi\"\"\r\nline two\"\r\n\r\nB2,x", &error);
    BOOST_TEST(error.empty());
    BOOST_REQUIRE_EQUAL(rows.size(), 3u);
    BOOST_TEST(rows[0][0] == "sku");
    BOOST_TEST(rows[1][1] == "say \"hi\"\r\nline two");
    BOOST_TEST(rows[2][1] == "x");
}

BOOST_AUTO_TEST_CASE(record_line_counts_newlines_inside_quotes) {
    std::istringstream in("h\n\"a\nb\"\nc\n");
    CsvReader reader(in, "f.csv");
    std::vector<std::string> row;
    BOOST_TEST(*reader.next(row));
    BOOST_TEST(*reader.next(row));
    BOOST_TEST(reader.recordLine() == 2u);
    BOOST_TEST(*reader.next(row));
    BOOST_TEST(reader.position() == "f.csv:4");
    BOOST_TEST(!*reader.next(row));
}

BOOST_AUTO_TEST_CASE(malformed_quoting_is_positioned) {
    std::string error;
    readAll("a,b\n1,\"open\n2,3\n", &error);
    BOOST_TEST(error == "quoted field is never closed @ t.csv:2");
    readAll("a,b\n1,\"x\"y\n", &error);
    BOOST_TEST(error == "unexpected character after closing quote in field 2 @ t.csv:2");
    readAll("a,b\n1,x\"y\n", &error);
    BOOST_TEST(error == "quote inside an unquoted field 2 @ t.csv:2");
}

BOOST_AUTO_TEST_CASE(header_checks_required_unknown_duplicate_and_open_prefixes) {
    auto ok =
        CsvHeader::check({"sku", " name ", "attr:colour"}, {"sku", "name"}, {"brand"}, {"attr:"}, "f:1");
    BOOST_REQUIRE(ok.ok());
    BOOST_TEST(*ok->index("name") == 1u);
    BOOST_TEST(ok->field({"S1", "N", "red"}, "attr:colour") == "red");
    BOOST_TEST(ok->field({"S1", "N", "red"}, "brand").empty());
    auto missing = CsvHeader::check({"sku"}, {"sku", "name"}, {}, {}, "f:1");
    BOOST_TEST(missing.error().message == "missing required column 'name'");
    auto unknown = CsvHeader::check({"sku", "name", "colour"}, {"sku", "name"}, {}, {"attr:"}, "f:1");
    BOOST_TEST(unknown.error().message == "unknown column 'colour'");
    BOOST_TEST(unknown.error().where == "f:1");
    auto twice = CsvHeader::check({"sku", "name", "sku"}, {"sku", "name"}, {}, {}, "f:1");
    BOOST_TEST(twice.error().message == "column 'sku' appears twice");
    BOOST_TEST(!CsvHeader::check({"sku", "name", "attr:"}, {"sku", "name"}, {}, {"attr:"}, "f:1").ok());
}

BOOST_AUTO_TEST_SUITE_END()
