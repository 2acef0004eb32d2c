// The string table on its own: every text interned is found with its id, and
// every text that differs from one in a single byte, or only in its length, is
// not; for every length from empty to well past the 11 characters a slot keeps
// inline (where a search reads the text as overlapping words).

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "../../pricing/src/string_table.h"

namespace crossdock::pricing::detail {

namespace {

// A text of `length` printable characters; its first one differs for each `seed` (< 94).
std::string textOf(std::size_t length, std::uint32_t seed) {
    std::string text(length, ' ');
    for (std::size_t i = 0; i < length; ++i) text[i] = static_cast<char>('!' + (seed + i * 31) % 94);
    return text;
}

// A character no text above holds: a text with it is never in the table.
constexpr char kForeign = '\x01';

}  // namespace

BOOST_AUTO_TEST_SUITE(string_table)

BOOST_AUTO_TEST_CASE(every_text_is_found_and_every_near_miss_is_not) {
    constexpr std::size_t kLongest = 40;
    constexpr std::uint32_t kPerLength = 30;
    StringTable table;
    std::vector<std::string> texts;
    for (std::size_t length = 0; length <= kLongest; ++length)
        for (std::uint32_t seed = 0; seed < (length == 0 ? 1 : kPerLength); ++seed)
            texts.push_back(textOf(length, seed));
    for (std::size_t i = 0; i < texts.size(); ++i) BOOST_REQUIRE_EQUAL(table.intern(texts[i]), i);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string& text = texts[i];
        BOOST_TEST_CONTEXT("text \"" << text << "\"") {
            BOOST_TEST(table.find(text) == i);
            BOOST_TEST(table.name(static_cast<std::uint32_t>(i)) == text);
            // The same text inside a longer buffer: only its own bytes count.
            const std::string padded = "##" + text + "zzzzzzzzzzzzzzzz";
            BOOST_TEST(table.find(std::string_view(padded).substr(2, text.size())) == i);
            // One byte changed, at each position.
            for (std::size_t at = 0; at < text.size(); ++at) {
                std::string changed = text;
                changed[at] = kForeign;
                BOOST_TEST(table.find(changed) == StringTable::kNone, "changed at " << at);
            }
            // One byte longer, one shorter, and a trailing NUL (the padding of a short slot).
            BOOST_TEST(table.find(text + kForeign) == StringTable::kNone);
            if (!text.empty()) BOOST_TEST(table.find(text.substr(0, text.size() - 1)) != i);
            BOOST_TEST(table.find(text + std::string(1, '\0')) == StringTable::kNone);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_table_grown_from_empty_keeps_every_id) {
    StringTable table;
    BOOST_TEST(table.find("x") == StringTable::kNone);
    BOOST_TEST(table.find("") == StringTable::kNone);
    for (std::uint32_t n = 0; n < 5'000; ++n)
        BOOST_REQUIRE_EQUAL(table.intern("SKU-" + std::to_string(n)), n);
    for (std::uint32_t n = 0; n < 5'000; ++n) BOOST_TEST(table.find("SKU-" + std::to_string(n)) == n);
    BOOST_TEST(table.find("SKU-5000") == StringTable::kNone);
    BOOST_TEST(table.find("SKU-") == StringTable::kNone);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace crossdock::pricing::detail
