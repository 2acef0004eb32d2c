// JSON output: the streaming JsonWriter, string escaping, and the tree writers
// built on them.
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "crossdock/core/json.h"
#include "json_detail.h"

namespace crossdock::core {

namespace {

constexpr std::string_view kReplacementChar = "\\ufffd";

bool needsEscape(unsigned char c) { return c == '"' || c == '\\' || c < 0x20 || c >= 0x80; }

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// True when none of the 8 bytes of `word` needs escaping (all in 0x20..0x7f, none '"'
// or '\\'): the high bits, then "has a byte below 0x20" and "has a byte equal to" by the
// usual carry tricks (exact once the high bits are known clear).
bool plainWord(std::uint64_t word) {
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word;
    const std::uint64_t quote = word ^ (kOnes * '"');
    const std::uint64_t backslash = word ^ (kOnes * '\\');
    const std::uint64_t zero_quote = (quote - kOnes) & ~quote;
    const std::uint64_t zero_backslash = (backslash - kOnes) & ~backslash;
    return ((word | below_space | zero_quote | zero_backslash) & kHighs) == 0;
}

// The end of the run from `pos` that needs no escaping: 8 bytes at a time, then bytewise.
std::size_t plainRunEnd(std::string_view text, std::size_t pos) {
    for (; pos + 8 <= text.size(); pos += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + pos, 8);
        if (!plainWord(word)) break;
    }
    while (pos < text.size() && !needsEscape(static_cast<unsigned char>(text[pos]))) ++pos;
    return pos;
}

void appendControl(std::string& out, unsigned char c) {
    switch (c) {
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
}

template <typename Integer>
void appendInteger(std::string& out, Integer value) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    (void)ec;  // 24 bytes hold any 64-bit integer
    out.append(buffer, end);
}

void writePretty(std::string& out, const Json& value, int indent, int level) {
    const auto newline = [&](int lvl) {
        out += '\n';
        out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(lvl), ' ');
    };
    if (value.isArray() && value.size() > 0) {
        out += '[';
        bool first = true;
        for (const auto& item : value.items()) {
            if (!first) out += ',';
            first = false;
            newline(level + 1);
            writePretty(out, item, indent, level + 1);
        }
        newline(level);
        out += ']';
    } else if (value.isObject() && value.size() > 0) {
        out += '{';
        bool first = true;
        for (const auto& member : value.members()) {
            if (!first) out += ',';
            first = false;
            newline(level + 1);
            appendJsonString(out, member.key);
            out += ": ";
            writePretty(out, member.value, indent, level + 1);
        }
        newline(level);
        out += '}';
    } else {
        out += toJsonString(value);
    }
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t run_start = pos;
        pos = plainRunEnd(text, pos);
        out.append(text.substr(run_start, pos - run_start));
        if (pos >= text.size()) break;
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += static_cast<char>(c);
            } else {
                appendControl(out, c);
            }
            ++pos;
            continue;
        }
        const std::size_t length = json_detail::utf8SequenceLength(text, pos);
        if (length == 0) {
            out += kReplacementChar;
            ++pos;
        } else {
            out.append(text.substr(pos, length));
            pos += length;
        }
    }
    out += '"';
}

void JsonWriter::beforeValue() {
    if (need_comma_) out_ += ',';
    need_comma_ = true;
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    out_ += '{';
    need_comma_ = false;
    ++depth_;
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    assert(depth_ > 0);
    out_ += '}';
    need_comma_ = true;
    --depth_;
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    out_ += '[';
    need_comma_ = false;
    ++depth_;
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    assert(depth_ > 0);
    out_ += ']';
    need_comma_ = true;
    --depth_;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (need_comma_) out_ += ',';
    appendJsonString(out_, name);
    out_ += ':';
    need_comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    beforeValue();
    appendJsonString(out_, text);
    return *this;
}

JsonWriter& JsonWriter::rawNumber(std::string_view lexeme) {
    beforeValue();
    out_ += lexeme;
    return *this;
}

JsonWriter& JsonWriter::signedNumber(std::int64_t value) {
    beforeValue();
    appendInteger(out_, value);
    return *this;
}

JsonWriter& JsonWriter::unsignedNumber(std::uint64_t value) {
    beforeValue();
    appendInteger(out_, value);
    return *this;
}

JsonWriter& JsonWriter::number(const Decimal& value) { return rawNumber(value.toShortString()); }

JsonWriter& JsonWriter::boolean(bool value) {
    beforeValue();
    out_ += value ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(const Json& value) {
    switch (value.type()) {
        case Json::Type::Null:
            return null();
        case Json::Type::Bool:
            return boolean(value.asBool());
        case Json::Type::Number:
            return rawNumber(value.numberText());
        case Json::Type::String:
            return string(value.asString());
        case Json::Type::Array:
            beginArray();
            for (const auto& item : value.items()) this->value(item);
            return endArray();
        case Json::Type::Object:
            beginObject();
            for (const auto& member : value.members()) key(member.key).value(member.value);
            return endObject();
    }
    return *this;
}

std::string JsonWriter::take() {
    std::string result = std::move(out_);
    out_.clear();
    need_comma_ = false;
    depth_ = 0;
    return result;
}

std::string toJsonString(const Json& value) {
    JsonWriter writer;
    writer.value(value);
    return writer.take();
}

std::string toPrettyJsonString(const Json& value, int indent) {
    std::string out;
    writePretty(out, value, indent < 0 ? 0 : indent, 0);
    return out;
}

}  // namespace crossdock::core
