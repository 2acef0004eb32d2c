#include "bmecat_parse.h"

#include <xercesc/framework/XMLPScanToken.hpp>
#include <xercesc/sax/SAXException.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/OutOfMemoryException.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/XMLException.hpp>
#include <xercesc/util/XMLUni.hpp>

#include <filesystem>
#include <memory>
#include <vector>

#include "xerces_support.h"

namespace crossdock::edi::bmecat::detail {

namespace {

using xercesc::XMLUni;

struct Schema {
    const char* namespace_uri;
    const char* file;
};

constexpr Schema kSchemas[] = {
    {"http://www.bmecat.org/bmecat/2005.1", "bmecat_2005_1.xsd"},
    {"http://www.bmecat.org/bmecat/2005.2", "bmecat_2005_2.xsd"},
};

/// Enough of the document to see the root element's namespace declaration.
constexpr std::size_t kPeekBytes = std::size_t{16} * 1024;

std::string peek(std::istream& in) {
    std::string prefix(kPeekBytes, '\0');
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    return prefix;
}

/// The schema path for the namespace declared in `prefix`, or "".
std::string schemaFor(const std::string& prefix, const std::string& schema_dir, std::string& namespace_uri) {
    auto root = prefix.find("<BMECAT");
    if (root == std::string::npos) root = prefix.find(":BMECAT");
    if (root == std::string::npos) return {};
    auto end = prefix.find('>', root);
    const std::string tag = prefix.substr(root, end == std::string::npos ? std::string::npos : end - root);
    for (const auto& schema : kSchemas) {
        if (tag.find(std::string("\"") + schema.namespace_uri + "\"") == std::string::npos &&
            tag.find(std::string("'") + schema.namespace_uri + "'") == std::string::npos)
            continue;
        namespace_uri = schema.namespace_uri;
        auto path = std::filesystem::path(schema_dir) / schema.file;
        return std::filesystem::exists(path) ? path.string() : std::string();
    }
    return {};
}

void setFeatures(xercesc::SAX2XMLReader& reader, const std::string& schema_location) {
    const bool validate = !schema_location.empty();
    reader.setFeature(XMLUni::fgSAX2CoreNameSpaces, true);
    reader.setFeature(XMLUni::fgXercesLoadExternalDTD, false);
    reader.setFeature(XMLUni::fgXercesSkipDTDValidation, true);
    reader.setFeature(XMLUni::fgSAX2CoreValidation, validate);
    reader.setFeature(XMLUni::fgXercesDynamic, false);
    reader.setFeature(XMLUni::fgXercesSchema, validate);
    reader.setFeature(XMLUni::fgXercesSchemaFullChecking, false);
    if (validate) {
        XMLCh* location = xercesc::XMLString::transcode(schema_location.c_str());
        reader.setProperty(XMLUni::fgXercesSchemaExternalSchemaLocation, location);
        xercesc::XMLString::release(&location);
    }
}

bool scan(xercesc::SAX2XMLReader& reader, xercesc::InputSource& input, BmecatHandler& handler,
          const std::function<bool()>& should_stop) {
    xercesc::XMLPScanToken token;
    if (!reader.parseFirst(input, token)) return false;
    while (!handler.stopped() && !should_stop()) {
        if (!reader.parseNext(token)) return !handler.stopped();
    }
    reader.parseReset(token);
    return !handler.stopped() && !should_stop();
}

}  // namespace

bool parseDocument(std::istream& in, const std::string& source, const std::string& schema_dir,
                   BmecatHandler& handler, DocumentInfo& info, const ErrorFn& on_error,
                   const std::function<bool()>& should_stop) {
    ensureXercesInitialized();
    std::string prefix = peek(in);
    std::string namespace_uri;
    std::string schema = schema_dir.empty() ? std::string() : schemaFor(prefix, schema_dir, namespace_uri);
    IstreamInputSource input(in, std::move(prefix));
    XMLCh* system_id = xercesc::XMLString::transcode(source.c_str());
    input.setSystemId(system_id);
    xercesc::XMLString::release(&system_id);
    try {
        std::unique_ptr<xercesc::SAX2XMLReader> reader(xercesc::XMLReaderFactory::createXMLReader());
        SchemaOnlyResolver resolver(schema.empty() ? std::vector<std::string>{}
                                                   : std::vector<std::string>{schema});
        xercesc::SecurityManager security;  // bounds entity expansion
        setFeatures(*reader, schema.empty() ? std::string() : namespace_uri + " " + schema);
        reader->setProperty(XMLUni::fgXercesSecurityManager, &security);
        reader->setContentHandler(&handler);
        reader->setErrorHandler(&handler);
        reader->setEntityResolver(&resolver);
        info.schema_validated = !schema.empty();
        return scan(*reader, input, handler, should_stop);
    } catch (const xercesc::SAXParseException& e) {
        on_error(
            "malformed XML: " + toUtf8(e.getMessage()),
            source + ":" + std::to_string(e.getLineNumber()) + ":" + std::to_string(e.getColumnNumber()));
    } catch (const xercesc::SAXException& e) {
        on_error("cannot read the document: " + toUtf8(e.getMessage()), source + ":1");
    } catch (const xercesc::XMLException& e) {
        on_error("cannot read the document: " + toUtf8(e.getMessage()), source + ":1");
    } catch (const xercesc::OutOfMemoryException&) {
        on_error("the document is too large for the XML parser", source + ":1");
    }
    return false;
}

}  // namespace crossdock::edi::bmecat::detail
