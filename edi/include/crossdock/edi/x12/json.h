#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "crossdock/edi/x12/interchange_parser.h"

namespace crossdock::edi::x12 {

/// An EnvelopeHandler that writes the canonical JSON of the input as it is parsed
/// (the shape is in docs/edi-x12.md): interchanges > groups > transactions, each with
/// its header and trailer segment (null when missing); segments as arrays whose first
/// item is the id; an element with components as an array of strings, a repeated
/// element as {"repetitions": [...]}; ISA fields as written. finish() appends the
/// issues and the counts. Output is pretty-printed, one segment per line, and
/// deterministic. Memory: a small output buffer, flushed to `out` as it fills.
class JsonRenderer final : public EnvelopeHandler {
public:
    explicit JsonRenderer(std::ostream& out) : out_(out) {}

    void onInterchangeStart(const InterchangeInfo& info, const Segment& isa) override;
    void onGroupStart(const GroupInfo& info, const Segment& gs) override;
    void onTransactionStart(const TransactionInfo& info, const Segment& st) override;
    void onSegment(const Segment& segment, std::size_t position) override;
    void onTransactionEnd(const TransactionInfo& info, const Segment* se,
                          const TransactionResult& result) override;
    void onGroupEnd(const GroupInfo& info, const Segment* ge, const GroupResult& result) override;
    void onInterchangeEnd(const InterchangeInfo& info, const Segment* iea,
                          const InterchangeResult& result) override;

    /// Writes the issues and counts of `summary`, closes the document and flushes.
    /// Call once, after InterchangeParser::parse().
    void finish(const ParseSummary& summary);

private:
    void open(std::string_view key);
    void item(bool& first, int depth);
    void segmentArray(const Segment& segment);
    void flushIfFull();

    std::ostream& out_;
    std::string buffer_;
    bool started_ = false;
    bool first_interchange_ = true;
    bool first_group_ = true;
    bool first_transaction_ = true;
    bool first_segment_ = true;
};

/// Parses `bytes` and returns their canonical JSON (JsonRenderer); the summary goes to
/// `summary` when given. Never fails: problems are in the JSON's "issues".
std::string toCanonicalJson(std::string_view bytes, const ParseOptions& options = {},
                            ParseSummary* summary = nullptr);

/// Appends `text` as a JSON string literal, quotes included: '"', '\\' and control
/// characters escaped; valid UTF-8 kept; any other byte written as \u00XX (read as
/// Latin-1), so the output is always valid UTF-8.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace crossdock::edi::x12
