// A strict RFC 8259 parser. Recursive descent over the text; a failure throws a
// private ParseFailure that parseJson() turns into a Result, so the happy path
// carries no error plumbing. Depth is bounded, so recursion is too.
#include <cstdint>
#include <string>
#include <unordered_set>

#include "crossdock/core/json.h"
#include "json_detail.h"

namespace crossdock::core {

namespace {

struct ParseFailure {
    std::string message;
    std::size_t offset;
};

// Objects up to this size check for duplicate names linearly; larger ones use a set.
constexpr std::size_t kLinearDuplicateCheck = 16;

class Parser {
public:
    Parser(std::string_view text, const JsonParseOptions& options) : text_(text), options_(options) {}

    Json parseDocument() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        skipWhitespace();
        Json value = parseValue();
        skipWhitespace();
        if (pos_ < text_.size()) fail("unexpected text after the JSON value");
        return value;
    }

private:
    [[noreturn]] void fail(std::string message) const { throw ParseFailure{std::move(message), pos_}; }
    [[noreturn]] void failAt(std::string message, std::size_t offset) const {
        throw ParseFailure{std::move(message), offset};
    }

    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    void skipWhitespace() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            ++pos_;
        }
    }

    Json parseValue() {
        if (atEnd()) fail("unexpected end of input: expected a value");
        switch (peek()) {
            case '{':
                return parseObject();
            case '[':
                return parseArray();
            case '"':
                return Json(parseString());
            case 't':
                return parseLiteral("true", Json(true));
            case 'f':
                return parseLiteral("false", Json(false));
            case 'n':
                return parseLiteral("null", Json());
            default:
                break;
        }
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parseNumber();
        fail(describeUnexpected() + ": expected a value");
    }

    std::string describeUnexpected() const {
        const auto c = static_cast<unsigned char>(peek());
        if (c >= 0x20 && c < 0x7F) return std::string("unexpected character '") + peek() + "'";
        return "unexpected byte 0x" + hexByte(c);
    }

    static std::string hexByte(unsigned char c) {
        static constexpr char kHex[] = "0123456789abcdef";
        return {kHex[c >> 4], kHex[c & 0xF]};
    }

    Json parseLiteral(std::string_view word, Json value) {
        if (text_.substr(pos_, word.size()) != word) fail(describeUnexpected() + ": expected a value");
        pos_ += word.size();
        return value;
    }

    Json parseNumber() {
        auto scan = json_detail::scanNumber(text_.substr(pos_));
        if (scan.error != nullptr) failAt(scan.error, pos_ + scan.error_at);
        auto number = Json::numberFromText(text_.substr(pos_, scan.length));
        pos_ += scan.length;
        return std::move(number).value();
    }

    void enter() {
        if (++depth_ > options_.max_depth) {
            fail("nesting deeper than " + std::to_string(options_.max_depth) + " levels");
        }
        ++pos_;  // the opening bracket
        skipWhitespace();
    }

    Json parseArray() {
        enter();
        Json::Array items;
        if (!atEnd() && peek() == ']') {
            ++pos_;
            --depth_;
            return Json(std::move(items));
        }
        while (true) {
            items.push_back(parseValue());
            skipWhitespace();
            if (atEnd()) fail("unexpected end of input: expected ',' or ']' after array element");
            if (peek() == ']') break;
            if (peek() != ',') fail("expected ',' or ']' after array element");
            ++pos_;
            skipWhitespace();
        }
        ++pos_;
        --depth_;
        return Json(std::move(items));
    }

    Json parseObject() {
        enter();
        Json::Object members;
        std::unordered_set<std::string> names;  // only filled for large objects
        if (!atEnd() && peek() == '}') {
            ++pos_;
            --depth_;
            return Json(std::move(members));
        }
        while (true) {
            if (atEnd()) fail("unexpected end of input: expected a member name");
            if (peek() != '"') fail("expected '\"' to begin a member name");
            const std::size_t name_offset = pos_;
            std::string name = parseString();
            if (!options_.allow_duplicate_keys) checkDuplicate(members, names, name, name_offset);
            skipWhitespace();
            if (atEnd() || peek() != ':') fail("expected ':' after member name");
            ++pos_;
            skipWhitespace();
            members.push_back(JsonMember{std::move(name), parseValue()});
            skipWhitespace();
            if (atEnd()) fail("unexpected end of input: expected ',' or '}' after member value");
            if (peek() == '}') break;
            if (peek() != ',') fail("expected ',' or '}' after member value");
            ++pos_;
            skipWhitespace();
        }
        ++pos_;
        --depth_;
        return Json(std::move(members));
    }

    void checkDuplicate(const Json::Object& members, std::unordered_set<std::string>& names,
                        const std::string& name, std::size_t offset) const {
        bool duplicate = false;
        if (members.size() < kLinearDuplicateCheck) {
            for (const auto& m : members) duplicate = duplicate || m.key == name;
        } else {
            if (names.empty()) {
                for (const auto& m : members) names.insert(m.key);
            }
            duplicate = !names.insert(name).second;
        }
        if (duplicate) failAt("duplicate member name \"" + name + "\"", offset);
    }

    std::string parseString() {
        ++pos_;  // opening quote
        std::string out;
        while (true) {
            const std::size_t run_start = pos_;
            while (pos_ < text_.size()) {
                const auto c = static_cast<unsigned char>(text_[pos_]);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++pos_;
            }
            out.append(text_.substr(run_start, pos_ - run_start));
            if (atEnd()) fail("unexpected end of input inside a string");
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c == '\\') {
                parseEscape(out);
            } else if (c < 0x20) {
                fail("control character in a string must be escaped");
            } else {
                const std::size_t length = json_detail::utf8SequenceLength(text_, pos_);
                if (length == 0) fail("invalid UTF-8 in a string");
                out.append(text_.substr(pos_, length));
                pos_ += length;
            }
        }
    }

    void parseEscape(std::string& out) {
        const std::size_t escape_offset = pos_;
        ++pos_;
        if (atEnd()) fail("unexpected end of input inside a string");
        const char c = peek();
        ++pos_;
        switch (c) {
            case '"':
                out += '"';
                return;
            case '\\':
                out += '\\';
                return;
            case '/':
                out += '/';
                return;
            case 'b':
                out += '\b';
                return;
            case 'f':
                out += '\f';
                return;
            case 'n':
                out += '\n';
                return;
            case 'r':
                out += '\r';
                return;
            case 't':
                out += '\t';
                return;
            case 'u':
                appendCodePoint(out, parseUnicodeEscape(escape_offset), escape_offset);
                return;
            default:
                break;
        }
        failAt(std::string("invalid escape sequence '\\") +
                   (c >= 0x20 && c < 0x7F ? std::string(1, c) : "?") + "'",
               escape_offset);
    }

    std::uint32_t readHex4(std::size_t escape_offset) {
        if (text_.size() - pos_ < 4) failAt("invalid \\u escape: expected 4 hex digits", escape_offset);
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            std::uint32_t digit = 0;
            if (h >= '0' && h <= '9') {
                digit = static_cast<std::uint32_t>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                digit = static_cast<std::uint32_t>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                digit = static_cast<std::uint32_t>(h - 'A' + 10);
            } else {
                failAt("invalid \\u escape: expected 4 hex digits", escape_offset);
            }
            value = value * 16 + digit;
        }
        return value;
    }

    std::uint32_t parseUnicodeEscape(std::size_t escape_offset) {
        const std::uint32_t first = readHex4(escape_offset);
        if (first >= 0xDC00 && first <= 0xDFFF)
            failAt("invalid \\u escape: unpaired low surrogate", escape_offset);
        if (first < 0xD800 || first > 0xDBFF) return first;
        if (text_.substr(pos_, 2) != "\\u")
            failAt("invalid \\u escape: unpaired high surrogate", escape_offset);
        pos_ += 2;
        const std::uint32_t second = readHex4(escape_offset);
        if (second < 0xDC00 || second > 0xDFFF) {
            failAt("invalid \\u escape: unpaired high surrogate", escape_offset);
        }
        return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
    }

    void appendCodePoint(std::string& out, std::uint32_t cp, std::size_t escape_offset) const {
        if (cp == 0 && !options_.allow_nul_char) failAt("\\u0000 is not allowed in strings", escape_offset);
        const auto byte = [](std::uint32_t b) { return static_cast<char>(static_cast<unsigned char>(b)); };
        if (cp < 0x80) {
            out += byte(cp);
        } else if (cp < 0x800) {
            out += byte(0xC0 | (cp >> 6));
            out += byte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += byte(0xE0 | (cp >> 12));
            out += byte(0x80 | ((cp >> 6) & 0x3F));
            out += byte(0x80 | (cp & 0x3F));
        } else {
            out += byte(0xF0 | (cp >> 18));
            out += byte(0x80 | ((cp >> 12) & 0x3F));
            out += byte(0x80 | ((cp >> 6) & 0x3F));
            out += byte(0x80 | (cp & 0x3F));
        }
    }

    std::string_view text_;
    const JsonParseOptions& options_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

JsonTextPosition positionOf(std::string_view text, std::size_t offset) {
    JsonTextPosition position;
    position.offset = offset;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
            ++position.column;
        }
    }
    return position;
}

}  // namespace

Result<Json> parseJson(std::string_view text, const JsonParseOptions& options,
                       JsonTextPosition* error_position) {
    try {
        return Parser(text, options).parseDocument();
    } catch (const ParseFailure& failure) {
        const JsonTextPosition position = positionOf(text, failure.offset);
        if (error_position != nullptr) *error_position = position;
        return makeError(ErrorCode::InvalidArgument, failure.message,
                         "line " + std::to_string(position.line) + ", column " +
                             std::to_string(position.column) + " (offset " + std::to_string(position.offset) +
                             ")");
    }
}

}  // namespace crossdock::core
