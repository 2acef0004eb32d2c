#pragma once

// Small Xerces-C helpers for the BMEcat reader: process-wide initialization, UTF-16
// to UTF-8, a std::istream as an InputSource, and an entity resolver that loads
// nothing but the configured schemas. Private to edi/bmecat.

#include <xercesc/sax/EntityResolver.hpp>
#include <xercesc/sax/InputSource.hpp>

#include <istream>
#include <string>
#include <vector>

namespace crossdock::edi::bmecat::detail {

/// Initializes Xerces once for the process (never terminated: other threads may
/// still parse). Throws std::runtime_error when Xerces cannot start.
void ensureXercesInitialized();

/// UTF-8 copy of a Xerces string (nullptr gives "").
std::string toUtf8(const XMLCh* text);
/// UTF-8 copy of the first `length` code units.
std::string toUtf8(const XMLCh* text, XMLSize_t length);

/// Reads `in` as it is parsed; `prefix` (bytes already taken from `in`) comes first.
/// `in` must outlive the parse.
class IstreamInputSource : public xercesc::InputSource {
public:
    IstreamInputSource(std::istream& in, std::string prefix);
    xercesc::BinInputStream* makeStream() const override;

private:
    std::istream& in_;
    std::string prefix_;
};

/// Resolves only the given schema files (by file name, to the full path); every other
/// external entity or DTD resolves to an empty document, so a parse never touches the
/// network or the file system beyond the schemas.
class SchemaOnlyResolver : public xercesc::EntityResolver {
public:
    explicit SchemaOnlyResolver(std::vector<std::string> schema_paths)
        : schema_paths_(std::move(schema_paths)) {}
    xercesc::InputSource* resolveEntity(const XMLCh* public_id, const XMLCh* system_id) override;

private:
    std::vector<std::string> schema_paths_;
};

}  // namespace crossdock::edi::bmecat::detail
