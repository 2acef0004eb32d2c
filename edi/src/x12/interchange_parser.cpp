#include "crossdock/edi/x12/interchange_parser.h"

#include "x12/parser_run.h"

namespace crossdock::edi::x12 {

InterchangeParser::InterchangeParser(EnvelopeHandler& handler, ParseOptions options)
    : handler_(handler), options_(options) {}

ParseSummary InterchangeParser::parse(ByteSource& source) {
    SegmentReader reader(source, options_.reader);
    return run(reader);
}

ParseSummary InterchangeParser::parse(std::string_view bytes) {
    SegmentReader reader(bytes, options_.reader);
    return run(reader);
}

ParseSummary InterchangeParser::run(SegmentReader& reader) {
    detail::ParserRun walk(handler_, options_, reader);
    return walk.run();
}

}  // namespace crossdock::edi::x12
