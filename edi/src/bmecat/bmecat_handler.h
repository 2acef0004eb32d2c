#pragma once

// The SAX2 pass over a BMEcat document: collects header facts, group systems, group
// maps and products (as text with lines) into a ParsedDocument, and reports XML
// syntax, schema and structural errors. Private to edi/bmecat.

#include <xercesc/sax2/DefaultHandler.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "bmecat_records.h"
#include "crossdock/edi/bmecat/bmecat_importer.h"

namespace crossdock::edi::bmecat::detail {

/// Receives (message, where) for each error.
using ErrorFn = std::function<void(std::string message, std::string where)>;

class BmecatHandler : public xercesc::DefaultHandler {
public:
    BmecatHandler(std::string source, ParsedDocument& document, DocumentInfo& info, ErrorFn on_error,
                  std::function<void(std::size_t products)> on_product);

    /// True once the document cannot be read further (wrong root, fatal XML error).
    bool stopped() const { return stopped_; }
    /// Line of the root element (1 when unknown).
    std::size_t rootLine() const { return root_line_; }
    /// "file:line".
    std::string where(std::size_t line) const;

    void setDocumentLocator(const xercesc::Locator* locator) override { locator_ = locator; }
    void startElement(const XMLCh* uri, const XMLCh* localname, const XMLCh* qname,
                      const xercesc::Attributes& attributes) override;
    void endElement(const XMLCh* uri, const XMLCh* localname, const XMLCh* qname) override;
    void characters(const XMLCh* chars, XMLSize_t length) override;

    void warning(const xercesc::SAXParseException& e) override;
    void error(const xercesc::SAXParseException& e) override;
    void fatalError(const xercesc::SAXParseException& e) override;

private:
    struct Open {
        std::string name;
        std::size_t line;
    };

    std::size_t line() const;
    const std::string& parent() const;
    const std::string& grandparent() const;
    void startRoot(const XMLCh* uri, const xercesc::Attributes& attributes);
    void startInTransaction(const std::string& name, const xercesc::Attributes& attributes);
    void startInProduct(const std::string& name, const xercesc::Attributes& attributes);
    void endInHeader(const std::string& name, const std::string& text);
    void endInGroups(const std::string& name, const std::string& text);
    void endInProduct(const std::string& name, Value value);
    void endInDetails(const std::string& name, Value value);
    Value* orderField(const std::string& name);
    void endInPrice(const std::string& name, Value value);
    static Value* priceField(Price& price, const std::string& name);

    std::string source_;
    ParsedDocument& document_;
    DocumentInfo& info_;
    ErrorFn on_error_;
    std::function<void(std::size_t)> on_product_;
    const xercesc::Locator* locator_ = nullptr;
    std::vector<Open> open_;
    std::string text_;
    bool stopped_ = false;
    std::size_t root_line_ = 1;
    ProductRecord* product_ = nullptr;
    GroupSystem* classification_ = nullptr;
    std::string datetime_type_;
    std::string pid_type_;
};

}  // namespace crossdock::edi::bmecat::detail
