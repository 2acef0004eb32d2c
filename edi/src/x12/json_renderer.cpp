#include "crossdock/edi/x12/json.h"

#include <sstream>

namespace crossdock::edi::x12 {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

// Length of the valid UTF-8 sequence at text[i] (0 when invalid).
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    unsigned min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > text.size()) return 0;
    unsigned code = b0 & (0x7Fu >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        code = (code << 6) | (b & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return n;
}

void appendEscape(std::string& out, unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
}

void appendChar(std::string& out, char c) {
    if (c == '\0') {
        out += "null";
        return;
    }
    appendJsonString(out, std::string_view(&c, 1));
}

void appendElement(std::string& out, std::string_view value, const Delimiters& d) {
    auto components = [&](std::string_view text) {
        if (!d.hasComponent() || text.find(d.component) == std::string_view::npos) {
            appendJsonString(out, text);
            return;
        }
        out += '[';
        bool first = true;
        for (const std::string_view piece : Pieces(text, d.component)) {
            if (!first) out += ", ";
            first = false;
            appendJsonString(out, piece);
        }
        out += ']';
    };
    if (!d.hasRepetition() || value.find(d.repetition) == std::string_view::npos) {
        components(value);
        return;
    }
    out += "{\"repetitions\": [";
    bool first = true;
    for (const std::string_view piece : Pieces(value, d.repetition)) {
        if (!first) out += ", ";
        first = false;
        components(piece);
    }
    out += "]}";
}

void appendNumber(std::string& out, std::uint64_t value) { out += std::to_string(value); }

void appendIssue(std::string& out, const Issue& issue) {
    const Location& at = issue.location;
    auto text = [&](std::string_view key, std::string_view value) {
        out += ", \"";
        out += key;
        out += "\": ";
        appendJsonString(out, value);
    };
    auto number = [&](std::string_view key, std::uint64_t value) {
        out += ", \"";
        out += key;
        out += "\": ";
        appendNumber(out, value);
    };
    out += "{\"severity\": ";
    appendJsonString(out, toString(issue.severity));
    text("scope", toString(issue.scope()));
    text("code", issue.codeText());
    out += ", \"detail\": ";
    if (issue.detail == ElementCode::None) {
        out += "null";
    } else {
        appendJsonString(out, toString(issue.detail));
    }
    text("message", issue.message);
    number("segment", at.file_segment);
    text("segment_id", at.segment_id);
    number("transaction_segment", at.transaction_segment);
    number("element", at.element);
    number("component", at.component);
    number("repetition", at.repetition);
    text("element_reference", at.element_reference);
    text("bad_value", at.bad_value);
    number("offset", at.byte_offset);
    number("interchange", at.interchange);
    text("interchange_control", at.interchange_control);
    text("functional_id", at.functional_id);
    text("group_control", at.group_control);
    text("transaction_set_id", at.transaction_set_id);
    text("transaction_control", at.transaction_control);
    out += '}';
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80) {
            if (c == '"' || c == '\\') out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20) {
            switch (c) {
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                default:
                    appendEscape(out, c);
                    break;
            }
            ++i;
        } else if (const std::size_t n = utf8Length(text, i); n > 0) {
            out.append(text.substr(i, n));
            i += n;
        } else {
            appendEscape(out, c);
            ++i;
        }
    }
    out += '"';
}

void JsonRenderer::item(bool& first, int depth) {
    if (!first) buffer_ += ',';
    first = false;
    buffer_ += '\n';
    buffer_.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void JsonRenderer::open(std::string_view key) {
    buffer_ += "\"";
    buffer_ += key;
    buffer_ += "\": ";
}

void JsonRenderer::segmentArray(const Segment& segment) {
    const bool raw = segment.id() == "ISA";  // ISA11 and ISA16 hold delimiters: never split
    buffer_ += '[';
    for (std::size_t k = 0; k <= segment.elementCount(); ++k) {
        if (k > 0) buffer_ += ", ";
        if (k == 0 || raw) {
            appendJsonString(buffer_, segment.element(k));
        } else {
            appendElement(buffer_, segment.element(k), segment.delimiters());
        }
    }
    buffer_ += ']';
}

void JsonRenderer::flushIfFull() {
    if (buffer_.size() < kFlushAt) return;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

void JsonRenderer::onInterchangeStart(const InterchangeInfo& info, const Segment& isa) {
    if (!started_) {
        buffer_ += "{\n  \"interchanges\": [";
        started_ = true;
    }
    item(first_interchange_, 2);
    buffer_ += "{\n      ";
    open("delimiters");
    const Delimiters& d = info.delimiters;
    buffer_ += "{\"element\": ";
    appendChar(buffer_, d.element);
    buffer_ += ", \"component\": ";
    appendChar(buffer_, d.component);
    buffer_ += ", \"repetition\": ";
    appendChar(buffer_, d.repetition);
    buffer_ += ", \"segment\": ";
    appendChar(buffer_, d.segment);
    buffer_ += "},\n      ";
    open("header");
    segmentArray(isa);
    buffer_ += ",\n      ";
    open("groups");
    buffer_ += '[';
    first_group_ = true;
}

void JsonRenderer::onGroupStart(const GroupInfo& /*info*/, const Segment& gs) {
    item(first_group_, 4);
    buffer_ += "{\n          ";
    open("header");
    segmentArray(gs);
    buffer_ += ",\n          ";
    open("transactions");
    buffer_ += '[';
    first_transaction_ = true;
}

void JsonRenderer::onTransactionStart(const TransactionInfo& /*info*/, const Segment& st) {
    item(first_transaction_, 6);
    buffer_ += "{\n              ";
    open("header");
    segmentArray(st);
    buffer_ += ",\n              ";
    open("segments");
    buffer_ += '[';
    first_segment_ = true;
}

void JsonRenderer::onSegment(const Segment& segment, std::size_t /*position*/) {
    item(first_segment_, 8);
    segmentArray(segment);
    flushIfFull();
}

void JsonRenderer::onTransactionEnd(const TransactionInfo& /*info*/, const Segment* se,
                                    const TransactionResult& /*result*/) {
    buffer_ += first_segment_ ? "],\n              " : "\n              ],\n              ";
    open("trailer");
    if (se != nullptr) {
        segmentArray(*se);
    } else {
        buffer_ += "null";
    }
    buffer_ += "\n            }";
}

void JsonRenderer::onGroupEnd(const GroupInfo& /*info*/, const Segment* ge, const GroupResult& /*result*/) {
    buffer_ += first_transaction_ ? "],\n          " : "\n          ],\n          ";
    open("trailer");
    if (ge != nullptr) {
        segmentArray(*ge);
    } else {
        buffer_ += "null";
    }
    buffer_ += "\n        }";
}

void JsonRenderer::onInterchangeEnd(const InterchangeInfo& /*info*/, const Segment* iea,
                                    const InterchangeResult& /*result*/) {
    buffer_ += first_group_ ? "],\n      " : "\n      ],\n      ";
    open("trailer");
    if (iea != nullptr) {
        segmentArray(*iea);
    } else {
        buffer_ += "null";
    }
    buffer_ += "\n    }";
    flushIfFull();
}

void JsonRenderer::finish(const ParseSummary& summary) {
    buffer_ += started_ ? (first_interchange_ ? "],\n  " : "\n  ],\n  ") : "{\n  \"interchanges\": [],\n  ";
    open("issues");
    buffer_ += '[';
    bool first = true;
    for (const Issue& issue : summary.issues) {
        item(first, 2);
        appendIssue(buffer_, issue);
    }
    buffer_ += first ? "],\n  " : "\n  ],\n  ";
    open("summary");
    buffer_ += "{\"interchanges\": " + std::to_string(summary.interchanges) +
               ", \"groups\": " + std::to_string(summary.groups) +
               ", \"transactions\": " + std::to_string(summary.transactions) +
               ", \"segments\": " + std::to_string(summary.segments) +
               ", \"errors\": " + std::to_string(summary.errors) +
               ", \"warnings\": " + std::to_string(summary.warnings) +
               ", \"fatal\": " + (summary.fatal ? "true" : "false") +
               ", \"issues_truncated\": " + (summary.issues_truncated ? "true" : "false") + "}\n}\n";
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    out_.flush();
}

std::string toCanonicalJson(std::string_view bytes, const ParseOptions& options, ParseSummary* summary) {
    std::ostringstream out;
    JsonRenderer renderer(out);
    InterchangeParser parser(renderer, options);
    ParseSummary result = parser.parse(bytes);
    renderer.finish(result);
    if (summary != nullptr) *summary = std::move(result);
    return std::move(out).str();
}

}  // namespace crossdock::edi::x12
