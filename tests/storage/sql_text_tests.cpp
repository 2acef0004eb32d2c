// White-box tests of storage/src/sql_text.h: the `?` to `$n` rewrite and the script splitter.
#include <boost/test/unit_test.hpp>

#include "sql_text.h"

using namespace crossdock::storage;

BOOST_AUTO_TEST_SUITE(sql_text)

BOOST_AUTO_TEST_CASE(placeholders_are_numbered_in_order) {
    BOOST_TEST(numberPlaceholders("SELECT a FROM t WHERE b = ? AND c > ? LIMIT ?") ==
               "SELECT a FROM t WHERE b = $1 AND c > $2 LIMIT $3");
    BOOST_TEST(numberPlaceholders("SELECT 1") == "SELECT 1");
}

BOOST_AUTO_TEST_CASE(question_marks_in_literals_and_comments_stay) {
    BOOST_TEST(
        numberPlaceholders("SELECT '?', 'it''s ?', \"odd?name\" FROM t -- why?\nWHERE x = ? /* ? */") ==
        "SELECT '?', 'it''s ?', \"odd?name\" FROM t -- why?\nWHERE x = $1 /* ? */");
}

BOOST_AUTO_TEST_CASE(scripts_split_at_semicolons_in_code) {
    auto statements = splitStatements(
        "-- header\nCREATE TABLE a (x TEXT DEFAULT ';');\n\n/* b; */ CREATE TABLE b (y INTEGER);\n  -- "
        "trailer;\n");
    BOOST_REQUIRE(statements.size() == 2u);
    BOOST_TEST(statements[0] == "-- header\nCREATE TABLE a (x TEXT DEFAULT ';')");
    BOOST_TEST(statements[1] == "/* b; */ CREATE TABLE b (y INTEGER)");
    BOOST_TEST(splitStatements("SELECT 1").size() == 1u);
    BOOST_TEST(splitStatements("  ;; -- nothing\n").empty());
}

BOOST_AUTO_TEST_SUITE_END()
