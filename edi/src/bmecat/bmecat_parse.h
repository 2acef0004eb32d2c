#pragma once

// Runs Xerces-C SAX2 over a BMEcat stream into a BmecatHandler, with optional XSD
// validation. Private to edi/bmecat.

#include <functional>
#include <istream>
#include <string>

#include "bmecat_handler.h"

namespace crossdock::edi::bmecat::detail {

/// Parses `in` progressively (so that `should_stop` can end it early). When `schema_dir`
/// is set and the document is in the 2005.1 or 2005.2 namespace, validates it against
/// that XSD and sets info.schema_validated. Never loads DTDs or external entities.
/// Xerces exceptions become errors. False when the document could not be read to its end.
bool parseDocument(std::istream& in, const std::string& source, const std::string& schema_dir,
                   BmecatHandler& handler, DocumentInfo& info, const ErrorFn& on_error,
                   const std::function<bool()>& should_stop);

}  // namespace crossdock::edi::bmecat::detail
