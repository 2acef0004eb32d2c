#pragma once
// The EDI pipeline for callers outside the server (`crossdock edi ingest`): the same objects
// POST /edi/inbound uses, reached through a Runtime.

#include <string>

#include "crossdock/core/result.h"
#include "crossdock/edi/inbound_pipeline.h"
#include "crossdock/server/edi_options.h"
#include "crossdock/server/runtime.h"

namespace crossdock::server {

/// Stores `bytes` as an inbound message of `partner_id` and processes it, exactly as
/// POST /edi/inbound does. NotFound for an unknown partner; storage failures throw.
core::Result<edi::ProcessResult> ingestDocument(Runtime& runtime, const std::string& partner_id,
                                                std::string bytes);

/// The edi.* keys of the properties file `path` (as `crossdock serve --config` reads it); an
/// empty path reads ./crossdock.properties when present, else gives the defaults.
/// InvalidArgument naming the key or the file.
core::Result<EdiOptions> loadEdiOptionsFile(const std::string& path);

}  // namespace crossdock::server
